package com.bedrockusage.local.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a planned record as one line of Bedrock's model-invocation log JSON. Field order, optional
 * fields and body shapes follow the records in {@code shared/data/samples}; the body text comes
 * from the corpus.
 */
final class RecordRenderer {

    /** {@code requestMetadata} variants some Converse callers attach. */
    static final List<String> METADATA =
            List.of(
                    "{\"team\":\"search\",\"costCenter\":\"cc-42\"}",
                    "{\"team\":\"support\",\"costCenter\":\"cc-17\",\"env\":\"prod\"}",
                    "{\"team\":\"platform\",\"project\":\"atlas\"}",
                    "{\"team\":\"search\",\"costCenter\":\"cc-42\",\"feature\":\"query-rewrite\"}");

    private final long seed;
    private final String bucket;
    private final Bodies bodies;

    RecordRenderer(long seed, String bucket, TextCorpus corpus) {
        this.seed = seed;
        this.bucket = bucket;
        this.bodies = new Bodies(corpus);
    }

    /**
     * The per-record random source: depends only on the seed and the record, so copies are
     * identical.
     */
    SplittableRandom rngFor(PlannedRecord r) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + r.index * 0xBF58476D1CE4E5B9L + 1);
    }

    /** Appends the record (no trailing newline). */
    void render(PlannedRecord r, JsonBytes out) {
        SplittableRandom rng = rngFor(r);
        out.raw('{');
        if (r.schemaFirst) {
            out.raw("\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",");
        }
        out.key("timestamp")
                .raw('"')
                .raw(Instant.ofEpochSecond(r.epochSecond).toString())
                .raw("\",");
        out.key("accountId").str(r.account.id()).raw(',');
        out.key("identity").raw("{\"arn\":").str(r.callerArn).raw("},");
        out.key("region").str(r.region).raw(',');
        out.key("requestId").raw('"');
        r.appendRequestId(out);
        out.raw("\",");
        out.key("operation").str(r.operation.logName).raw(',');
        out.key("modelId").str(r.model.modelId()).raw(',');
        out.key("input");
        input(r, rng, out);
        out.raw(',').key("output");
        output(r, rng, out);
        if (r.inferenceRegionLogged && !r.isError()) {
            out.raw(',').key("inferenceRegion").str(r.model.inferenceRegion());
        }
        if (r.metadataVariant >= 0) {
            out.raw(',').key("requestMetadata").raw(METADATA.get(r.metadataVariant));
        }
        if (r.isError()) {
            out.raw(',').key("errorCode").str(r.errorCode);
        }
        if (!r.schemaFirst) {
            out.raw(",\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\"");
        }
        out.raw('}');
    }

    /** The request body alone, as stored in an offloaded {@code data/..._input.json.gz} object. */
    void renderInputBody(PlannedRecord r, JsonBytes out) {
        SplittableRandom rng = rngFor(r);
        bodies.request(r, rng, out);
    }

    /**
     * {@code s3://bucket/AWSLogs/.../HH/data/{requestId}_input.json.gz} under the record's first
     * folder.
     */
    String inputPayloadKey(PlannedRecord r) {
        ZonedDateTime t = Instant.ofEpochSecond(r.folderHour * 3600).atZone(ZoneOffset.UTC);
        return String.format(
                "AWSLogs/%s/BedrockModelInvocationLogs/%s/%04d/%02d/%02d/%02d/data/%s_input.json.gz",
                r.account.id(),
                r.region,
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                r.requestId());
    }

    private void input(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        if (r.isError()) {
            if (r.errorKeepsRequest) {
                out.raw("{\"inputContentType\":\"application/json\",\"inputBodyJson\":");
                bodies.request(r, rng, out);
                out.raw('}');
            } else {
                out.raw("{}");
            }
            return;
        }
        out.raw("{\"inputContentType\":\"application/json\"");
        if (r.inputOffloaded) {
            out.raw(",\"inputBodyS3Path\":").str("s3://" + bucket + "/" + inputPayloadKey(r));
        } else if (!r.noBodies) {
            out.raw(",\"inputBodyJson\":");
            bodies.request(r, rng, out);
        }
        if (!r.guardrailBlocked) {
            out.raw(",\"inputTokenCount\":").num(r.inputTokens);
            if (r.cacheReadTokens > 0 || r.cacheWriteTokens > 0 || r.cacheFieldsWhenZero) {
                out.raw(",\"cacheReadInputTokenCount\":").num(r.cacheReadTokens);
                out.raw(",\"cacheWriteInputTokenCount\":").num(r.cacheWriteTokens);
            }
        }
        out.raw('}');
    }

    private void output(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        if (r.isError()) {
            out.raw("{}");
            return;
        }
        out.raw("{\"outputContentType\":\"application/json\"");
        if (!r.noBodies) {
            out.raw(",\"outputBodyJson\":");
            bodies.response(r, rng, out);
        }
        if (!r.guardrailBlocked) {
            out.raw(",\"outputTokenCount\":").num(r.outputTokens);
        }
        out.raw('}');
    }
}
