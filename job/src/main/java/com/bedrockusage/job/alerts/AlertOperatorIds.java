package com.bedrockusage.job.alerts;

/** Stable uids of the alerting operators: state is matched to operators by them, so never change them. */
public final class AlertOperatorIds {

    public static final String MATCHER = "alert-rule-matcher";
    public static final String EVALUATOR = "alert-evaluator";
    public static final String SNS_DELIVERY = "alert-sns-delivery";
    public static final String NOT_SENT = "alert-not-sent";
    public static final String JSONL_SINK = "alert-jsonl-sink";

    private AlertOperatorIds() {}
}
