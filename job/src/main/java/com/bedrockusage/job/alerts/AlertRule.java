package com.bedrockusage.job.alerts;

import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.alerts.rules.AlertWindows;
import com.bedrockusage.job.alerts.rules.RulesParser;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * One validated alert rule, as {@link RulesParser} builds it from the rules file. A Flink POJO: it
 * travels in the broadcast rule set and inside every {@link RuleHit}, so the evaluator always
 * judges a hit by the rule that matched it.
 */
public class AlertRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public String id;

    /** Display name for subjects; null means the id with dashes as spaces. */
    public String name;

    public String description;
    public RuleKind kind;
    public Metric metric;
    public ScopeType scopeType;

    /** The {@code requestMetadata} key of a {@code tag:<key>} scope, else null. */
    public String scopeTag;

    /** The window as written ({@code 1h}, {@code month}). */
    public String window;

    /** See {@link AlertWindows}: length in millis, 0 for the calendar month. */
    public long windowMillis;

    public String severity;

    /**
     * Threshold and forecast rules: the level to reach (a fraction for {@code error_rate}). Null
     * for spikes.
     */
    public BigDecimal threshold;

    /**
     * The window must hold at least this many invocations (calls with a latency, for latency
     * metrics).
     */
    public long minInvocations;

    /** Spike: how many times the trailing average the current window must reach. */
    public BigDecimal factor;

    /** Spike: how many previous windows make the trailing average. */
    public int baselineWindows;

    /** Spike: the smallest current value that counts as a spike. */
    public BigDecimal minVolume;

    /**
     * Forecast: how much of the window must have passed before projecting; -1 means a tenth of the
     * window.
     */
    public long minElapsedMillis = -1;

    /** Filters; empty arrays and null match everything. */
    public String[] accounts = new String[0];

    public String[] models = new String[0];
    public String arnContains;

    /** {@link #accumulationSignature()}, built on first use: the evaluator asks for it per hit. */
    private transient String signature;

    public AlertRule() {}

    /** The scope as written in the rules file: {@code account}, {@code tag:team}. */
    public String scopeLabel() {
        return scopeType == ScopeType.TAG ? "tag:" + scopeTag : scopeType.wireName();
    }

    public String displayName() {
        return name != null ? name : id.replace('-', ' ').replace('_', ' ');
    }

    /**
     * What the running values of a window depend on. When a reload changes any of it, accumulated
     * values of the open window no longer mean the same thing and start afresh (the fired flag is
     * kept: one alert per window). Built once per rule object: rules are read-only once parsed.
     */
    public String accumulationSignature() {
        String s = signature;
        if (s == null) {
            s = buildSignature();
            signature = s;
        }
        return s;
    }

    private String buildSignature() {
        return metric
                + "|"
                + scopeLabel()
                + "|"
                + window
                + "|"
                + Arrays.toString(accounts)
                + "|"
                + Arrays.toString(models)
                + "|"
                + arnContains;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AlertRule)) {
            return false;
        }
        AlertRule r = (AlertRule) o;
        return windowMillis == r.windowMillis
                && minInvocations == r.minInvocations
                && baselineWindows == r.baselineWindows
                && minElapsedMillis == r.minElapsedMillis
                && Objects.equals(id, r.id)
                && Objects.equals(name, r.name)
                && Objects.equals(description, r.description)
                && kind == r.kind
                && metric == r.metric
                && scopeType == r.scopeType
                && Objects.equals(scopeTag, r.scopeTag)
                && Objects.equals(window, r.window)
                && Objects.equals(severity, r.severity)
                && Objects.equals(threshold, r.threshold)
                && Objects.equals(factor, r.factor)
                && Objects.equals(minVolume, r.minVolume)
                && Arrays.equals(accounts, r.accounts)
                && Arrays.equals(models, r.models)
                && Objects.equals(arnContains, r.arnContains);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, metric, window, threshold);
    }

    @Override
    public String toString() {
        return "AlertRule{"
                + id
                + " "
                + kind.wireName()
                + " "
                + metric.wireName()
                + " by "
                + scopeLabel()
                + " per "
                + window
                + (threshold != null ? " >= " + threshold : "")
                + (factor != null ? " x" + factor : "")
                + "}";
    }
}
