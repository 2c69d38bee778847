package com.bedrockusage.job.alerts;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Metric names of the alerting operators, all under the {@code kinesisanalytics} group so they reach CloudWatch on MSF. */
final class AlertMetrics {

    static final String GROUP = "kinesisanalytics";
    static final String RULES_LOADED = "alertRulesLoaded";
    static final String RULES_REJECTED = "alertRulesRejected";
    static final String RULES_APPLIED = "alertRulesApplied";
    static final String RULES_READ_TIMEOUTS = "alertRulesReadTimeouts";
    static final String HITS = "alertRuleHits";
    static final String LATE_HITS = "alertLateHitsDropped";
    static final String FIRED = "alertsFired";
    static final String DELIVERED = "alertsDelivered";
    static final String DELIVERY_FAILED = "alertsDeliveryFailed";
    static final String PUBLISH_RETRIES = "alertPublishRetries";
    /** Alerts about data older than {@code alerts.max-age}: recorded, not published. */
    static final String SUPPRESSED = "alertsSuppressed";
    /** Alerts waiting for SNS (gauge). */
    static final String PENDING = "alertsPending";
    /** Alerts dropped (recorded FAILED) because more than {@code alerts.sns.max-pending} were waiting. */
    static final String PENDING_OVERFLOW = "alertsPendingOverflow";

    private AlertMetrics() {}

    static Counter counter(MetricGroup root, String name) {
        return root.addGroup(GROUP).counter(name);
    }
}
