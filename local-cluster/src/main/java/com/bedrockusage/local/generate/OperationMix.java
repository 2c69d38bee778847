package com.bedrockusage.local.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which Bedrock operations the calls use ({@code --mix}): today's spread, Converse-heavy (about 80
 * % Converse and ConverseStream, which Bedrock logs aggregated, like a non-streamed call) or
 * stream-heavy (about 80 % InvokeModelWithResponseStream, whose output body is the list of chunks;
 * models only called through Converse stream with ConverseStream). One draw per call whatever the
 * mix, so the other decisions of a seed stay where they were.
 */
enum OperationMix {
    DEFAULT,
    CONVERSE,
    STREAM;

    static final String NAMES = "converse|stream|default";

    static OperationMix of(String name) throws UsageException {
        for (OperationMix mix : values()) {
            if (mix.name().toLowerCase(Locale.ROOT).equals(name)) {
                return mix;
            }
        }
        throw new UsageException("--mix must be one of " + NAMES + ", got '" + name + "'");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operations in the order the thresholds below cut a draw of 0-99 into. */
    private static final Operation[] ORDER = {
        Operation.CONVERSE,
        Operation.CONVERSE_STREAM,
        Operation.INVOKE_MODEL,
        Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM
    };

    /** Models only called through Converse: Converse and ConverseStream only. */
    private static final int[] CONVERSE_ONLY_DEFAULT = {70, 100, 100, 100};

    Operation pick(SplittableRandom rng, ModelFamily family) {
        int r = rng.nextInt(100);
        int[] below = thresholds(family);
        for (int i = 0; i < ORDER.length; i++) {
            if (r < below[i]) {
                return ORDER[i];
            }
        }
        return ORDER[ORDER.length - 1];
    }

    /** Upper bounds (exclusive) of each operation's share of the draw, in {@link #ORDER}. */
    private int[] thresholds(ModelFamily family) {
        boolean invokeModel =
                family == ModelFamily.ANTHROPIC
                        || family == ModelFamily.NOVA
                        || family == ModelFamily.LLAMA
                        || family == ModelFamily.MISTRAL;
        switch (this) {
            case CONVERSE:
                return invokeModel ? new int[] {60, 84, 94, 100} : CONVERSE_ONLY_DEFAULT;
            case STREAM:
                return invokeModel ? new int[] {8, 10, 18, 100} : new int[] {15, 100, 100, 100};
            default:
                return defaultThresholds(family);
        }
    }

    private static int[] defaultThresholds(ModelFamily family) {
        switch (family) {
            case ANTHROPIC:
                return new int[] {35, 60, 85, 100};
            case NOVA:
                return new int[] {45, 70, 90, 100};
            case LLAMA:
            case MISTRAL:
                return new int[] {40, 50, 85, 100};
            default:
                return CONVERSE_ONLY_DEFAULT;
        }
    }
}
