package com.bedrockusage.job.ingest;

import com.bedrockusage.job.ingest.parse.BedrockRecordParser;
import com.bedrockusage.job.ingest.parse.RecordBounds;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code RejectedRecord.reason} values the ingest stage produces: short, stable, kebab-case,
 * except those named in the operations contract ({@code future_timestamp}, {@code
 * unreadable_object}, {@code kinesis_trimmed}), which keep their given spelling.
 */
public final class RejectReason {

    /** Not valid JSON (including JSON cut short). */
    public static final String MALFORMED_JSON = "malformed-json";

    /** Valid JSON that is not a Bedrock model-invocation log record. */
    public static final String FOREIGN_JSON = "foreign-json";

    /** Prefix; followed by the field name, e.g. {@code missing-field:requestId}. */
    public static final String MISSING_FIELD = "missing-field:";

    /** Prefix; a field of the wrong JSON type or format, e.g. {@code invalid-field:accountId}. */
    public static final String INVALID_FIELD = "invalid-field:";

    /** {@code timestamp} is not an ISO-8601 instant (e.g. day 99). */
    public static final String INVALID_TIMESTAMP = "invalid-timestamp";

    /**
     * A token count that is not an integer, negative, or above {@link RecordBounds#MAX_TOKENS};
     * also a cache-write entry of a body above that cap, or cache-write entries whose sum is.
     */
    public static final String INVALID_TOKEN_COUNT = "invalid-token-count";

    /**
     * A latency (or time to first byte) that is an integer above {@link
     * RecordBounds#MAX_LATENCY_MS}.
     */
    public static final String INVALID_LATENCY = "invalid-latency";

    /**
     * Prefix; a kept string longer than its bound in {@link RecordBounds}, or too many {@code
     * requestMetadata} entries, e.g. {@code field-too-long:modelId}.
     */
    public static final String FIELD_TOO_LONG = "field-too-long:";

    /** A record larger than {@link BedrockRecordParser#MAX_RECORD_BYTES}. */
    public static final String OVERSIZE_RECORD = "oversize-record";

    /** A gzip stream that ends early; the records before the cut were emitted. */
    public static final String TRUNCATED_GZIP = "truncated-gzip";

    /** A gzip stream with bad data (header, deflate data or CRC). */
    public static final String CORRUPT_GZIP = "corrupt-gzip";

    /**
     * A CloudWatch Logs envelope of an unknown {@code messageType}, or without {@code logEvents}.
     */
    public static final String INVALID_ENVELOPE = "invalid-envelope";

    /**
     * A call dated more than {@code pipeline.max-future} ahead of the wall clock at ingest (kept
     * off the watermark).
     */
    public static final String FUTURE_TIMESTAMP = "future_timestamp";

    /**
     * Prefix; an unexpected exception inside ingest (a bug), e.g. {@code
     * parser-error:ArrayIndexOutOfBoundsException}.
     */
    public static final String PARSER_ERROR = "parser-error:";

    /**
     * An image count, image side, video duration or rerank document count in a body above its bound
     * in {@link RecordBounds}: the quantity a per-unit price would multiply.
     */
    public static final String INVALID_UNIT_QUANTITY = "invalid-unit-quantity";

    /**
     * A log object that could not be read after {@link RetryingLogObjectReader#ATTEMPTS} attempts
     * (deleted after it was listed, access denied, no {@code kms:Decrypt}, a connection that keeps
     * failing); the source is the object's path and the excerpt the last error. Records read before
     * the failure were emitted; the rest was not read.
     */
    public static final String UNREADABLE_OBJECT = "unreadable_object";

    /**
     * Not a bad record but a gap marker: a Kinesis shard was resumed at its trim horizon (the job
     * was stopped longer than the stream's retention), so records after the restored position were
     * trimmed unread. The source is the shard, the excerpt says when the first record read arrived.
     * See {@link TrimHorizonCheck}.
     */
    public static final String KINESIS_TRIMMED = "kinesis_trimmed";

    /**
     * Amazon Q Developer: a prompt, response or code context longer than {@code
     * TokenEstimator.MAX_TEXT_CHARS}.
     */
    public static final String TEXT_TOO_LONG = "text-too-long";

    /**
     * Amazon Q Developer: a user-activity report row that is not a valid CSV row of the header's
     * columns.
     */
    public static final String MALFORMED_CSV = "malformed-csv";

    private RejectReason() {}

    /** Every reason that is not a prefix (those are completed with a field or exception name). */
    public static List<String> fixed() {
        List<String> out = new ArrayList<>();
        for (Field f : RejectReason.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    String reason = (String) f.get(null);
                    if (!reason.endsWith(":")) {
                        out.add(reason);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
