package com.bedrockusage.job;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Every custom metric of the job, in one place. They all sit directly in the {@value #GROUP} group:
 * MSF forwards that group's counters and gauges to CloudWatch (not histograms), with the
 * Application dimension only. The alarms and the dashboard in {@code infra/template.yaml} name
 * these metrics, so renaming one silences them.
 */
public final class MetricNames {

    public static final String GROUP = "kinesisanalytics";

    // ingest
    public static final String INGEST_INVOCATIONS = "ingestInvocations";
    public static final String REJECTED_RECORDS = "rejectedRecords";

    /** Amazon Q Developer records read (their own branch of the pipeline). */
    public static final String Q_DEVELOPER_RECORDS = "qDeveloperRecords";

    /**
     * Completed checkpoints, once per subtask: Iceberg commits ride on them and MSF does not
     * publish Flink's own.
     */
    public static final String CHECKPOINTS_COMPLETED = "checkpointsCompleted";

    public static final String KINESIS_RECORDS = "kinesisRecords";

    /** Payload bytes as received (compressed). */
    public static final String KINESIS_BYTES = "kinesisBytes";

    public static final String KINESIS_CONTROL_MESSAGES = "kinesisControlMessages";

    /** Log locations whose last listing failed (gauge, on the S3 enumerator). */
    public static final String S3_LOCATIONS_UNREADABLE = "s3LocationsUnreadable";

    /** Failed listings of a log location so far. */
    public static final String S3_LOCATION_LISTINGS_FAILED = "s3LocationListingsFailed";

    // dedup and pricing
    public static final String DUPLICATES = "duplicates";
    public static final String UNPRICED = "unpriced";
    public static final String BAD_PRICE_LINES = "badPriceLines";
    public static final String PRICE_ROWS_UPDATED = "priceRowsUpdated";
    public static final String PRICE_UPDATES = "priceUpdates";

    // usage
    public static final String LATE_BEYOND_RETENTION = "lateBeyondRetention";
    public static final String LATE_DAILY_CORRECTIONS = "lateDailyCorrections";

    // daily report
    public static final String DAILY_REPORTS_WRITTEN = "dailyReportsWritten";
    public static final String DAILY_REPORT_WRITE_FAILURES = "dailyReportWriteFailures";
    public static final String DAILY_REPORT_ROWS_TOO_LATE = "dailyReportRowsTooLate";

    // alerts
    public static final String ALERT_RULES_LOADED = "alertRulesLoaded";
    public static final String ALERT_RULES_REJECTED = "alertRulesRejected";
    public static final String ALERT_RULES_APPLIED = "alertRulesApplied";
    public static final String ALERT_RULES_READ_TIMEOUTS = "alertRulesReadTimeouts";
    public static final String ALERT_RULE_HITS = "alertRuleHits";
    public static final String ALERT_LATE_HITS_DROPPED = "alertLateHitsDropped";
    public static final String ALERTS_FIRED = "alertsFired";
    public static final String ALERTS_DELIVERED = "alertsDelivered";
    public static final String ALERTS_DELIVERY_FAILED = "alertsDeliveryFailed";
    public static final String ALERT_PUBLISH_RETRIES = "alertPublishRetries";

    /** Alerts about data older than {@code alerts.max-age}: recorded, not published. */
    public static final String ALERTS_SUPPRESSED = "alertsSuppressed";

    /** Alerts waiting for SNS (gauge). */
    public static final String ALERTS_PENDING = "alertsPending";

    /**
     * Alerts dropped (recorded FAILED) because more than {@code alerts.sns.max-pending} were
     * waiting.
     */
    public static final String ALERTS_PENDING_OVERFLOW = "alertsPendingOverflow";

    private MetricNames() {}

    /**
     * Rejected records of one reason: {@code rejectedRecords_<reason>}, non-alphanumerics as
     * underscores.
     */
    public static String rejectedRecords(String reason) {
        return REJECTED_RECORDS + "_" + reason.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** The {@value #GROUP} group below an operator's metric group. */
    public static MetricGroup group(MetricGroup operator) {
        return operator.addGroup(GROUP);
    }

    public static Counter counter(MetricGroup operator, String name) {
        return group(operator).counter(name);
    }
}
