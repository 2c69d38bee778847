package com.bedrockusage.job.ingest.parse;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Turns one Bedrock model-invocation log record (UTF-8 JSON bytes) into an {@link Invocation}, or
 * says why it cannot. The hot path of ingest: it walks only the objects holding kept fields and
 * skips everything else, prompt and response text included, without decoding it.
 *
 * <p>From inside the bodies it reads only: {@code output.outputBodyJson.metrics.latencyMs}
 * (Converse), {@code amazon-bedrock-invocationMetrics.{invocationLatency,firstByteLatency}} (a
 * chunk of a streamed InvokeModel body, which is an array), and the Anthropic cache-write split
 * {@code usage.cacheDetails[{ttl, inputTokens}]} (Converse) and {@code
 * usage.cache_creation.ephemeral_{5m,1h}_input_tokens} ({@code message.usage...} in a stream's
 * {@code message_start} chunk), the tier that served the call ({@code serviceTier.type}, {@code
 * performanceConfig.latency} of a Converse response) and, from the request body, what per-unit
 * prices multiply: {@code imageGenerationConfig.{numberOfImages,width,height,quality}}, {@code
 * videoGenerationConfig.durationSeconds}, the number of rerank {@code documents} (counted, never
 * read) and the requested tier. An image response's {@code images} array is counted when the
 * request says nothing. Body values that are not non-negative integers are ignored, never a reason
 * to reject; body integers above their bound in {@link RecordBounds} are (latency, cache-write
 * tokens).
 *
 * <p>Every kept value has a bound ({@link RecordBounds}). Reject precedence: oversize, malformed
 * JSON, foreign JSON, wrong field type, field too long, missing field, invalid timestamp, invalid
 * account id, invalid token count, invalid latency. Reusable and not thread-safe: one per reader.
 */
public final class BedrockRecordParser {

    /**
     * Records above this size (10 MiB) are rejected unread; Bedrock offloads bodies above 100 KB to
     * S3.
     */
    public static final int MAX_RECORD_BYTES = 10 * 1024 * 1024;

    /**
     * Token counts above this (10^9) are absurd for one call and rejected; see {@link
     * RecordBounds}.
     */
    public static final long MAX_TOKENS = RecordBounds.MAX_TOKENS;

    public static final String SCHEMA_TYPE = "ModelInvocationLog";

    private static final byte[] K_SCHEMA_TYPE = ascii("schemaType");
    private static final byte[] K_TIMESTAMP = ascii("timestamp");
    private static final byte[] K_ACCOUNT_ID = ascii("accountId");
    private static final byte[] K_IDENTITY = ascii("identity");
    private static final byte[] K_ARN = ascii("arn");
    private static final byte[] K_REGION = ascii("region");
    private static final byte[] K_INFERENCE_REGION = ascii("inferenceRegion");
    private static final byte[] K_REQUEST_ID = ascii("requestId");
    private static final byte[] K_OPERATION = ascii("operation");
    private static final byte[] K_MODEL_ID = ascii("modelId");
    private static final byte[] K_INPUT = ascii("input");
    private static final byte[] K_OUTPUT = ascii("output");
    private static final byte[] K_ERROR_CODE = ascii("errorCode");
    private static final byte[] K_REQUEST_METADATA = ascii("requestMetadata");

    private static final byte[] K_INPUT_TOKEN_COUNT = ascii("inputTokenCount");
    private static final byte[] K_CACHE_READ = ascii("cacheReadInputTokenCount");
    private static final byte[] K_CACHE_WRITE = ascii("cacheWriteInputTokenCount");
    private static final byte[] K_INPUT_BODY_S3_PATH = ascii("inputBodyS3Path");
    private static final byte[] K_OUTPUT_TOKEN_COUNT = ascii("outputTokenCount");
    private static final byte[] K_OUTPUT_BODY_S3_PATH = ascii("outputBodyS3Path");
    private static final byte[] K_OUTPUT_BODY_JSON = ascii("outputBodyJson");

