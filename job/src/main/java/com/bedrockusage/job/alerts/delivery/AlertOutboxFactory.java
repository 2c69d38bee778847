package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * Makes {@link AlertOutbox} with the task's mailbox, which it needs to take SNS outcomes back on
 * the task thread.
 */
public final class AlertOutboxFactory extends AbstractStreamOperatorFactory<DeliveredAlert>
        implements OneInputStreamOperatorFactory<Alert, DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    private final SnsSettings sns;
    private final SuppressedAlerts suppressed;
    private final int maxPending;

    public AlertOutboxFactory(SnsSettings sns, SuppressedAlerts suppressed, int maxPending) {
        this.sns = sns;
        this.suppressed = suppressed;
        this.maxPending = maxPending;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<DeliveredAlert>> T createStreamOperator(
            StreamOperatorParameters<DeliveredAlert> p) {
        AlertOutbox outbox =
                new AlertOutbox(
                        sns,
                        suppressed,
                        maxPending,
                        p.getMailboxExecutor(),
                        p.getProcessingTimeService());
        outbox.setup(p.getContainingTask(), p.getStreamConfig(), p.getOutput());
        return (T) outbox;
    }

    @Override
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return AlertOutbox.class;
    }
}
