package com.bedrockusage.job;

import com.bedrockusage.job.pricing.PriceInvocations;

/**
 * Stable operator uids. State in a checkpoint or savepoint is matched to operators by these ids: renaming
 * one orphans its state (dedup memory, window contents, Iceberg committer state), so never change them.
 */
public final class OperatorIds {

    public static final String SOURCE_S3 = "source-s3";
    public static final String SOURCE_KINESIS = "source-kinesis";
    public static final String FUTURE_TIMESTAMPS = "reject-future-timestamps";
    public static final String WATERMARKS = "event-time-watermarks";
    public static final String SPLIT_REJECTED = "split-rejected";
    public static final String PRICE_UPDATES = "price-updates";
    /** Dedup and pricing, keyed by usage key. */
    public static final String PRICING = PriceInvocations.UID;
    public static final String DAILY_REPORT = "daily-report";
    public static final String DAILY_REPORT_ANNOUNCE = "daily-report-announce";
    /** Amazon Q Developer: dedup, days, months and limit alerts, keyed by user. */
    public static final String Q_DEVELOPER_USAGE = "q-developer-usage";

    private OperatorIds() {}
}
