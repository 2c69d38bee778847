package com.bedrockusage.job.qdeveloper;

/**
 * Where a Q Developer object sits: {@code
 * .../AWSLogs/{account}/QDeveloperLogs/{log-type}/{region}/YYYY/MM/DD/HH/...} with log types {@code
 * GenerateAssistantResponse}, {@code GenerateCompletions}, {@code StartTaskAssistCodeGeneration}
 * and {@link #ACTIVITY_REPORTS} (CSV). Anything else is a Bedrock path.
 */
public final class QDeveloperPath {

    public static final String FOLDER = "QDeveloperLogs";
    public static final String ACTIVITY_REPORTS = "by_user_analytic";

    public final String accountId;
    public final String logType;
    public final String region;

    private QDeveloperPath(String accountId, String logType, String region) {
        this.accountId = accountId;
        this.logType = logType;
        this.region = region;
    }

    /**
     * The Q Developer coordinates of a path, or null when it is not below a {@value #FOLDER}
     * folder.
     */
    public static QDeveloperPath of(String path) {
        String[] segments = path.split("/");
        for (int i = 1; i + 2 < segments.length; i++) {
            if (FOLDER.equals(segments[i])) {
                return new QDeveloperPath(segments[i - 1], segments[i + 1], segments[i + 2]);
            }
        }
        return null;
    }

    public boolean isActivityReport() {
        return ACTIVITY_REPORTS.equals(logType);
    }
}
