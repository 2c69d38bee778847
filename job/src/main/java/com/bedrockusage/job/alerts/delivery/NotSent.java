package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Without an SNS topic, alerts are still recorded: each becomes a {@link DeliveredAlert#NOT_SENT}
 * outcome, or {@link DeliveredAlert#SUPPRESSED} when it is about data that a topic would not have
 * been told of either.
 */
public class NotSent implements MapFunction<Alert, DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    private final SuppressedAlerts suppressed;

    public NotSent(SuppressedAlerts suppressed) {
        this.suppressed = suppressed;
    }

    @Override
    public DeliveredAlert map(Alert alert) {
        if (suppressed.isStale(alert, System.currentTimeMillis())) {
            return DeliveredAlert.of(
                    alert,
                    DeliveredAlert.SUPPRESSED,
                    0,
                    null,
                    "about data older than alerts.max-age; alerts.sns.topic-arn is not set");
        }
        return DeliveredAlert.of(
                alert, DeliveredAlert.NOT_SENT, 0, null, "alerts.sns.topic-arn is not set");
    }
}