    private static final byte[] K_METRICS = ascii("metrics");
    private static final byte[] K_LATENCY_MS = ascii("latencyMs");
    private static final byte[] K_METADATA = ascii("metadata");
    private static final byte[] K_USAGE = ascii("usage");
    private static final byte[] K_MESSAGE = ascii("message");
    private static final byte[] K_CACHE_CREATION = ascii("cache_creation");
    private static final byte[] K_CACHE_DETAILS = ascii("cacheDetails");
    private static final byte[] K_TTL = ascii("ttl");
    private static final byte[] K_INPUT_TOKENS = ascii("inputTokens");
    private static final byte[] K_EPHEMERAL_5M = ascii("ephemeral_5m_input_tokens");
    private static final byte[] K_EPHEMERAL_1H = ascii("ephemeral_1h_input_tokens");
    private static final byte[] K_INVOCATION_METRICS = ascii("amazon-bedrock-invocationMetrics");
    private static final byte[] K_INVOCATION_LATENCY = ascii("invocationLatency");
    private static final byte[] K_FIRST_BYTE_LATENCY = ascii("firstByteLatency");
    private static final byte[] K_INPUT_BODY_JSON = ascii("inputBodyJson");
    private static final byte[] K_SERVICE_TIER = ascii("serviceTier");
    private static final byte[] K_TYPE = ascii("type");
    private static final byte[] K_PERFORMANCE_CONFIG = ascii("performanceConfig");
    private static final byte[] K_LATENCY = ascii("latency");
    private static final byte[] K_IMAGE_CONFIG = ascii("imageGenerationConfig");
    private static final byte[] K_NUMBER_OF_IMAGES = ascii("numberOfImages");
    private static final byte[] K_WIDTH = ascii("width");
    private static final byte[] K_HEIGHT = ascii("height");
    private static final byte[] K_QUALITY = ascii("quality");
    private static final byte[] K_VIDEO_CONFIG = ascii("videoGenerationConfig");
    private static final byte[] K_DURATION_SECONDS = ascii("durationSeconds");
    private static final byte[] K_DOCUMENTS = ascii("documents");
    private static final byte[] K_IMAGES = ascii("images");

    /** Rerank bills one query per 100 documents (or part of 100). */
    private static final long DOCUMENTS_PER_QUERY = 100;

    /** {@link #bodyLong} result for an integer above its bound. */
    private static final long ABOVE_BOUND = -2;

    private static final int TS_ABSENT = 0;
    private static final int TS_VALID = 1;
    private static final int TS_INVALID = 2;

    private final String source;
    private final JsonScanner s = new JsonScanner();
    private final ByteSink tsScratch = new ByteSink(64);
    private final LastValue accountIds = new LastValue();
    private final LastValue regions = new LastValue();
    private final LastValue inferenceRegions = new LastValue();
    private final LastValue callers = new LastValue();
    private final LastValue operations = new LastValue();
    private final LastValue modelIds = new LastValue();
    private final LastValue errorCodes = new LastValue();
    private final ArrayList<String> metadataKeys = new ArrayList<>();
    private final ArrayList<String> metadataValues = new ArrayList<>();

    private String reason;

    // ---- per-record state
    private String schemaType;
    private String requestId;
    private String accountId;
    private String region;
    private String inferenceRegion;
    private String callerArn;
    private String operation;
    private String modelId;
    private String errorCode;
    private int timestampState;
    private long eventTime;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private boolean cacheWriteSeen;
    private long split5m;
    private long split1h;
    private boolean splitSeen;
    private long latencyMs;
    private long firstByteLatencyMs;
    private boolean offloaded;
    private boolean badTokens;
    private boolean badLatency;
    private String invalidField;
    private String tooLongField;
    private final CallTier tier = new CallTier();
    private final CallUnits units = new CallUnits();

    /**
     * @param source {@link Invocation#SOURCE_S3} or {@link Invocation#SOURCE_KINESIS}, stamped on
     *     results.
     */
    public BedrockRecordParser(String source) {
        this.source = source;
    }

    /** The reason the last {@link #parse} returned null, else null. */
    public String reason() {
        return reason;
    }

