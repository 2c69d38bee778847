package com.bedrockusage.job.ingest.parse;

/**
 * The bounds every value of a log record must keep to become an {@link
 * com.bedrockusage.job.model.Invocation}. Each kept string ends up in state (dedup keys, usage
 * keys, alert scopes) and in table rows, and each number in a sum, so none is unbounded: a record
 * with a value outside its bound is rejected with a reason, never trimmed or clamped.
 *
 * <p>String lengths are in chars (UTF-16 units) after JSON unescaping; AWS documents its limits in
 * characters. Where AWS documents a maximum, the bound is that maximum: the service refuses longer
 * values, so a longer one in a log is not from Bedrock. Elsewhere the bound is a generous multiple
 * of the longest value seen today.
 */
public final class RecordBounds {

    /**
     * Tokens of one kind in one call; also each cache-write entry of a body and their sum. 10^9:
     * absurd for a call.
     */
    public static final long MAX_TOKENS = 1_000_000_000L;

    /**
     * A call's latency or time to first byte: 24 hours in ms, far longer than a runtime call can
     * stay open. At this cap a latency sum needs 10^11 calls in one window to overflow.
     */
    public static final long MAX_LATENCY_MS = 24L * 60 * 60 * 1000;

    /** {@code requestId}: Bedrock writes a 36-char UUID. */
    public static final int MAX_REQUEST_ID_CHARS = 128;

    /**
     * {@code modelId}: an id, inference-profile ARN or prompt ARN; the Converse/InvokeModel API
     * maximum is 2048.
     */
    public static final int MAX_MODEL_ID_CHARS = 2048;

    /** {@code identity.arn}: IAM documents 2048 as the maximum length of an ARN. */
    public static final int MAX_ARN_CHARS = 2048;

    /**
     * {@code region}, {@code inferenceRegion}: region codes are 9-14 chars today (ap-southeast-5);
     * Bedrock's own ARN pattern allows up to 20.
     */
    public static final int MAX_REGION_CHARS = 32;

    /** {@code operation}: the longest today is InvokeModelWithBidirectionalStream (34 chars). */
    public static final int MAX_OPERATION_CHARS = 64;

    /** {@code errorCode}: an exception name such as ModelStreamErrorException. */
    public static final int MAX_ERROR_CODE_CHARS = 256;

    /** {@code requestMetadata} keys and values: the Bedrock API maximum is 256 chars each. */
    public static final int MAX_METADATA_CHARS = 256;

    /**
     * {@code requestMetadata} entries. AWS documents the 256-char key and value limits but (as far
     * as we found) no entry count; 64 entries keep one call's metadata under about 32 KiB.
     */
    public static final int MAX_METADATA_ENTRIES = 64;

    /**
     * Images one call asks for ({@code imageGenerationConfig.numberOfImages}); Nova Canvas and
     * Titan allow 5.
     */
    public static final long MAX_IMAGES = 100;

    /**
     * An image side in pixels ({@code width}, {@code height}); the largest Bedrock image models
     * make is 4096.
     */
    public static final long MAX_IMAGE_SIDE = 16_384;

    /**
     * Seconds of video one call asks for ({@code videoGenerationConfig.durationSeconds}); Nova Reel
     * allows 120.
     */
    public static final long MAX_VIDEO_SECONDS = 3_600;

    /**
     * Documents of one rerank call; Bedrock allows 1,000. Each 100 documents bill as one more
     * query.
     */
    public static final long MAX_RERANK_DOCUMENTS = 100_000;

    /** A tier or quality name read from a body; longer values are ignored, never kept. */
    public static final int MAX_TIER_CHARS = 32;

    private RecordBounds() {}
}
