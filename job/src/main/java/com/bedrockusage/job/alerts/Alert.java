package com.bedrockusage.job.alerts;

import com.bedrockusage.job.alerts.evaluate.AlertIds;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fired rule: what crossed, by how much, in which window, and who contributed. Carries no prompt
 * or response text (the pipeline never has it). A Flink POJO; times are epoch millis UTC.
 */
public class Alert {

    /** Deterministic: {@link AlertIds#of} of rule id, scope key and window start. */
    public String alertId;

    public String ruleId;
    public String ruleName;
    public String description;

    /** {@code threshold}, {@code forecast} or {@code spike}. */
    public String kind;

    public String severity;
    public String metric;

    /** The scope as written in the rule: {@code account}, {@code tag:team}. */
    public String scope;

    public String scopeKey;

    /** The window as written in the rule: {@code 1h}, {@code month}. */
    public String window;

    public long windowStart;
    public long windowEnd;

    /** The running value when the rule fired (exact for money and counts). */
    public BigDecimal observedValue;

    /**
     * The level that was reached: the rule's threshold, or for a spike {@code factor x baseline}.
     */
    public BigDecimal threshold;

    /** Forecast rules: the value projected to the end of the window. */
    public BigDecimal forecastValue;

    /** Spike rules: the average of the previous windows, and the factor. */
    public BigDecimal baselineValue;

    public BigDecimal factor;

    /** The window's cost so far for this scope key (priced calls only) and its call count. */
    public BigDecimal windowCostUsd;

    public long windowInvocations;

    /** The account of the scope (or, for wider scopes, of the call that crossed). */
    public String accountId;

    /** {@code caller} or {@code model}. */
    public String contributorKind;

    public Contributor[] topContributors = new Contributor[0];

    /** Event time of the call that crossed. */
    public long eventTime;

    /**
     * The operator's watermark when it fired ("data complete up to"), null before the first
     * watermark.
     */
    public Long watermark;

    public long firedAt;

    public Alert() {}

    /**
     * An alert of {@code rule} for one scope key and window, with what the rule and window fix (id,
     * names, kind, severity, metric, scope); the caller adds what was observed.
     */
    public static Alert of(AlertRule rule, String scopeKey, long windowStart, long windowEnd) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(rule.id, scopeKey, windowStart);
        a.ruleId = rule.id;
        a.ruleName = rule.displayName();
        a.kind = rule.kind.wireName();
        a.severity = rule.severity;
        a.metric = rule.metric.wireName();
        a.scope = rule.scopeLabel();
        a.scopeKey = scopeKey;
        a.window = rule.window;
        a.windowStart = windowStart;
        a.windowEnd = windowEnd;
        return a;
    }

    @Override
    public String toString() {
        return "Alert{"
                + alertId
                + " "
                + ruleId
                + " "
                + kind
                + " "
                + scope
                + "="
                + scopeKey
                + " "
                + Instant.ofEpochMilli(windowStart)
                + " "
                + metric
                + "="
                + observedValue
                + " >= "
                + threshold
                + (forecastValue != null ? " forecast " + forecastValue : "")
                + "}";
    }
}
