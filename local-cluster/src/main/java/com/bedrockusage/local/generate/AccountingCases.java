package com.bedrockusage.local.generate;

import java.util.SplittableRandom;

/**
 * The calls that exercise the accounting rules: Sonnet 4 / 4.5 calls whose input total (input +
 * cache read + cache write tokens) is exactly 200,000 (base rate) or 200,001 (the whole call at
 * long-context rates), Converse calls served latency-optimized, and Converse calls served by a tier
 * the default catalogue has no rows for ({@code flex}: unpriced, {@code no_price_for_tier}). Drawn
 * from their own random source per record, so adding them left every other field of a seed's
 * records as it was.
 */
final class AccountingCases {

    static final long LONG_CONTEXT_THRESHOLD = 200_000;

    /** Per mille of eligible calls given each case. */
    private static final int LONG_CONTEXT_PER_MILLE = 20;

    private static final int LATENCY_OPTIMIZED_PER_MILLE = 10;
    private static final int UNKNOWN_TIER_PER_MILLE = 10;

    private AccountingCases() {}

    static void plan(long seed, PlannedRecord r) {
        if (r.isError() || r.noBodies || r.inputOffloaded || r.guardrailBlocked) {
            return;
        }
        SplittableRandom rng =
                new SplittableRandom(
                        seed * 0x632BE59BD9B4E019L + r.index * 0x9E3779B97F4A7C15L + 7);
        int draw = rng.nextInt(1000);
        String model = r.model.spec().baseId();
        boolean longContextModel =
                model.startsWith("anthropic.claude-sonnet-4-20250514")
                        || model.startsWith("anthropic.claude-sonnet-4-5-");
        if (longContextModel && draw < LONG_CONTEXT_PER_MILLE) {
            long cache = r.cacheReadTokens + r.cacheWriteTokens;
            r.inputTokens =
                    LONG_CONTEXT_THRESHOLD - cache + (draw % 2); // exactly at, or one token above
            return;
        }
        if (!r.operation.isConverse()) {
            return;
        }
        draw = rng.nextInt(1000);
        if (draw < LATENCY_OPTIMIZED_PER_MILLE) {
            r.latencyOptimized = true;
        } else if (draw < LATENCY_OPTIMIZED_PER_MILLE + UNKNOWN_TIER_PER_MILLE) {
            r.requestedTier = "flex";
            r.servedTier = "flex";
        }
    }

    /** Fields the request body starts with (each followed by a comma), or "". */
    static String requestFields(PlannedRecord r) {
        StringBuilder sb = new StringBuilder();
        if (r.latencyOptimized) {
            sb.append("\"performanceConfig\":{\"latency\":\"optimized\"},");
        }
        if (r.requestedTier != null) {
            sb.append("\"serviceTier\":{\"type\":\"").append(r.requestedTier).append("\"},");
        }
        return sb.toString();
    }

    /** Fields the response body starts with (each followed by a comma), or "". */
    static String responseFields(PlannedRecord r) {
        StringBuilder sb = new StringBuilder();
        if (r.latencyOptimized) {
            sb.append("\"performanceConfig\":{\"latency\":\"optimized\"},");
        }
        if (r.servedTier != null) {
            sb.append("\"serviceTier\":{\"type\":\"").append(r.servedTier).append("\"},");
        }
        return sb.toString();
    }

    /** The tier the job prices the call in. */
    static String tier(PlannedRecord r) {
        return r.latencyOptimized
                ? "latency-optimized"
                : r.servedTier != null ? r.servedTier : "standard";
    }
}
