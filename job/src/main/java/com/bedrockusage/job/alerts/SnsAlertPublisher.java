package com.bedrockusage.job.alerts;

import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Flink's async operator around {@link SnsDelivery}: publishing never blocks the task thread, the operator's
 * capacity bounds the alerts in flight, and every alert leaves as a {@link DeliveredAlert}, failures included (a
 * failed or timed-out delivery is an outcome, not a job failure).
 */
public class SnsAlertPublisher extends RichAsyncFunction<Alert, DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    private final SnsSettings settings;
    private transient SnsAsyncClient client;
    private transient ScheduledExecutorService scheduler;
    private transient SnsDelivery delivery;
    private transient Counter delivered;
    private transient Counter failed;
    private transient Counter retries;

    public SnsAlertPublisher(SnsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        delivered = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.DELIVERED);
        failed = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.DELIVERY_FAILED);
        retries = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.PUBLISH_RETRIES);
        client = SnsClients.create(settings);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sns-alert-retries");
            t.setDaemon(true);
            return t;
        });
        delivery = new SnsDelivery(client, scheduler, settings, (alert, attempt, cause) -> retries.inc());
    }

    @Override
    public void asyncInvoke(Alert alert, ResultFuture<DeliveredAlert> resultFuture) {
        delivery.publish(alert).thenAccept(d -> {
            (d.isDelivered() ? delivered : failed).inc();
            // after a timeout() the operator ignores this second completion
            resultFuture.complete(Collections.singleton(d));
        });
    }

    @Override
    public void timeout(Alert alert, ResultFuture<DeliveredAlert> resultFuture) {
        failed.inc();
        resultFuture.complete(Collections.singleton(DeliveredAlert.of(alert, DeliveredAlert.TIMED_OUT, 0, null,
                "no outcome within " + settings.deliveryTimeout().getSeconds() + " s")));
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }
}
