package com.bedrockusage.job.qdeveloper;

/**
 * One row of a Q Developer user-activity report ({@code QDeveloperLogs/by_user_analytic/...csv}): a
 * user's counts for one UTC day. Columns absent from the file are null. A Flink POJO.
 */
public class QDeveloperActivity {

    public String accountId;
    public String region;
    public String userId;

    /** Epoch millis of the day's start (UTC). */
    public long dayStart;

    public Long chatMessagesSent;
    public Long inlineSuggestions;
    public Long inlineAcceptances;
    public Long devGenerations;

    /** {@code Transformation_LinesIngested}: what the monthly code-transformation limit counts. */
    public Long transformationLines;

    public String source;

    public QDeveloperActivity() {}

    public String userKey() {
        return accountId + "|" + userId;
    }
}
