package com.bedrockusage.local.generate;

import java.util.SplittableRandom;

/**
 * Request and response bodies in the shapes each API and model family logs: Converse (shared by all
 * models; ConverseStream is logged aggregated), Anthropic Messages, Nova, Llama and Mistral native
 * bodies, and the chunk lists of InvokeModelWithResponseStream whose last chunk carries {@code
 * amazon-bedrock-invocationMetrics}.
 */
final class Bodies {

    private static final String[] TEMPERATURES = {"0", "0.2", "0.5", "0.7", "1"};
    private static final int[] MAX_TOKENS = {256, 512, 1024, 2048, 4096, 8192};
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final TextCorpus corpus;
    private final UnitCallBodies unitCalls;

    Bodies(TextCorpus corpus) {
        this.corpus = corpus;
        this.unitCalls = new UnitCallBodies(corpus);
    }

    // ---------------------------------------------------------------- requests

    void request(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        if (r.unitCall != null) {
            unitCalls.request(r, rng, out);
            return;
        }
        if (r.operation.isConverse()) {
            converseRequest(r, rng, out);
            return;
        }
        switch (r.model.spec().family()) {
            case ANTHROPIC:
                anthropicRequest(r, rng, out);
                break;
            case NOVA:
                novaRequest(r, rng, out);
                break;
            case LLAMA:
                llamaRequest(r, rng, out);
                break;
            case MISTRAL:
                mistralRequest(r, rng, out);
                break;
            default:
                converseRequest(r, rng, out);
        }
    }

    private void converseRequest(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        int system = systemBytes(r);
        out.raw('{').raw(AccountingCases.requestFields(r)).raw("\"messages\":[");
        messages(rng, out, r.inputBytes - system, false);
        out.raw("],\"system\":[{\"text\":");
        text(out, rng, system);
        out.raw('}');
        if (r.cacheReadTokens > 0 || r.cacheWriteTokens > 0) {
            out.raw(",{\"cachePoint\":{\"type\":\"default\"}}");
        }
        out.raw("],\"inferenceConfig\":{\"maxTokens\":");
        maxTokensAndTemperature(r, rng, out);
        out.raw(",\"topP\":0.9");
        if (rng.nextBoolean()) {
            out.raw(",\"stopSequences\":[]");
        }
        out.raw("},\"additionalModelRequestFields\":{}}");
    }