    /**
     * Parses {@code buf[from, to)}; returns null and sets {@link #reason()} when the record is
     * rejected.
     */
    public Invocation parse(byte[] buf, int from, int to) {
        reset();
        if (to - from > MAX_RECORD_BYTES) {
            reason = RejectReason.OVERSIZE_RECORD;
            return null;
        }
        s.reset(buf, from, to);
        try {
            if (!s.enterObject()) {
                s.skipValue();
                s.expectEnd();
                reason = RejectReason.FOREIGN_JSON;
                return null;
            }
            readRecord();
            s.expectEnd();
        } catch (JsonScanner.JsonException e) {
            reason = RejectReason.MALFORMED_JSON;
            return null;
        } catch (RuntimeException e) {
            // a parser bug must not fail the job on every restart: reject the record, name the bug
            reason = RejectReason.PARSER_ERROR + e.getClass().getSimpleName();
            return null;
        }
        reason = validate();
        return reason == null ? build() : null;
    }

    private void reset() {
        reason = null;
        schemaType = null;
        requestId = null;
        accountId = null;
        region = null;
        inferenceRegion = null;
        callerArn = null;
        operation = null;
        modelId = null;
        errorCode = null;
        timestampState = TS_ABSENT;
        eventTime = 0;
        inputTokens = 0;
        outputTokens = 0;
        cacheReadTokens = 0;
        cacheWriteTokens = 0;
        cacheWriteSeen = false;
        split5m = 0;
        split1h = 0;
        splitSeen = false;
        latencyMs = -1;
        firstByteLatencyMs = -1;
        offloaded = false;
        badTokens = false;
        badLatency = false;
        invalidField = null;
        tooLongField = null;
        tier.reset();
        units.reset();
        metadataKeys.clear();
        metadataValues.clear();
    }

    private void readRecord() {
        final JsonScanner s = this.s;
        while (s.nextField()) {
            if (s.keyIs(K_INPUT)) {
                readInput();
            } else if (s.keyIs(K_OUTPUT)) {
                readOutput();
            } else if (s.keyIs(K_REQUEST_ID)) {
                requestId = string("requestId", null, RecordBounds.MAX_REQUEST_ID_CHARS);
            } else if (s.keyIs(K_TIMESTAMP)) {
                readTimestamp();
            } else if (s.keyIs(K_ACCOUNT_ID)) {
                accountId =
                        string("accountId", accountIds, Integer.MAX_VALUE); // validate(): 12 digits
            } else if (s.keyIs(K_MODEL_ID)) {
                modelId = string("modelId", modelIds, RecordBounds.MAX_MODEL_ID_CHARS);
            } else if (s.keyIs(K_OPERATION)) {
                operation = string("operation", operations, RecordBounds.MAX_OPERATION_CHARS);
            } else if (s.keyIs(K_REGION)) {
                region = string("region", regions, RecordBounds.MAX_REGION_CHARS);
            } else if (s.keyIs(K_INFERENCE_REGION)) {
                inferenceRegion =
                        string("inferenceRegion", inferenceRegions, RecordBounds.MAX_REGION_CHARS);
            } else if (s.keyIs(K_IDENTITY)) {
                readIdentity();
            } else if (s.keyIs(K_SCHEMA_TYPE)) {
                schemaType = string("schemaType", null, Integer.MAX_VALUE); // compared, never kept
            } else if (s.keyIs(K_ERROR_CODE)) {
                errorCode = string("errorCode", errorCodes, RecordBounds.MAX_ERROR_CODE_CHARS);
            } else if (s.keyIs(K_REQUEST_METADATA)) {
                readRequestMetadata();
            } else {
                s.skipValue();
            }
        }
    }

    private void readInput() {
        if (!enterObjectOrMarkInvalid()) {
            return;
        }
        while (s.nextField()) {
            if (s.keyIs(K_INPUT_TOKEN_COUNT)) {
                inputTokens = tokens();
            } else if (s.keyIs(K_CACHE_READ)) {
                cacheReadTokens = tokens();
            } else if (s.keyIs(K_CACHE_WRITE)) {
                cacheWriteSeen = !s.peekIsNull();
                cacheWriteTokens = tokens();
            } else if (s.keyIs(K_INPUT_BODY_S3_PATH)) {
                offloaded |= !s.peekIsNull();
                s.skipValue();
            } else if (s.keyIs(K_INPUT_BODY_JSON) && s.enterObject()) {
                readRequestBody();
            } else {
                s.skipValue(); // prompts and other input: never decoded
            }
        }
    }

