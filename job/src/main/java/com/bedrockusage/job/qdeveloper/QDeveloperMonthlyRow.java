package com.bedrockusage.job.qdeveloper;

/**
 * A row of {@code q_developer_usage_monthly}: a user's month so far, against the limits. A Flink
 * POJO.
 */
public class QDeveloperMonthlyRow {

    public long monthStart;
    public String accountId;
    public String userId;
    public long chatEvents;
    public long inlineEvents;

    /** {@code /dev} uses: the {@code StartTaskAssistCodeGeneration} records of the month. */
    public long devEvents;

    public long inputTokens;
    public long outputTokens;

    /** From the user-activity reports; null when none was delivered this month. */
    public Long transformationLines;

    /** The largest estimated token total of a conversation active this month. */
    public long maxConversationTokens;

    public long devUsesLimit;
    public long transformationLinesLimit;
    public long contextWindowLimit;

    public QDeveloperMonthlyRow() {}
}
