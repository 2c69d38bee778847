package com.bedrockusage.local.generate;

import java.util.SplittableRandom;

/**
 * The calls that exercise the accounting rules: Sonnet 4 / 4.5 calls whose input total (input +
 * cache read + cache write tokens) is exactly 200,000 (base rate) or 200,001 (the whole call at
 * long-context rates), Converse calls served latency-optimized, and Converse calls served by a tier
 * the default catalogue has no rows for ({@code flex}: unpriced, {@code no_price_for_tier}), and
 * calls priced per unit ({@link UnitCall}: images, seconds of video, rerank queries; Nova Reel has
 * no price and is unpriced, {@code unknown_model}). Drawn from their own random sources per record,
 * so adding them left every other field of a seed's records as it was.
 */
final class AccountingCases {

    static final long LONG_CONTEXT_THRESHOLD = 200_000;

    /** Per mille of eligible calls given each case. */
    private static final int LONG_CONTEXT_PER_MILLE = 20;

    private static final int LATENCY_OPTIMIZED_PER_MILLE = 10;
    private static final int UNKNOWN_TIER_PER_MILLE = 10;

    /** Per mille of eligible calls made per unit, for each {@link UnitCall}: a handful per run. */
    private static final int UNIT_CALL_PER_MILLE_EACH = 1;

    private AccountingCases() {}

    static void plan(long seed, PlannedRecord r) {
        if (r.isError() || r.noBodies || r.inputOffloaded || r.guardrailBlocked) {
            return;
        }
        if (planUnitCall(seed, r)) {
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

    /**
     * Turns the call into an image, video or rerank call: same account, caller, time and region,
     * the unit model (called by its bare id), a short prompt and no cache tokens.
     */
    private static boolean planUnitCall(long seed, PlannedRecord r) {
        SplittableRandom rng =
                new SplittableRandom(
                        seed * 0x2545F4914F6CDD1DL + r.index * 0xD1B54A32D192ED03L + 11);
        int draw = rng.nextInt(1000);
        UnitCall[] calls = UnitCall.values();
        if (draw >= UNIT_CALL_PER_MILLE_EACH * calls.length) {
            return false;
        }
        UnitCall call = calls[draw / UNIT_CALL_PER_MILLE_EACH];
        r.unitCall = call;
        r.model = new ModelCatalog.Choice(call.spec, call.modelId, null, r.region);
        r.operation = call.operation;
        r.metadataVariant = -1;
        r.guardrailTrace = false;
        r.inputTokens = 5 + rng.nextInt(60);
        r.outputTokens = 0;
        r.cacheReadTokens = 0;
        r.cacheWriteTokens = 0;
        r.cacheWrite1hTokens = 0;
        r.inputBytes = Math.min(r.inputBytes, 200);
        switch (call) {
            case NOVA_CANVAS:
            case TITAN_IMAGE:
                r.unitCount = 1 + rng.nextInt(UnitCall.MAX_IMAGES);
                r.imageSide = UnitCall.IMAGE_SIDES.get(rng.nextInt(UnitCall.IMAGE_SIDES.size()));
                r.imageQuality = rng.nextBoolean() ? "standard" : "premium";
                break;
            case STABILITY_IMAGE:
                r.unitCount = 1;
                break;
            case NOVA_REEL:
                r.unitCount = 6 * (1 + rng.nextInt(4)); // 6 to 24 seconds, in 6-second steps
                break;
            default:
                r.unitCount = 1 + rng.nextInt(UnitCall.MAX_RERANK_DOCUMENTS);
        }
        return true;
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
