package com.bedrockusage.job;

/**
 * Every operator uid of the job, in one place. State in a checkpoint or savepoint is matched to
 * operators by these ids: renaming one orphans its state (dedup memory, window contents, Iceberg
 * committer state), so never change a string here. {@code OperatorUidsGoldenTest} compares the job
 * graph's uids with a checked-in list per configuration shape and fails on any change.
 */
public final class OperatorIds {

    public static final String SOURCE_S3 = "source-s3";
    public static final String SOURCE_KINESIS = "source-kinesis";
    public static final String FUTURE_TIMESTAMPS = "reject-future-timestamps";
    public static final String WATERMARKS = "event-time-watermarks";
    public static final String SPLIT_REJECTED = "split-rejected";

    /** The empty or idle price-updates stream when no updates directory is configured. */
    public static final String PRICE_UPDATES = "price-updates";

    public static final String PRICE_FILES_SOURCE = "price-files-source";
    public static final String PRICE_FILES_VALIDATE = "price-files-validate";

    /** Dedup and pricing, keyed by usage key. */
    public static final String PRICING = "dedup-and-price";

    public static final String DAILY_REPORT = "daily-report";
    public static final String DAILY_REPORT_ANNOUNCE = "daily-report-announce";

    /** Its coordinator rolls the tables back to a restored checkpoint. */
    public static final String TABLE_ROLLBACK = "iceberg-rollback-on-restore";

    public static final String ALERT_MATCHER = "alert-rule-matcher";
    public static final String ALERT_EVALUATOR = "alert-evaluator";
    public static final String ALERT_SNS_DELIVERY = "alert-sns-delivery";
    public static final String ALERT_NOT_SENT = "alert-not-sent";
    public static final String ALERT_JSONL_SINK = "alert-jsonl-sink";

    public static final String ROWS_REJECTED = "rows-rejected";
    public static final String ROWS_INVOCATIONS = "rows-invocations";
    public static final String ROWS_LATE_INVOCATIONS = "rows-late-invocations";
    public static final String ROWS_ALERTS = "rows-alerts";
    public static final String ROWS_Q_DEVELOPER_EVENTS = "rows-q-developer-events";
    public static final String ROWS_Q_DEVELOPER_DAILY = "rows-q-developer-daily";
    public static final String ROWS_Q_DEVELOPER_MONTHLY = "rows-q-developer-monthly";

    /** The bounded reconciliation run's rows and its Iceberg writer (uid prefix). */
    public static final String RECONCILIATION_ROWS = "reconciliation-rows";

    public static final String RECONCILIATION_SINK = "iceberg-reconciliation";

    /** Amazon Q Developer: dedup, days, months and limit alerts, keyed by user. */
    public static final String Q_DEVELOPER_USAGE = "q-developer-usage";

    private OperatorIds() {}

    /**
     * The usage window of one granularity ({@code minute}, {@code hour}, {@code day} or an ISO-8601
     * duration).
     */
    public static String usageWindow(String granularity) {
        return "usage-window-" + granularity;
    }

    /** The exact totals' map of window rows. */
    public static String usageExactRows(String granularity) {
        return "usage-exact-rows-" + granularity;
    }

    /** The exact totals' map of calls too late for the window. */
    public static String usageExactLate(String granularity) {
        return "usage-exact-late-" + granularity;
    }

    /** The exact totals' keyed correction of window rows by late calls. */
    public static String usageExactTotals(String granularity) {
        return "usage-exact-totals-" + granularity;
    }

    /**
     * The map of a usage table's rows to Iceberg rows ({@code usage_minute} → {@code
     * rows-usage-minute}).
     */
    public static String usageRows(String table) {
        return "rows-" + kebab(table);
    }

    /**
     * The Iceberg sink's uid prefix ({@code usage_daily} → {@code iceberg-usage-daily}): the sink
     * derives its writer and committer uids from it, and the committer's state holds the commits
     * not yet made.
     */
    public static String icebergSink(String table) {
        return "iceberg-" + kebab(table);
    }

    private static String kebab(String table) {
        return table.replace('_', '-');
    }
}