    private void readOutput() {
        if (!enterObjectOrMarkInvalid()) {
            return;
        }
        while (s.nextField()) {
            if (s.keyIs(K_OUTPUT_TOKEN_COUNT)) {
                outputTokens = tokens();
            } else if (s.keyIs(K_OUTPUT_BODY_JSON)) {
                if (s.enterObject()) {
                    readBodyObject();
                } else if (s.enterArray()) {
                    readBodyChunks();
                } else {
                    s.skipValue();
                }
            } else if (s.keyIs(K_OUTPUT_BODY_S3_PATH)) {
                offloaded |= !s.peekIsNull();
                s.skipValue();
            } else {
                s.skipValue();
            }
        }
    }

    /**
     * The request body: only the tier asked for and the quantities per-unit prices multiply. Prompt
     * text, images and documents are skipped (documents counted) without being decoded.
     */
    private void readRequestBody() {
        while (s.nextField()) {
            if (s.keyIs(K_IMAGE_CONFIG)) {
                readImageConfig();
            } else if (s.keyIs(K_VIDEO_CONFIG)) {
                readVideoConfig();
            } else if (s.keyIs(K_DOCUMENTS)) {
                long documents = countElements(RecordBounds.MAX_RERANK_DOCUMENTS);
                if (documents >= 0) {
                    units.query(
                            Math.max(
                                    1,
                                    (documents + DOCUMENTS_PER_QUERY - 1) / DOCUMENTS_PER_QUERY));
                }
            } else if (s.keyIs(K_SERVICE_TIER)) {
                tier.requested = tierName(K_TYPE);
            } else if (s.keyIs(K_PERFORMANCE_CONFIG)) {
                tier.requestedLatency = tierName(K_LATENCY);
            } else {
                s.skipValue();
            }
        }
    }

