package com.bedrockusage.local.dashboard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Additive usage numbers of one row or of a sum of rows. Money stays exact; latency keeps the worst window's. */
public final class Measures {

    long invocations;
    long errors;
    long inputTokens;
    long outputTokens;
    long cacheReadTokens;
    long cacheWriteTokens;
    BigDecimal costUsd = BigDecimal.ZERO;
    long unpricedInvocations;
    /** What the cache reads would have cost as input, minus what they cost. */
    BigDecimal cacheSavingsUsd = BigDecimal.ZERO;
    /** The worst p50 / p99 of the windows summed (as latency_by_model.sql reports them); null without latencies. */
    Double worstP50Ms;
    Double worstP99Ms;

    public Measures add(Measures o) {
        invocations += o.invocations;
        errors += o.errors;
        inputTokens += o.inputTokens;
        outputTokens += o.outputTokens;
        cacheReadTokens += o.cacheReadTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        costUsd = costUsd.add(o.costUsd);
        unpricedInvocations += o.unpricedInvocations;
        cacheSavingsUsd = cacheSavingsUsd.add(o.cacheSavingsUsd);
        worstP50Ms = max(worstP50Ms, o.worstP50Ms);
        worstP99Ms = max(worstP99Ms, o.worstP99Ms);
        return this;
    }

    public BigDecimal costUsd() {
        return costUsd;
    }

    public long invocations() {
        return invocations;
    }

    long totalTokens() {
        return inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens;
    }

    /** The JSON fields of the summary; money as decimal strings. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cost_usd", costUsd.toPlainString());
        m.put("invocations", invocations);
        m.put("input_tokens", inputTokens);
        m.put("output_tokens", outputTokens);
        m.put("cache_read_tokens", cacheReadTokens);
        m.put("cache_write_tokens", cacheWriteTokens);
        m.put("unpriced_invocations", unpricedInvocations);
        return m;
    }

    private static Double max(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
