package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Publishes alerts to SNS without ever holding back the call stream. An alert waits in checkpointed
 * state until SNS has taken it (or refused it for good), so a slow or unreachable SNS delays only
 * the alerts: calls, windows and checkpoints go on. The wait is bounded by {@code
 * alerts.sns.max-pending}; past it the oldest waiting alert is recorded {@link
 * DeliveredAlert#FAILED}. An alert still waiting at a checkpoint is recorded {@link
 * DeliveredAlert#PENDING} with it; its outcome replaces that row later. Alerts about old data are
 * recorded {@link DeliveredAlert#SUPPRESSED} and only counted in an hourly notice ({@link
 * SuppressedAlerts}).
 *
 * <p>A restore re-publishes the alerts that were waiting or in flight at the checkpoint: delivery
 * is at least once (FIFO topics drop the repeat by the alert id). A bounded job finishes once
 * nothing waits any more.
 */
final class AlertOutbox extends AbstractStreamOperator<DeliveredAlert>
        implements OneInputStreamOperator<Alert, DeliveredAlert>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final SnsSettings sns;
    private final SuppressedAlerts suppressed;
    private final int maxPending;
    private final transient MailboxExecutor mailbox;

    private transient SnsAsyncClient client;
    private transient ScheduledExecutorService retryScheduler;
    private transient SnsDelivery delivery;

    /** Oldest first, by alert id. */
    private transient LinkedHashMap<String, Waiting> waiting;

    private transient int inFlight;
    private transient ListState<DeliveredAlert> waitingState;
    private transient ListState<Long> noticeState;
    private transient long suppressedSinceNotice;
    private transient long firstSuppressedAt;
    private transient long lastNoticeAt;
    private transient Counter delivered;
    private transient Counter failed;
    private transient Counter retries;
    private transient Counter suppressedCount;
    private transient Counter overflowed;

    /** One alert on its way; {@link #record} carries the attempts and the last error so far. */
    private static final class Waiting {
        final DeliveredAlert record;
        boolean inFlight;
        boolean recordedPending;
        boolean evicted;

        Waiting(DeliveredAlert record) {
            this.record = record;
        }
    }

    AlertOutbox(
            SnsSettings sns,
            SuppressedAlerts suppressed,
            int maxPending,
            MailboxExecutor mailbox,
            ProcessingTimeService processingTimeService) {
        this.processingTimeService = processingTimeService;
        this.sns = sns;
        this.suppressed = suppressed;
        this.maxPending = maxPending;
        this.mailbox = mailbox;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        waiting = new LinkedHashMap<>();
        waitingState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "alerts-waiting",
                                        TypeInformation.of(DeliveredAlert.class)));
        noticeState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("suppressed-notice", Types.LONG));
        for (DeliveredAlert d : waitingState.get()) {
            Waiting w = new Waiting(d);
            w.recordedPending = true;
            waiting.putIfAbsent(d.alert.alertId, w);
        }
        List<Long> notice = new ArrayList<>();
        noticeState.get().forEach(notice::add);
        if (notice.size() == 3) {
            suppressedSinceNotice = notice.get(0);
            firstSuppressedAt = notice.get(1);
            lastNoticeAt = notice.get(2);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        delivered = MetricNames.counter(getMetricGroup(), MetricNames.ALERTS_DELIVERED);
        failed = MetricNames.counter(getMetricGroup(), MetricNames.ALERTS_DELIVERY_FAILED);
        retries = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_PUBLISH_RETRIES);
        suppressedCount = MetricNames.counter(getMetricGroup(), MetricNames.ALERTS_SUPPRESSED);
        overflowed = MetricNames.counter(getMetricGroup(), MetricNames.ALERTS_PENDING_OVERFLOW);
        MetricNames.group(getMetricGroup()).gauge(MetricNames.ALERTS_PENDING, () -> waiting.size());
        client = SnsClients.create(sns);
        retryScheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "sns-alert-retries");
                            t.setDaemon(true);
                            return t;
                        });
        delivery =
                new SnsDelivery(
                        client,
                        retryScheduler,
                        sns,
                        (alert, attempt, cause) ->
                                onTaskThread(
                                        () -> retrying(alert, attempt, cause),
                                        "alert publish retry"));
        if (suppressedSinceNotice > 0) {
            scheduleNotice();
        }
        publishWaiting();
    }

    @Override
    public void processElement(StreamRecord<Alert> element) {
        Alert alert = element.getValue();
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (suppressed.isStale(alert, now)) {
            suppressedCount.inc();
            output.collect(
                    new StreamRecord<>(
                            DeliveredAlert.of(
                                    alert,
                                    DeliveredAlert.SUPPRESSED,
                                    0,
                                    null,
                                    "about data older than alerts.max-age: recorded, not published")));
            if (suppressedSinceNotice++ == 0) {
                firstSuppressedAt = now;
                scheduleNotice();
            }
            return;
        }
        enqueue(alert);
    }

    private void enqueue(Alert alert) {
        if (waiting.containsKey(alert.alertId)) {
            return; // replayed after a restore while the first one still waits
        }
        if (waiting.size() >= maxPending) {
            evictOldest();
        }
        waiting.put(
                alert.alertId,
                new Waiting(DeliveredAlert.of(alert, DeliveredAlert.PENDING, 0, null, null)));
        publishWaiting();
    }

    /**
     * Starts a publish for waiting alerts, oldest first, while fewer than max-in-flight are under
     * way.
     */
    private void publishWaiting() {
        for (Iterator<Waiting> it = waiting.values().iterator();
                it.hasNext() && inFlight < sns.maxInFlight; ) {
            Waiting w = it.next();
            if (!w.inFlight) {
                w.inFlight = true;
                inFlight++;
                delivery.publish(w.record.alert)
                        .thenAccept(d -> onTaskThread(() -> finished(w, d), "alert outcome"));
            }
        }
    }

    private void retrying(Alert alert, int failedAttempt, Throwable cause) {
        retries.inc();
        Waiting w = waiting.get(alert.alertId);
        if (w != null) {
            w.record.attempts = failedAttempt;
            w.record.error = SnsDelivery.describe(cause);
        }
    }

    private void finished(Waiting w, DeliveredAlert outcome) {
        inFlight--;
        if (!w.evicted) {
            waiting.remove(outcome.alert.alertId);
            (outcome.isDelivered() ? delivered : failed).inc();
            output.collect(new StreamRecord<>(outcome));
        }
        publishWaiting();
    }

    private void evictOldest() {
        Waiting oldest = null;
        for (Waiting w : waiting.values()) {
            if (!w.inFlight) {
                oldest = w;
                break;
            }
        }
        if (oldest == null) {
            oldest = waiting.values().iterator().next();
        }
        oldest.evicted = true;
        waiting.remove(oldest.record.alert.alertId);
        overflowed.inc();
        failed.inc();
        output.collect(
                new StreamRecord<>(
                        DeliveredAlert.of(
                                oldest.record.alert,
                                DeliveredAlert.FAILED,
                                oldest.record.attempts,
                                null,
                                "dropped: more than "
                                        + maxPending
                                        + " alerts were waiting for SNS")));
    }

    private void scheduleNotice() {
        long due = SuppressedAlerts.noticeDue(firstSuppressedAt, lastNoticeAt);
        getProcessingTimeService().registerTimer(due, this::sendNotice);
    }

    private void sendNotice(long now) {
        if (suppressedSinceNotice == 0) {
            return;
        }
        Alert notice = suppressed.notice(suppressedSinceNotice, now);
        suppressedSinceNotice = 0;
        firstSuppressedAt = 0;
        lastNoticeAt = now;
        enqueue(notice);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
        for (Waiting w : waiting.values()) {
            if (!w.recordedPending) {
                w.recordedPending = true;
                DeliveredAlert pending =
                        DeliveredAlert.of(
                                w.record.alert,
                                DeliveredAlert.PENDING,
                                w.record.attempts,
                                null,
                                w.record.error != null ? w.record.error : "waiting for SNS");
                output.collect(new StreamRecord<>(pending));
            }
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<DeliveredAlert> records = new ArrayList<>(waiting.size());
        for (Waiting w : waiting.values()) {
            records.add(w.record);
        }
        waitingState.update(records);
        noticeState.update(List.of(suppressedSinceNotice, firstSuppressedAt, lastNoticeAt));
    }

    /**
     * A bounded job ends once every alert is delivered or failed, with the notice of what was
     * suppressed.
     */
    @Override
    public void endInput() throws Exception {
        sendNotice(getProcessingTimeService().getCurrentProcessingTime());
        while (!waiting.isEmpty()) {
            mailbox.yield();
        }
    }

    /**
     * SDK threads hand outcomes to the task thread; after the task has gone, they have nowhere to
     * go.
     */
    private void onTaskThread(Runnable action, String what) {
        try {
            mailbox.execute(action::run, what);
        } catch (RejectedExecutionException taskClosed) {
            // a restore re-publishes what was waiting at the last checkpoint
        }
    }

    @Override
    public void close() throws Exception {
        if (retryScheduler != null) {
            retryScheduler.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
        super.close();
    }
}