    private void readImageConfig() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        long count = 1; // the models' default
        long width = -1;
        long height = -1;
        String quality = null;
        while (s.nextField()) {
            if (s.keyIs(K_NUMBER_OF_IMAGES)) {
                long v = unitLong(RecordBounds.MAX_IMAGES);
                count = v >= 0 ? v : count;
            } else if (s.keyIs(K_WIDTH)) {
                width = unitLong(RecordBounds.MAX_IMAGE_SIDE);
            } else if (s.keyIs(K_HEIGHT)) {
                height = unitLong(RecordBounds.MAX_IMAGE_SIDE);
            } else if (s.keyIs(K_QUALITY)) {
                quality = shortString();
            } else {
                s.skipValue();
            }
        }
        units.image(count, quality, width, height);
    }

    private void readVideoConfig() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextFieldNamed(K_DURATION_SECONDS)) {
            long v = unitLong(RecordBounds.MAX_VIDEO_SECONDS);
            if (v >= 0) {
                units.seconds(v);
            }
        }
    }

    /**
     * {@code "serviceTier": {"type": "priority"}} or {@code "performanceConfig": {"latency":
     * "optimized"}}.
     */
    private String tierName(byte[] field) {
        if (!s.enterObject()) {
            return shortString();
        }
        String value = null;
        while (s.nextFieldNamed(field)) {
            value = shortString();
        }
        return value;
    }

    /**
     * A short string value (a tier, a quality), else null; anything else is skipped, never decoded
     * at length.
     */
    private String shortString() {
        if (!s.readStringRange()) {
            return null; // readStringRange consumed the value
        }
        return s.strEnd - s.strStart <= RecordBounds.MAX_TIER_CHARS ? s.lastString() : null;
    }

    /**
     * The elements of an array, counted and skipped; -1 when not an array; above {@code max}
     * rejects the record.
     */
    private long countElements(long max) {
        if (!s.enterArrayOrSkip()) {
            return -1;
        }
        long n = 0;
        while (s.nextElement()) {
            s.skipValue();
            n++;
        }
        if (n > max) {
            units.aboveBound = true;
        }
        return n;
    }

    /**
     * A quantity inside a body: -1 (ignored) when not a non-negative integer; above {@code max}
     * rejects.
     */
    private long unitLong(long max) {
        long v = bodyLong(max);
        if (v == ABOVE_BOUND) {
            units.aboveBound = true;
            return -1;
        }
        return v;
    }

    /**
     * A whole response body: Converse(Stream) ({@code metrics}) or Anthropic InvokeModel ({@code
     * usage}).
     */
    private void readBodyObject() {
        while (s.nextField()) {
            if (s.keyIs(K_SERVICE_TIER)) {
                tier.served = tierName(K_TYPE);
            } else if (s.keyIs(K_PERFORMANCE_CONFIG)) {
                tier.servedLatency = tierName(K_LATENCY);
            } else if (s.keyIs(K_IMAGES)) {
                long images = countElements(RecordBounds.MAX_IMAGES);
                if (images >= 0) {
                    units.imagesReturned = images;
                }
            } else if (s.keyIs(K_METRICS)) {
                readMetrics();
            } else if (s.keyIs(K_USAGE)) {
                readUsage();
            } else if (s.keyIs(K_INVOCATION_METRICS)) {
                readInvocationMetrics();
            } else {
                s.skipValue();
            }
        }
    }

    /** A streamed InvokeModel body: an array of chunks. */
    private void readBodyChunks() {
        while (s.nextElement()) {
            if (!s.enterObjectOrSkip()) {
                continue;
            }
            while (s.nextField()) {
                if (s.keyIs(K_INVOCATION_METRICS)) {
                    readInvocationMetrics();
                } else if (s.keyIs(K_MESSAGE)) {
                    readChunkMessage();
                } else if (s.keyIs(K_METADATA)) {
                    readChunkMetadata();
                } else {
                    s.skipValue();
                }
            }
        }
    }

    private void readMetrics() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextFieldNamed(K_LATENCY_MS)) {
            long v = bodyLatency();
            if (v >= 0) {
                latencyMs = v;
            }
        }
    }

    private void readInvocationMetrics() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextField()) {
            if (s.keyIs(K_INVOCATION_LATENCY)) {
                long v = bodyLatency();
                if (v >= 0) {
                    latencyMs = v;
                }
            } else if (s.keyIs(K_FIRST_BYTE_LATENCY)) {
                long v = bodyLatency();
                if (v >= 0) {
                    firstByteLatencyMs = v;
                }
            } else {
                s.skipValue();
            }
        }
    }

    /** {@code message_start} chunk: {@code message.usage.cache_creation}. */
    private void readChunkMessage() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextFieldNamed(K_USAGE)) {
            readUsage();
        }
    }

    /** A ConverseStream {@code metadata} event, if a stream is ever logged as chunks. */
    private void readChunkMetadata() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextFieldNamed(K_METRICS)) {
            readMetrics();
        }
    }

    private void readUsage() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextField()) {
            if (s.keyIs(K_CACHE_CREATION)) {
                readCacheCreation();
            } else if (s.keyIs(K_CACHE_DETAILS)) {
                readCacheDetails();
            } else {
                s.skipValue();
            }
        }
    }

    /**
     * Converse: {@code usage.cacheDetails: [{"ttl": "1h", "inputTokens": N}, {"ttl": "5m", ...}]}.
     */
    private void readCacheDetails() {
        if (!s.enterArrayOrSkip()) {
            return;
        }
        while (s.nextElement()) {
            if (!s.enterObjectOrSkip()) {
                continue;
            }
            boolean oneHour = false;
            boolean fiveMinutes = false;
            long tokens = -1;
            while (s.nextField()) {
                if (s.keyIs(K_TTL)) {
                    if (s.readStringRange()) {
                        String ttl = s.lastString();
                        oneHour = "1h".equals(ttl);
                        fiveMinutes = "5m".equals(ttl);
                    }
                } else if (s.keyIs(K_INPUT_TOKENS)) {
                    tokens = bodyTokens();
                } else {
                    s.skipValue();
                }
            }
            if (tokens >= 0 && (oneHour || fiveMinutes)) {
                // Capped just above the bound: validate() rejects a sum above it, and no count of
                // entries overflows.
                if (oneHour) {
                    split1h = Math.min(split1h + tokens, MAX_TOKENS + 1);
                } else {
                    split5m = Math.min(split5m + tokens, MAX_TOKENS + 1);
                }
                splitSeen = true;
            }
        }
    }

    private void readCacheCreation() {
        if (!s.enterObjectOrSkip()) {
            return;
        }
        while (s.nextField()) {
            if (s.keyIs(K_EPHEMERAL_5M)) {
                long v = bodyTokens();
                if (v >= 0) {
                    split5m = v;
                    splitSeen = true;
                }
            } else if (s.keyIs(K_EPHEMERAL_1H)) {
                long v = bodyTokens();
                if (v >= 0) {
                    split1h = v;
                    splitSeen = true;
                }
            } else {
                s.skipValue();
            }
        }
    }

    private void readIdentity() {
        if (!enterObjectOrMarkInvalid()) {
            return;
        }
        while (s.nextFieldNamed(K_ARN)) {
            callerArn = string("identity.arn", callers, RecordBounds.MAX_ARN_CHARS);
        }
    }

    /**
     * A string map; entries whose value is not a string (AWS only allows strings) are left out. Too
     * many entries, or a key or value above {@link RecordBounds#MAX_METADATA_CHARS}, make the field
     * too long.
     */
    private void readRequestMetadata() {
        if (!enterObjectOrMarkInvalid()) {
            return;
        }
        while (s.nextField()) {
            if (!s.readStringRange()) {
                continue;
            }
            if (metadataKeys.size() == RecordBounds.MAX_METADATA_ENTRIES) {
                markTooLong("requestMetadata"); // the record is rejected: stop collecting
                continue;
            }
            String key = s.keyString();
            String value = s.lastString();
            if (key.length() > RecordBounds.MAX_METADATA_CHARS
                    || value.length() > RecordBounds.MAX_METADATA_CHARS) {
                markTooLong("requestMetadata");
            }
            metadataKeys.add(key);
            metadataValues.add(value);
        }
    }

    private void readTimestamp() {
        if (s.peekIsNull()) {
            s.skipValue();
            return;
        }
        if (!s.readStringRange()) {
            timestampState = TS_INVALID;
            return;
        }
        long millis;
        if (s.strEscaped) {
            tsScratch.clear();
            s.lastStringBytes(tsScratch);
            millis = Iso8601.parseMillis(tsScratch.bytes(), 0, tsScratch.length());
        } else {
            millis = Iso8601.parseMillis(s.buf, s.strStart, s.strEnd);
        }
        if (millis == Iso8601.INVALID) {
            timestampState = TS_INVALID;
        } else {
            timestampState = TS_VALID;
            eventTime = millis;
        }
    }

    /**
     * Enters an object; JSON null counts as absent, any other non-object marks the field invalid.
     */
    private boolean enterObjectOrMarkInvalid() {
        if (s.enterObject()) {
            return true;
        }
        if (!s.peekIsNull()) {
            markInvalid(s.keyString());
        }
        s.skipValue();
        return false;
    }

    /**
     * A string field; JSON null is absent, any other non-string marks the field invalid, a string
     * longer than {@code maxChars} marks it too long.
     */
    private String string(String field, LastValue cache, int maxChars) {
        if (s.peekIsNull()) {
            s.skipValue();
            return null;
        }
        if (!s.readStringRange()) {
            markInvalid(field);
            return null;
        }
        String value = cache == null ? s.lastString() : cache.get(s);
        if (value.length() > maxChars) {
            markTooLong(field);
        }
        return value;
    }

    private void markInvalid(String field) {
        if (invalidField == null) {
            invalidField = field;
        }
    }

    private void markTooLong(String field) {
        if (tooLongField == null) {
            tooLongField = field;
        }
    }

    private long tokens() {
        long v = s.readLong();
        if (v == JsonScanner.NULL_NUMBER) {
            return 0;
        }
        if (v == JsonScanner.NOT_AN_INTEGER || v < 0 || v > MAX_TOKENS) {
            badTokens = true;
            return 0;
        }
        return v;
    }

    /**
     * A latency inside a body; -1 (ignored) when not a non-negative integer; an integer above the
     * bound rejects.
     */
    private long bodyLatency() {
        long v = bodyLong(RecordBounds.MAX_LATENCY_MS);
        badLatency |= v == ABOVE_BOUND;
        return v;
    }

    /**
     * A token count inside a body; -1 (ignored) when not a non-negative integer; one above the cap
     * rejects.
     */
    private long bodyTokens() {
        long v = bodyLong(MAX_TOKENS);
        badTokens |= v == ABOVE_BOUND;
        return v;
    }

    /**
     * A number inside a body: its value up to {@code max}, {@link #ABOVE_BOUND} for a larger
     * integer, else -1.
     */
    private long bodyLong(long max) {
        long v = s.readLong();
        if (v == JsonScanner.TOO_LARGE || v > max) {
            return ABOVE_BOUND;
        }
        return v < 0 ? -1 : v;
    }

    private String validate() {
        if (schemaType != null && !SCHEMA_TYPE.equals(schemaType)) {
            return RejectReason.FOREIGN_JSON;
        }
        if (schemaType == null && requestId == null && modelId == null && operation == null) {
            return RejectReason.FOREIGN_JSON;
        }
        if (invalidField != null) {
            return RejectReason.INVALID_FIELD + invalidField;
        }
        if (tooLongField != null) {
            return RejectReason.FIELD_TOO_LONG + tooLongField;
        }
        if (requestId == null || requestId.isEmpty()) {
            return RejectReason.MISSING_FIELD + "requestId";
        }
        if (timestampState == TS_ABSENT) {
            return RejectReason.MISSING_FIELD + "timestamp";
        }
        if (accountId == null || accountId.isEmpty()) {
            return RejectReason.MISSING_FIELD + "accountId";
        }
        if (modelId == null || modelId.isEmpty()) {
            return RejectReason.MISSING_FIELD + "modelId";
        }
        if (timestampState == TS_INVALID) {
            return RejectReason.INVALID_TIMESTAMP;
        }
        if (!isAccountId(accountId)) {
            return RejectReason.INVALID_FIELD + "accountId";
        }
        if (badTokens || (splitSeen && split5m + split1h > MAX_TOKENS)) {
            return RejectReason.INVALID_TOKEN_COUNT;
        }
        if (badLatency) {
            return RejectReason.INVALID_LATENCY;
        }
        if (units.aboveBound) {
            return RejectReason.INVALID_UNIT_QUANTITY;
        }
        return null;
    }

    /** AWS account ids are exactly 12 digits; redacted ids ("XXXXXXXXXXXX") are rejected. */
    private static boolean isAccountId(String id) {
        if (id.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private Invocation build() {
        Invocation inv = new Invocation();
        inv.requestId = requestId;
        inv.eventTime = eventTime;
        inv.accountId = accountId;
        inv.region = region;
        inv.inferenceRegion = inferenceRegion;
        inv.callerArn = callerArn;
        inv.operation = operation;
        inv.modelId = modelId;
        inv.inputTokens = inputTokens;
        inv.outputTokens = outputTokens;
        inv.cacheReadTokens = cacheReadTokens;
        long cacheWrite = cacheWriteTokens;
        if (!cacheWriteSeen && splitSeen) {
            // Older records carry no cacheWriteInputTokenCount; the body's split is then the only
            // count.
            cacheWrite = split5m + split1h;
        }
        inv.cacheWriteTokens = cacheWrite;
        // Without a split every cache write is a 5-minute write; the 1h part never exceeds the
        // total.
        inv.cacheWrite1hTokens = splitSeen ? Math.min(split1h, cacheWrite) : 0;
        inv.latencyMs = latencyMs >= 0 ? Long.valueOf(latencyMs) : null;
        inv.firstByteLatencyMs = firstByteLatencyMs >= 0 ? Long.valueOf(firstByteLatencyMs) : null;
        inv.errorCode = errorCode;
        if (!metadataKeys.isEmpty()) {
            inv.metadataKeys = metadataKeys.toArray(new String[0]);
            inv.metadataValues = metadataValues.toArray(new String[0]);
        }
        inv.bodiesOffloaded = offloaded;
        inv.source = source;
        inv.serviceTier = tier.resolve();
        units.fill(inv);
        return inv;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reuses the String of the previous value when the raw bytes repeat (accounts, regions, models
     * and callers repeat across a file), saving the decode and the allocation.
     */
    private static final class LastValue {
        private static final int MAX_CACHED = 512;
        private byte[] raw = new byte[64];
        private int length = -1;
        private String value;

        String get(JsonScanner s) {
            if (s.strEscaped) {
                return s.lastString();
            }
            int n = s.strEnd - s.strStart;
            if (n == length && Arrays.equals(s.buf, s.strStart, s.strEnd, raw, 0, n)) {
                return value;
            }
            String decoded = s.lastString();
            if (n <= MAX_CACHED) {
                if (raw.length < n) {
                    raw = new byte[Math.max(n, raw.length * 2)];
                }
                System.arraycopy(s.buf, s.strStart, raw, 0, n);
                length = n;
                value = decoded;
            }
            return decoded;
        }
    }
}
