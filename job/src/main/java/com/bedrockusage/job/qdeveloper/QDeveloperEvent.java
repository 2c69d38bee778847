package com.bedrockusage.job.qdeveloper;

/**
 * One Amazon Q Developer prompt-log record, measured: who, what kind, when, and the estimated
 * tokens of its prompt and response text. The text itself is counted while parsing and never kept.
 * A Flink POJO; times are epoch millis.
 */
public class QDeveloperEvent {

    /**
     * The response's {@code requestId}; for a record without one, a digest of its identifying
     * fields.
     */
    public String requestId;

    public String accountId;
    public String region;
    public String userId;

    /** {@link QDeveloperKind}. */
    public String kind;

    public long eventTime;

    /**
     * Estimated tokens of the prompt (chat, {@code /dev}) or the code context around the cursor
     * (inline).
     */
    public long inputTokens;

    /**
     * Estimated tokens of the response (chat) or the suggestions (inline); 0 for {@code /dev}
     * (prompt only).
     */
    public long outputTokens;

    /** Chat and {@code /dev}, where the log has one. */
    public String conversationId;

    /** The log object it came from. */
    public String source;

    public QDeveloperEvent() {}

    /**
     * The user the limits apply to: a user id is unique within its account's IAM Identity Center.
     */
    public String userKey() {
        return accountId + "|" + userId;
    }

    @Override
    public String toString() {
        return "QDeveloperEvent{"
                + kind
                + " "
                + requestId
                + " "
                + userId
                + " in="
                + inputTokens
                + " out="
                + outputTokens
                + "}";
    }
}
