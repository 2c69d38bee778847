package com.bedrockusage.local.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides every record's metadata, token counts and delivery (folder, file slot, re-delivery) from
 * the seed.
 */
final class Planner {

    private static final String[] ERROR_CODES = {
        "ThrottlingException",
        "ValidationException",
        "ModelErrorException",
        "ServiceUnavailableException",
        "AccessDeniedException",
        "ModelTimeoutException",
        "ResourceNotFoundException"
    };
    private static final int[] ERROR_WEIGHTS = {45, 25, 8, 8, 5, 5, 4};

    private final GeneratorOptions options;
    private final Population population;

    Planner(GeneratorOptions options, Population population) {
        this.options = options;
        this.population = population;
    }

    List<PlannedRecord> plan() {
        SplittableRandom rng = new SplittableRandom(options.seed());
        long start = options.start().getEpochSecond();
        long span = Math.max(1, Math.round(options.hours() * 3600));
        List<PlannedRecord> out = new ArrayList<>(options.invocations());
        for (int i = 0; i < options.invocations(); i++) {
            PlannedRecord r = new PlannedRecord(i);
            r.requestIdHigh = (rng.nextLong() & ~0xF000L) | 0x4000L;
            r.requestIdLow = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            r.epochSecond = start + rng.nextLong(span);
            r.account = pickAccount(rng);
            r.region = Population.pickRegion(rng, r.account);
            r.callerArn = Population.pickCaller(rng, r.account);
            r.model = ModelCatalog.choose(rng, r.region, r.account.id(), options.unknownPct());
            r.operation = options.mix().pick(rng, r.model.spec().family());
            planBodiesAndTokens(rng, r);
            AccountingCases.plan(options.seed(), r);
            planDelivery(rng, r);
            out.add(r);
        }
        return out;
    }

    private Population.Account pickAccount(SplittableRandom rng) {
        // Zipf-like: the first account is the busiest, as in a real organisation.
        List<Population.Account> accounts = population.accounts;
        double total = 0;
        for (int k = 0; k < accounts.size(); k++) {
            total += 1.0 / (k + 1);
        }
        double w = rng.nextDouble() * total;
        for (int k = 0; k < accounts.size(); k++) {
            w -= 1.0 / (k + 1);
            if (w < 0) {
                return accounts.get(k);
            }
        }
        return accounts.get(accounts.size() - 1);
    }

    private void planBodiesAndTokens(SplittableRandom rng, PlannedRecord r) {
        int bodyBytes = options.bodyBytes();
        r.inputBytes = (int) (bodyBytes * (0.5 + rng.nextDouble()));
        r.outputBytes = (int) (bodyBytes * (0.5 + rng.nextDouble()));
        r.schemaFirst = rng.nextInt(100) < 35;
        r.cacheFieldsWhenZero = rng.nextInt(100) < 70;
        r.inferenceRegionLogged = rng.nextInt(100) < (r.model.profileGeo() != null ? 97 : 85);
        r.firstByteLatencyMs = 150 + rng.nextInt(1400);
        if (r.operation.isConverse() && rng.nextInt(100) < 25) {
            r.metadataVariant = rng.nextInt(RecordRenderer.METADATA.size());
        }

        if (rng.nextDouble() * 100 < options.errorsPct()) {
            r.errorCode = pickError(rng);
            r.errorKeepsRequest = rng.nextBoolean();
            r.latencyMs = 20 + rng.nextInt(400);
            return;
        }
        r.noBodies = rng.nextInt(100) < 2;
        r.inputOffloaded = !r.noBodies && rng.nextInt(1000) < 5;
        boolean anthropicInvoke =
                r.model.spec().family() == ModelFamily.ANTHROPIC
                        && r.operation == Operation.INVOKE_MODEL
                        && !r.noBodies;
        r.guardrailBlocked = anthropicInvoke && !r.inputOffloaded && rng.nextInt(100) < 3;
        r.guardrailTrace = anthropicInvoke && (r.guardrailBlocked || rng.nextInt(100) < 10);

        // about four bytes of text per token, with noise
        r.inputTokens =
                Math.max(
                        3,
                        Math.round(r.inputBytes / 4.0 * (0.8 + 0.4 * rng.nextDouble()))
                                + rng.nextInt(20));
        r.outputTokens =
                Math.max(
                        1,
                        Math.round(r.outputBytes / 4.0 * (0.8 + 0.4 * rng.nextDouble()))
                                + rng.nextInt(10));
        if (r.model.spec().caching()) {
            if (rng.nextInt(100) < 30) {
                r.cacheReadTokens = 1024 + rng.nextInt(60_000);
            }
            if (rng.nextInt(100) < 12) {
                r.cacheWriteTokens = 1024 + rng.nextInt(40_000);
                // the 1-hour split is only visible in a response body
                if (r.model.spec().oneHourCache() && !r.noBodies && rng.nextInt(100) < 35) {
                    r.cacheWrite1hTokens =
                            rng.nextBoolean()
                                    ? r.cacheWriteTokens
                                    : rng.nextLong(1, r.cacheWriteTokens);
                }
            }
        }
        if (r.guardrailBlocked) {
            r.inputTokens = 0;
            r.outputTokens = 0;
            r.cacheReadTokens = 0;
            r.cacheWriteTokens = 0;
            r.cacheWrite1hTokens = 0;
        }
        // healthy models generate a token in 5-30 ms; a degraded one (overloaded, throttled) in
        // 100-400 ms
        boolean slow = options.slowPct() > 0 && rng.nextDouble() * 100 < options.slowPct();
        if (options.latencyTail() && !slow) {
            r.latencyMs = LatencyTail.draw(rng);
            r.firstByteLatencyMs = Math.min(r.firstByteLatencyMs, r.latencyMs);
            return;
        }
        r.latencyMs =
                r.firstByteLatencyMs
                        + r.outputTokens * (slow ? 100 + rng.nextInt(300) : 5 + rng.nextInt(25));
    }

    private static String pickError(SplittableRandom rng) {
        int w = rng.nextInt(100);
        for (int i = 0; i < ERROR_CODES.length; i++) {
            w -= ERROR_WEIGHTS[i];
            if (w < 0) {
                return ERROR_CODES[i];
            }
        }
        return ERROR_CODES[0];
    }

    private void planDelivery(SplittableRandom rng, PlannedRecord r) {
        int slotSeconds = options.fileMinutes() * 60;
        int slots = options.slotsPerHour();
        long deliverySecond;
        if (rng.nextDouble() * 100 < options.latePct()) {
            // delivered one to three hours later: the record sits in a later hour's folder
            r.late = true;
            r.folderHour = r.epochSecond / 3600 + 1 + rng.nextInt(3);
            r.slot = rng.nextInt(slots);
            deliverySecond = r.folderHour * 3600 + (long) r.slot * slotSeconds;
        } else {
            r.folderHour = r.epochSecond / 3600;
            r.slot = (int) (r.epochSecond % 3600) / slotSeconds;
            deliverySecond = r.epochSecond;
        }
        if (rng.nextDouble() * 100 < options.duplicatesPct()) {
            // re-delivered in a later file: at least one file slot on, up to 90 minutes
            long again =
                    deliverySecond + slotSeconds + rng.nextInt(Math.max(1, 90 * 60 - slotSeconds));
            r.duplicateFolderHour = again / 3600;
            r.duplicateSlot = (int) (again % 3600) / slotSeconds;
        }
    }
}