    private void anthropicRequest(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        int system = systemBytes(r);
        out.raw("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":").num(maxTokens(r));
        out.raw(",\"system\":[{\"type\":\"text\",\"text\":");
        text(out, rng, system);
        if (r.cacheReadTokens > 0 || r.cacheWriteTokens > 0) {
            out.raw(
                    r.cacheWrite1hTokens > 0
                            ? ",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}"
                            : ",\"cache_control\":{\"type\":\"ephemeral\"}");
        }
        out.raw("}],\"messages\":[");
        messages(rng, out, r.inputBytes - system, true);
        out.raw("],\"temperature\":");
        temperature(rng, out);
        out.raw('}');
    }

    private void novaRequest(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        int system = systemBytes(r);
        out.raw("{\"schemaVersion\":\"messages-v1\",\"system\":[{\"text\":");
        text(out, rng, system);
        out.raw("}],\"messages\":[");
        messages(rng, out, r.inputBytes - system, false);
        out.raw("],\"inferenceConfig\":{\"maxTokens\":");
        maxTokensAndTemperature(r, rng, out);
        out.raw(",\"topP\":0.9}}");
    }

    private void llamaRequest(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        promptRequest(
                r,
                rng,
                out,
                "{\"prompt\":\"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\n",
                "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n\",\"max_gen_len\":");
    }

    private void mistralRequest(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        promptRequest(r, rng, out, "{\"prompt\":\"<s>[INST] ", " [/INST]\",\"max_tokens\":");
    }

    /**
     * A native text-completion body: the prompt inside its chat template, then the sampling fields,
     * {@code templateEnd} opening the max-tokens field.
     */
    private void promptRequest(
            PlannedRecord r,
            SplittableRandom rng,
            JsonBytes out,
            String templateStart,
            String templateEnd) {
        out.raw(templateStart);
        corpus.append(out, rng, r.inputBytes);
        out.raw(templateEnd);
        maxTokensAndTemperature(r, rng, out);
        out.raw(",\"top_p\":0.9}");
    }

    /** One user turn, or a user/assistant/user conversation, totalling about {@code bytes}. */
    private void messages(SplittableRandom rng, JsonBytes out, int bytes, boolean typed) {
        String open =
                typed ? "\"content\":[{\"type\":\"text\",\"text\":" : "\"content\":[{\"text\":";
        if (rng.nextInt(100) < 40) {
            int first = bytes * 2 / 5;
            int second = (bytes - first) / 2;
            out.raw("{\"role\":\"user\",").raw(open);
            text(out, rng, first);
            out.raw("}]},{\"role\":\"assistant\",").raw(open);
            text(out, rng, second);
            out.raw("}]},{\"role\":\"user\",").raw(open);
            text(out, rng, bytes - first - second);
            out.raw("}]}");
        } else {
            out.raw("{\"role\":\"user\",").raw(open);
            text(out, rng, bytes);
            out.raw("}]}");
        }
    }

    // ---------------------------------------------------------------- responses

    void response(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        if (r.unitCall != null) {
            unitCalls.response(r, rng, out);
            return;
        }
        if (r.guardrailBlocked) {
            out.raw(
                    "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                            + "\"Sorry, I can't help with that request.\"}],");
            guardrailTrace(rng, out, true);
            out.raw('}');
            return;
        }
        if (r.operation.isConverse()) {
            converseResponse(r, rng, out);
            return;
        }
        boolean stream = r.operation == Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
        switch (r.model.spec().family()) {
            case ANTHROPIC:
                if (stream) {
                    anthropicStream(r, rng, out);
                } else {
                    anthropicResponse(r, rng, out);
                }
                break;
            case NOVA:
                if (stream) {
                    novaStream(r, rng, out);
                } else {
                    novaResponse(r, rng, out);
                }
                break;
            case LLAMA:
                if (stream) {
                    llamaStream(r, rng, out);
                } else {
                    out.raw("{\"generation\":");
                    text(out, rng, r.outputBytes);
                    out.raw(",\"prompt_token_count\":")
                            .num(r.inputTokens)
                            .raw(",\"generation_token_count\":")
                            .num(r.outputTokens)
                            .raw(",\"stop_reason\":\"stop\"}");
                }
                break;
            case MISTRAL:
                if (stream) {
                    mistralStream(r, rng, out);
                } else {
                    out.raw("{\"outputs\":[{\"text\":");
                    text(out, rng, r.outputBytes);
                    out.raw(",\"stop_reason\":\"stop\"}]}");
                }
                break;
            default:
                converseResponse(r, rng, out);
        }
    }

    private void converseResponse(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw('{')
                .raw(AccountingCases.responseFields(r))
                .raw("\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":");
        text(out, rng, r.outputBytes);
        out.raw("}]}},\"stopReason\":")
                .raw(rng.nextInt(100) < 95 ? "\"end_turn\"" : "\"max_tokens\"");
        out.raw(",\"metrics\":{\"latencyMs\":")
                .num(r.latencyMs)
                .raw("},\"usage\":{\"inputTokens\":")
                .num(r.inputTokens);
        if (r.model.spec().caching()) {
            out.raw(",\"cacheReadInputTokens\":")
                    .num(r.cacheReadTokens)
                    .raw(",\"cacheWriteInputTokens\":")
                    .num(r.cacheWriteTokens);
        }
        out.raw(",\"outputTokens\":")
                .num(r.outputTokens)
                .raw(",\"totalTokens\":")
                .num(r.inputTokens + r.outputTokens + r.cacheReadTokens + r.cacheWriteTokens);
        if (r.cacheWriteTokens > 0 && r.model.spec().oneHourCache()) {
            // Bedrock's TokenUsage.cacheDetails: per-TTL cache writes, 1h before 5m, zero entries
            // left out
            out.raw(",\"cacheDetails\":[");
            long fiveMinutes = r.cacheWriteTokens - r.cacheWrite1hTokens;
            if (r.cacheWrite1hTokens > 0) {
                out.raw("{\"ttl\":\"1h\",\"inputTokens\":").num(r.cacheWrite1hTokens).raw('}');
                if (fiveMinutes > 0) {
                    out.raw(',');
                }
            }
            if (fiveMinutes > 0) {
                out.raw("{\"ttl\":\"5m\",\"inputTokens\":").num(fiveMinutes).raw('}');
            }
            out.raw(']');
        }
        out.raw("}}");
    }

    private void anthropicResponse(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw("{\"id\":");
        messageId(rng, out);
        out.raw(",\"type\":\"message\",\"role\":\"assistant\",\"model\":")
                .str(anthropicModelName(r))
                .raw(",\"content\":[{\"type\":\"text\",\"text\":");
        text(out, rng, r.outputBytes);
        out.raw("}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":");
        anthropicUsage(r, out, r.outputTokens);
        if (r.guardrailTrace) {
            out.raw(',');
            guardrailTrace(rng, out, false);
        }
        out.raw('}');
    }

    private void anthropicUsage(PlannedRecord r, JsonBytes out, long outputTokens) {
        out.raw("{\"input_tokens\":")
                .num(r.inputTokens)
                .raw(",\"cache_creation_input_tokens\":")
                .num(r.cacheWriteTokens)
                .raw(",\"cache_read_input_tokens\":")
                .num(r.cacheReadTokens);
        if (r.model.spec().oneHourCache()) {
            out.raw(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":")
                    .num(r.cacheWriteTokens - r.cacheWrite1hTokens)
                    .raw(",\"ephemeral_1h_input_tokens\":")
                    .num(r.cacheWrite1hTokens)
                    .raw('}');
        }
        out.raw(",\"output_tokens\":").num(outputTokens).raw('}');
    }

    private void anthropicStream(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw("[{\"type\":\"message_start\",\"message\":{\"id\":");
        messageId(rng, out);
        out.raw(",\"type\":\"message\",\"role\":\"assistant\",\"model\":")
                .str(anthropicModelName(r))
                .raw(",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":");
        anthropicUsage(r, out, 1);
        out.raw(
                "}},{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        chunks(
                rng,
                out,
                r.outputBytes,
                ",{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"",
                "\"}}");
        out.raw(",{\"type\":\"content_block_stop\",\"index\":0}");
        out.raw(
                        ",{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":")
                .num(r.outputTokens)
                .raw("}}");
        out.raw(",{\"type\":\"message_stop\",");
        invocationMetrics(r, out, true);
        out.raw("}]");
    }

    private void novaResponse(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw("{\"output\":{\"message\":{\"content\":[{\"text\":");
        text(out, rng, r.outputBytes);
        out.raw(
                        "}],\"role\":\"assistant\"}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":")
                .num(r.inputTokens)
                .raw(",\"outputTokens\":")
                .num(r.outputTokens)
                .raw(",\"totalTokens\":")
                .num(r.inputTokens + r.outputTokens + r.cacheReadTokens + r.cacheWriteTokens)
                .raw(",\"cacheReadInputTokenCount\":")
                .num(r.cacheReadTokens)
                .raw(",\"cacheWriteInputTokenCount\":")
                .num(r.cacheWriteTokens)
                .raw("}}");
    }

    private void novaStream(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw("[{\"messageStart\":{\"role\":\"assistant\"}}");
        chunks(
                rng,
                out,
                r.outputBytes,
                ",{\"contentBlockDelta\":{\"delta\":{\"text\":\"",
                "\"},\"contentBlockIndex\":0}}");
        out.raw(
                ",{\"contentBlockStop\":{\"contentBlockIndex\":0}},{\"messageStop\":{\"stopReason\":\"end_turn\"}}");
        out.raw(",{\"metadata\":{\"usage\":{\"inputTokens\":")
                .num(r.inputTokens)
                .raw(",\"outputTokens\":")
                .num(r.outputTokens)
                .raw(",\"cacheReadInputTokenCount\":")
                .num(r.cacheReadTokens)
                .raw(",\"cacheWriteInputTokenCount\":")
                .num(r.cacheWriteTokens)
                .raw("},\"metrics\":{},\"trace\":{}},");
        invocationMetrics(r, out, false);
        out.raw("}]");
    }

    private void llamaStream(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw('[');
        chunks(
                rng,
                out,
                r.outputBytes,
                "{\"generation\":\"",
                "\",\"prompt_token_count\":null,"
                        + "\"generation_token_count\":1,\"stop_reason\":null},");
        out.raw("{\"generation\":\"\",\"prompt_token_count\":")
                .num(r.inputTokens)
                .raw(",\"generation_token_count\":")
                .num(r.outputTokens)
                .raw(",\"stop_reason\":\"stop\",");
        invocationMetrics(r, out, false);
        out.raw("}]");
    }

    private void mistralStream(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.raw('[');
        chunks(
                rng,
                out,
                r.outputBytes,
                "{\"outputs\":[{\"text\":\"",
                "\",\"stop_reason\":null}]},");
        out.raw("{\"outputs\":[{\"text\":\"\",\"stop_reason\":\"stop\"}],");
        invocationMetrics(r, out, false);
        out.raw("}]");
    }

    private void invocationMetrics(PlannedRecord r, JsonBytes out, boolean cacheCounts) {
        out.raw("\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":")
                .num(r.inputTokens)
                .raw(",\"outputTokenCount\":")
                .num(r.outputTokens)
                .raw(",\"invocationLatency\":")
                .num(r.latencyMs)
                .raw(",\"firstByteLatency\":")
                .num(r.firstByteLatencyMs);
        if (cacheCounts && (r.cacheReadTokens > 0 || r.cacheWriteTokens > 0)) {
            out.raw(",\"cacheReadInputTokenCount\":")
                    .num(r.cacheReadTokens)
                    .raw(",\"cacheWriteInputTokenCount\":")
                    .num(r.cacheWriteTokens);
        }
        out.raw('}');
    }

    private void guardrailTrace(SplittableRandom rng, JsonBytes out, boolean blocked) {
        long chars = 100 + rng.nextInt(2000);
        out.raw("\"amazon-bedrock-trace\":{\"guardrail\":{\"input\":{\"gr7k2m9x4q1z\":{");
        if (blocked) {
            out.raw(
                    "\"contentPolicy\":{\"filters\":[{\"type\":\"MISCONDUCT\",\"confidence\":\"HIGH\","
                            + "\"filterStrength\":\"LOW\",\"action\":\"BLOCKED\",\"detected\":true}]},");
        }
        out.raw("\"invocationMetrics\":{\"guardrailProcessingLatency\":")
                .num(150 + rng.nextInt(300))
                .raw(
                        ",\"usage\":{\"topicPolicyUnits\":1,\"contentPolicyUnits\":1,\"wordPolicyUnits\":1,"
                                + "\"sensitiveInformationPolicyUnits\":1,\"sensitiveInformationPolicyFreeUnits\":0,"
                                + "\"contextualGroundingPolicyUnits\":0},\"guardrailCoverage\":{\"textCharacters\":{\"guarded\":")
                .num(chars)
                .raw(",\"total\":")
                .num(chars)
                .raw("}}}}},\"actionReason\":")
                .raw(blocked ? "\"Guardrail blocked.\"" : "\"No action.\"")
                .raw("}},\"amazon-bedrock-guardrailAction\":")
                .raw(blocked ? "\"INTERVENED\"" : "\"NONE\"");
    }

    /**
     * Splits about {@code bytes} of contiguous text into stream chunks of 40-200 bytes, each
     * written as prefix + text + suffix.
     */
    private void chunks(
            SplittableRandom rng, JsonBytes out, int bytes, String prefix, String suffix) {
        int cursor = corpus.randomStart(rng, bytes);
        int remaining = bytes;
        do {
            int piece = Math.min(remaining, 40 + rng.nextInt(160));
            out.raw(prefix);
            int before = out.length();
            if (piece > 0) {
                cursor = corpus.appendFrom(out, rng, cursor, piece);
            }
            remaining -= out.length() - before;
            out.raw(suffix);
        } while (remaining > 0);
    }

    // ---------------------------------------------------------------- helpers

    private void text(JsonBytes out, SplittableRandom rng, int bytes) {
        out.raw('"');
        if (bytes > 0) {
            corpus.append(out, rng, bytes);
        }
        out.raw('"');
    }

    private static int systemBytes(PlannedRecord r) {
        return Math.min(400, r.inputBytes / 5);
    }

    /** The value of the max-tokens field just opened, then the temperature field. */
    private static void maxTokensAndTemperature(
            PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        out.num(maxTokens(r)).raw(",\"temperature\":");
        temperature(rng, out);
    }

    private static void temperature(SplittableRandom rng, JsonBytes out) {
        out.raw(TEMPERATURES[rng.nextInt(TEMPERATURES.length)]);
    }

    private static long maxTokens(PlannedRecord r) {
        for (int m : MAX_TOKENS) {
            if (m >= r.outputTokens) {
                return m;
            }
        }
        return r.outputTokens;
    }

    private static void messageId(SplittableRandom rng, JsonBytes out) {
        out.raw("\"msg_bdrk_01");
        for (int i = 0; i < 22; i++) {
            out.raw(BASE62[rng.nextInt(BASE62.length)]);
        }
        out.raw('"');
    }

    /** {@code anthropic.claude-sonnet-4-5-20250929-v1:0} → {@code claude-sonnet-4-5-20250929}. */
    static String anthropicModelName(PlannedRecord r) {
        String base = r.model.spec().baseId();
        String name = base.startsWith("anthropic.") ? base.substring("anthropic.".length()) : base;
        return name.replaceFirst("-v\\d+(:\\d+)?$", "");
    }
}
