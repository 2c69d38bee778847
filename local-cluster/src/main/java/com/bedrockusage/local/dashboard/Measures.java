package com.bedrockusage.local.dashboard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Additive usage numbers of one row or of a sum of rows. Money stays exact; latency keeps the worst
 * window's.
 */
public final class Measures {

    /** The counted columns, named as in the usage tables and in the API's answers. */
    public enum Count {
        INVOCATIONS,
        ERRORS,
        INPUT_TOKENS,
        OUTPUT_TOKENS,
        CACHE_READ_TOKENS,
        CACHE_WRITE_TOKENS,
        UNPRICED_INVOCATIONS;

        final String column = name().toLowerCase(java.util.Locale.ROOT);
    }

    private final long[] counts = new long[Count.values().length];
    BigDecimal costUsd = BigDecimal.ZERO;

    /** What the cache reads would have cost as input, minus what they cost. */
    BigDecimal cacheSavingsUsd = BigDecimal.ZERO;

    /**
     * The worst p50 / p99 of the windows summed (as latency_by_model.sql reports them); null
     * without latencies.
     */
    Double worstP50Ms;

    Double worstP99Ms;

    public long get(Count c) {
        return counts[c.ordinal()];
    }

    void set(Count c, long value) {
        counts[c.ordinal()] = value;
    }

    public Measures add(Measures o) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o.counts[i];
        }
        costUsd = costUsd.add(o.costUsd);
        cacheSavingsUsd = cacheSavingsUsd.add(o.cacheSavingsUsd);
        worstP50Ms = max(worstP50Ms, o.worstP50Ms);
        worstP99Ms = max(worstP99Ms, o.worstP99Ms);
        return this;
    }

    public BigDecimal costUsd() {
        return costUsd;
    }

    long totalTokens() {
        return get(Count.INPUT_TOKENS)
                + get(Count.OUTPUT_TOKENS)
                + get(Count.CACHE_READ_TOKENS)
                + get(Count.CACHE_WRITE_TOKENS);
    }

    /**
     * The summary's fields (money as a decimal string), with or without errors and cache savings.
     */
    Map<String, Object> toJson(boolean withErrorsAndSavings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cost_usd", costUsd.toPlainString());
        for (Count c : Count.values()) {
            if (c != Count.ERRORS || withErrorsAndSavings) {
                m.put(c.column, get(c));
            }
        }
        if (withErrorsAndSavings) {
            m.put("cache_savings_usd", cacheSavingsUsd.toPlainString());
        }
        return m;
    }

    private static Double max(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
