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

    Operation pick(SplittableRandom rng, ModelFamily family) {
        int r = rng.nextInt(100);
        boolean invokeModel =
                family == ModelFamily.ANTHROPIC
                        || family == ModelFamily.NOVA
                        || family == ModelFamily.LLAMA
                        || family == ModelFamily.MISTRAL;
        switch (this) {
            case CONVERSE:
                if (!invokeModel) {
                    return r < 70 ? Operation.CONVERSE : Operation.CONVERSE_STREAM;
                }
                return r < 60
                        ? Operation.CONVERSE
                        : r < 84
                                ? Operation.CONVERSE_STREAM
                                : r < 94
                                        ? Operation.INVOKE_MODEL
                                        : Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
            case STREAM:
                if (!invokeModel) {
                    return r < 15 ? Operation.CONVERSE : Operation.CONVERSE_STREAM;
                }
                return r < 8
                        ? Operation.CONVERSE
                        : r < 10
                                ? Operation.CONVERSE_STREAM
                                : r < 18
                                        ? Operation.INVOKE_MODEL
                                        : Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
            default:
                return defaultPick(r, family);
        }
    }

    private static Operation defaultPick(int r, ModelFamily family) {
        switch (family) {
            case ANTHROPIC:
                return r < 35
                        ? Operation.CONVERSE
                        : r < 60
                                ? Operation.CONVERSE_STREAM
                                : r < 85
                                        ? Operation.INVOKE_MODEL
                                        : Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
            case NOVA:
                return r < 45
                        ? Operation.CONVERSE
                        : r < 70
                                ? Operation.CONVERSE_STREAM
                                : r < 90
                                        ? Operation.INVOKE_MODEL
                                        : Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
            case LLAMA:
            case MISTRAL:
                return r < 40
                        ? Operation.CONVERSE
                        : r < 50
                                ? Operation.CONVERSE_STREAM
                                : r < 85
                                        ? Operation.INVOKE_MODEL
                                        : Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
            default:
                return r < 70 ? Operation.CONVERSE : Operation.CONVERSE_STREAM;
        }
    }
}
