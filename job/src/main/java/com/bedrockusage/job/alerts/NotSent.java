package com.bedrockusage.job.alerts;

import org.apache.flink.api.common.functions.MapFunction;

/** Without an SNS topic, alerts are still recorded: each becomes a {@link DeliveredAlert#NOT_SENT} outcome. */
public class NotSent implements MapFunction<Alert, DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    @Override
    public DeliveredAlert map(Alert alert) {
        return DeliveredAlert.of(alert, DeliveredAlert.NOT_SENT, 0, null, "alerts.sns.topic-arn is not set");
    }
}
