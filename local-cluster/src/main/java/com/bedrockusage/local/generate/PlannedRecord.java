package com.bedrockusage.local.generate;

/**
 * Everything about one invocation except its body text: decided up front from the seed, so the
 * ground truth is known before any file is written and every copy of a record renders to the same
 * bytes.
 */
final class PlannedRecord {

    final int index;
    long requestIdHigh;
    long requestIdLow;
    long epochSecond;
    Population.Account account;
    String region;
    String callerArn;
    ModelCatalog.Choice model;
    Operation operation;

    long inputTokens;
    long outputTokens;
    long cacheReadTokens;

    /** All cache writes: 5-minute plus 1-hour. */
    long cacheWriteTokens;

    long cacheWrite1hTokens;

    /** Null for a successful call. */
    String errorCode;

    /** A failed call either logs nothing ({@code {}}) or the request body without token counts. */
    boolean errorKeepsRequest;

    /**
     * Input body offloaded to a {@code data/..._input.json.gz} object, as Bedrock does for large
     * bodies.
     */
    boolean inputOffloaded;

    /** Text data delivery disabled: metadata and token counts only. */
    boolean noBodies;

    /**
     * Anthropic InvokeModel stopped by a guardrail: bodies but no token counts and no error code.
     */
    boolean guardrailBlocked;

    boolean guardrailTrace;

    /** Index into {@link RecordRenderer#METADATA}, or -1. */
    int metadataVariant = -1;

    int inputBytes;
    int outputBytes;
    long latencyMs;
    long firstByteLatencyMs;

    // accounting cases (AccountingCases)
    boolean latencyOptimized;
    String requestedTier;
    String servedTier;

    /** A call priced per unit instead of per token, or null (AccountingCases). */
    UnitCall unitCall;

    /** Images asked for, seconds of video, or rerank documents. */
    int unitCount;

    /** Image width and height, and quality ({@code standard} or {@code premium}). */
    int imageSide;

    String imageQuality;

    // key-order and optional-field variants seen in real records
    boolean schemaFirst;
    boolean cacheFieldsWhenZero;
    boolean inferenceRegionLogged;

    // delivery
    long folderHour;
    int slot;
    boolean late;

    /** Folder hour of the re-delivered copy, or -1 when the record is delivered once. */
    long duplicateFolderHour = -1;

    int duplicateSlot;

    PlannedRecord(int index) {
        this.index = index;
    }

    boolean isError() {
        return errorCode != null;
    }

    String requestId() {
        JsonBytes b = new JsonBytes(36);
        appendRequestId(b);
        return b.toString();
    }

    void appendRequestId(JsonBytes b) {
        b.hex(requestIdHigh >>> 32, 8)
                .raw('-')
                .hex(requestIdHigh >>> 16, 4)
                .raw('-')
                .hex(requestIdHigh, 4)
                .raw('-')
                .hex(requestIdLow >>> 48, 4)
                .raw('-')
                .hex(requestIdLow, 12);
    }
}
