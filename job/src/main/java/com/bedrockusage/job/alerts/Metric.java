package com.bedrockusage.job.alerts;

/**
 * What a rule measures over its window. Additive metrics are sums, so they can be forecast and
 * spike-compared.
 */
public enum Metric implements WireNamed {
    COST_USD("cost_usd", true),
    INPUT_TOKENS("input_tokens", true),
    OUTPUT_TOKENS("output_tokens", true),
    /** Input + output + cache read + cache write tokens. */
    TOTAL_TOKENS("total_tokens", true),
    INVOCATIONS("invocations", true),
    ERRORS("errors", true),
    /** Errors / invocations, a fraction in [0, 1]. */
    ERROR_RATE("error_rate", false),
    LATENCY_P99_MS("latency_p99_ms", false),
    LATENCY_AVG_MS("latency_avg_ms", false),
    /**
     * Latency per generated token: the latencies of the successful calls that returned output
     * tokens, summed, over their output tokens. Long answers take long; a model that answers slowly
     * for their length does not.
     */
    LATENCY_PER_OUTPUT_TOKEN_MS("latency_per_output_token_ms", false),
    UNPRICED_INVOCATIONS("unpriced_invocations", true),
    /**
     * |metered − billed| cost in % of the billed cost, per account and day, from a reconciliation
     * run ({@link ReconciliationAlerts}); the streaming job never evaluates it.
     */
    RECONCILIATION_DELTA_PCT("reconciliation_delta_pct", false);

    private final String wireName;
    private final boolean additive;

    Metric(String wireName, boolean additive) {
        this.wireName = wireName;
        this.additive = additive;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public boolean isAdditive() {
        return additive;
    }

    public boolean isLatency() {
        return this == LATENCY_P99_MS
                || this == LATENCY_AVG_MS
                || this == LATENCY_PER_OUTPUT_TOKEN_MS;
    }

    /** Measured by a reconciliation run against the bill, not by the streaming job. */
    public boolean isReconciliation() {
        return this == RECONCILIATION_DELTA_PCT;
    }

    /** The metric with this rules-file name, or null. */
    public static Metric fromWireName(String name) {
        return WireNamed.byWireName(values(), name);
    }

    public static String wireNames() {
        StringBuilder sb = new StringBuilder();
        for (Metric m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.wireName);
        }
        return sb.toString();
    }
}
