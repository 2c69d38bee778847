package com.bedrockusage.job.alerts;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Metric names of the alerting operators, all under the {@code kinesisanalytics} group so they reach CloudWatch on MSF. */
public final class AlertMetrics {

    public static final String GROUP = "kinesisanalytics";
    public static final String RULES_LOADED = "alertRulesLoaded";
    public static final String RULES_REJECTED = "alertRulesRejected";
    public static final String RULES_APPLIED = "alertRulesApplied";
    public static final String RULES_READ_TIMEOUTS = "alertRulesReadTimeouts";
    public static final String HITS = "alertRuleHits";
    public static final String LATE_HITS = "alertLateHitsDropped";
    public static final String FIRED = "alertsFired";
    public static final String DELIVERED = "alertsDelivered";
    public static final String DELIVERY_FAILED = "alertsDeliveryFailed";
    public static final String PUBLISH_RETRIES = "alertPublishRetries";
    /** Alerts about data older than {@code alerts.max-age}: recorded, not published. */
    public static final String SUPPRESSED = "alertsSuppressed";
    /** Alerts waiting for SNS (gauge). */
    public static final String PENDING = "alertsPending";
    /** Alerts dropped (recorded FAILED) because more than {@code alerts.sns.max-pending} were waiting. */
    public static final String PENDING_OVERFLOW = "alertsPendingOverflow";

    private AlertMetrics() {}

    public static Counter counter(MetricGroup root, String name) {
        return root.addGroup(GROUP).counter(name);
    }
}
