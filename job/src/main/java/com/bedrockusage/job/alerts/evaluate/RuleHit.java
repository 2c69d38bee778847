package com.bedrockusage.job.alerts.evaluate;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Contributors;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.rules.AlertWindows;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.usage.LatencySketch;
import com.bedrockusage.job.usage.SaturatingSum;
import java.math.BigDecimal;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The invocations that count for one rule, scope key and window, summed by the {@link RuleMatcher}
 * between two of its flushes (often one call, under load hundreds). Carries the rule itself so the
 * evaluator needs no second copy of the rules. Serialized by {@link RuleHitSerializer}.
 */
@TypeInfo(RuleHitTypeInfo.Factory.class)
public class RuleHit {

    /** The evaluator's key: rule id and scope key. */
    public String key;

    public AlertRule rule;
    public String scopeKey;
    public long windowStart;
    public long windowEnd;

    /** The latest event time among the calls. */
    public long eventTime = Long.MIN_VALUE;

    /** The account of the latest call (alerts of wider scopes name it). */
    public String accountId;

    public long invocations;
    public long errors;

    /** Successful or failed calls without a cost. */
    public long unpriced;

    public long inputTokens;
    public long outputTokens;
    public long totalTokens;

    /** The sum over the priced calls; zero when there are none. */
    public BigDecimal costUsd = BigDecimal.ZERO;

    public long latencyCount;
    public long latencySumMs;

    /**
     * Successful calls with a latency and output tokens: what {@code latency_per_output_token_ms}
     * rests on.
     */
    public long generations;

    public long generationLatencySumMs;
    public long generationOutputTokens;

    /** Only for {@code latency_p99_ms} rules. */
    public LatencySketch latency;

    /** Callers (or, under a caller scope, models) by cost, for the top-contributors list. */
    public Contributors contributors = new Contributors();

    public RuleHit() {}

    /** An empty hit for the rule's window that starts at {@code windowStart}. */
    static RuleHit start(AlertRule rule, String scopeKey, long windowStart) {
        RuleHit h = new RuleHit();
        h.key = key(rule.id, scopeKey);
        h.rule = rule;
        h.scopeKey = scopeKey;
        h.windowStart = windowStart;
        h.windowEnd = AlertWindows.end(rule.windowMillis, windowStart);
        if (rule.metric == Metric.LATENCY_P99_MS) {
            h.latency = new LatencySketch();
        }
        return h;
    }

    /** One call alone. */
    public static RuleHit of(AlertRule rule, String scopeKey, Invocation inv) {
        RuleHit h = start(rule, scopeKey, AlertWindows.start(rule.windowMillis, inv.eventTime));
        h.add(inv);
        return h;
    }

    void add(Invocation inv) {
        invocations++;
        if (inv.isError()) {
            errors++;
        }
        BigDecimal cost = inv.priced ? inv.costUsd : null;
        if (cost == null) {
            unpriced++;
        } else {
            costUsd = costUsd.add(cost);
        }
        inputTokens = SaturatingSum.add(inputTokens, inv.inputTokens);
        outputTokens = SaturatingSum.add(outputTokens, inv.outputTokens);
        totalTokens = SaturatingSum.add(totalTokens, inv.totalTokens());
        if (inv.latencyMs != null) {
            latencyCount++;
            latencySumMs = SaturatingSum.add(latencySumMs, inv.latencyMs);
            if (latency != null) {
                latency.add(inv.latencyMs);
            }
            if (!inv.isError() && inv.outputTokens > 0) {
                generations++;
                generationLatencySumMs = SaturatingSum.add(generationLatencySumMs, inv.latencyMs);
                generationOutputTokens =
                        SaturatingSum.add(generationOutputTokens, inv.outputTokens);
            }
        }
        if (inv.eventTime >= eventTime) {
            eventTime = inv.eventTime;
            accountId = inv.accountId;
        }
        contributors.add(RuleScopes.contributor(rule, inv), cost, 1);
    }

    static String key(String ruleId, String scopeKey) {
        // rule ids cannot contain '|' (see RulesParser), so the split is unambiguous
        return ruleId + "|" + scopeKey;
    }

    @Override
    public String toString() {
        return "RuleHit{"
                + key
                + " @"
                + windowStart
                + " n="
                + invocations
                + " t="
                + eventTime
                + "}";
    }
}
