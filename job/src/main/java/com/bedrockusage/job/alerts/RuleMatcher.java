package com.bedrockusage.job.alerts;

import com.bedrockusage.job.model.Invocation;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands each priced invocation into one {@link RuleHit} per rule whose filters it passes and under which it has a
 * scope key. The rules come from broadcast state; until the first broadcast arrives (the two inputs are not ordered)
 * the rules read at job start are used, so no early invocation is judged without rules.
 */
public class RuleMatcher extends BroadcastProcessFunction<Invocation, RuleSet, RuleHit> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    public static final MapStateDescriptor<String, RuleSet> RULES =
            new MapStateDescriptor<>("alert-rules", Types.STRING, TypeInformation.of(RuleSet.class));
    static final String CURRENT = "current";

    private final RuleSet initial;
    private final String appPattern;
    private transient Pattern app;
    private transient Counter hits;
    private transient Counter applied;

    public RuleMatcher(RuleSet initial, String appPattern) {
        this.initial = initial;
        this.appPattern = appPattern;
    }

    @Override
    public void open(OpenContext openContext) {
        app = Pattern.compile(appPattern);
        hits = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.HITS);
        applied = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.RULES_APPLIED);
    }

    @Override
    public void processElement(Invocation inv, ReadOnlyContext ctx, Collector<RuleHit> out) throws Exception {
        RuleSet set = ctx.getBroadcastState(RULES).get(CURRENT);
        if (set == null) {
            set = initial;
        }
        for (AlertRule rule : set.rules) {
            if (!RuleScopes.matches(rule, inv)) {
                continue;
            }
            String scopeKey = RuleScopes.key(rule, inv, app);
            if (scopeKey == null) {
                continue;
            }
            out.collect(hit(rule, scopeKey, inv));
            hits.inc();
        }
    }

    @Override
    public void processBroadcastElement(RuleSet rules, Context ctx, Collector<RuleHit> out) throws Exception {
        BroadcastState<String, RuleSet> state = ctx.getBroadcastState(RULES);
        RuleSet previous = state.get(CURRENT);
        state.put(CURRENT, rules);
        applied.inc();
        if (previous == null || !previous.fingerprint.equals(rules.fingerprint)) {
            LOG.info("Alert rules in force: {}", rules.describe());
        }
    }

    static RuleHit hit(AlertRule rule, String scopeKey, Invocation inv) {
        RuleHit h = new RuleHit();
        h.key = RuleHit.key(rule.id, scopeKey);
        h.rule = rule;
        h.scopeKey = scopeKey;
        h.windowStart = AlertWindows.start(rule.windowMillis, inv.eventTime);
        h.windowEnd = AlertWindows.end(rule.windowMillis, h.windowStart);
        h.eventTime = inv.eventTime;
        h.accountId = inv.accountId;
        h.contributor = RuleScopes.contributor(rule, inv);
        h.inputTokens = inv.inputTokens;
        h.outputTokens = inv.outputTokens;
        h.totalTokens = inv.totalTokens();
        h.costUsd = inv.priced ? inv.costUsd : null;
        h.error = inv.isError();
        h.latencyMs = inv.latencyMs;
        return h;
    }
}
