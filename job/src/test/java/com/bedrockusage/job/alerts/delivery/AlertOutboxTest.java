package com.bedrockusage.job.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import com.bedrockusage.job.alerts.evaluate.AlertIds;
import com.bedrockusage.job.testing.LoopbackSns;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertOutboxTest {

    private static final long NOW = Calls.millis("2026-11-22T17:00:00Z");

    private LoopbackSns sns;

    @AfterEach
    void stop() {
        if (sns != null) {
            sns.close();
        }
    }

    @Test
    void shouldTakeAlertsWithoutWaitingForASlowSnsAndRecordThemPendingAtACheckpoint()
            throws Exception {
        sns = LoopbackSns.slow(2_000);
        try (OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h =
                harness(2, 100, Duration.ZERO)) {
            h.open();
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                h.processElement(new StreamRecord<>(alert(i, NOW)));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(outcomes(h)).isEmpty();

            h.prepareSnapshotPreBarrier(1);
            assertThat(outcomes(h))
                    .hasSize(20)
                    .allMatch(d -> d.status.equals(DeliveredAlert.PENDING));
            h.snapshot(1, NOW);

            h.getOutput().clear();
            runMailsUntil(h, () -> outcomes(h).size() == 2, Duration.ofSeconds(30));
            assertThat(outcomes(h)).allMatch(d -> d.status.equals(DeliveredAlert.DELIVERED));
            assertThat(sns.requests().size())
                    .as("at most max-in-flight under way")
                    .isLessThanOrEqualTo(4);
        }
    }

    @Test
    void shouldPublishWhatWaitedAtTheCheckpointAfterARestore() throws Exception {
        sns = LoopbackSns.slow(60_000);
        OperatorSubtaskState state;
        try (OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h =
                harness(1, 100, Duration.ZERO)) {
            h.open();
            for (int i = 0; i < 3; i++) {
                h.processElement(new StreamRecord<>(alert(i, NOW)));
            }
            state = h.snapshot(1, NOW);
        }
        sns.close();
        sns = LoopbackSns.alwaysOk();
        try (OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h =
                harness(8, 100, Duration.ZERO)) {
            h.initializeState(state);
            h.open();
            h.endInput();
            assertThat(outcomes(h))
                    .extracting(d -> d.alert.alertId + " " + d.status)
                    .containsExactlyInAnyOrder(
                            alert(0, NOW).alertId + " DELIVERED",
                            alert(1, NOW).alertId + " DELIVERED",
                            alert(2, NOW).alertId + " DELIVERED");
        }
    }

    @Test
    void shouldRecordTheOldestWaitingAlertFailedPastMaxPending() throws Exception {
        sns = LoopbackSns.slow(60_000);
        try (OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h =
                harness(1, 3, Duration.ZERO)) {
            h.open();
            for (int i = 0; i < 5; i++) {
                h.processElement(new StreamRecord<>(alert(i, NOW)));
            }
            // alert 0 is in flight; 1 and 2 were the oldest waiting when 3 and 4 came
            assertThat(outcomes(h))
                    .extracting(d -> d.alert.alertId + " " + d.status)
                    .containsExactly(
                            alert(1, NOW).alertId + " FAILED", alert(2, NOW).alertId + " FAILED");
            assertThat(outcomes(h).get(0).error).contains("more than 3 alerts were waiting");
        }
    }

    @Test
    void shouldRecordAlertsAboutOldDataSuppressedAndPublishOneNoticeForThem() throws Exception {
        sns = LoopbackSns.alwaysOk();
        try (OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h =
                harness(8, 100, Duration.ofHours(24))) {
            h.open();
            h.setProcessingTime(NOW);
            for (int i = 0; i < 40; i++) {
                h.processElement(
                        new StreamRecord<>(alert(i, NOW - Duration.ofDays(30).toMillis())));
            }
            h.processElement(new StreamRecord<>(alert(99, NOW - Duration.ofHours(1).toMillis())));
            runMailsUntil(h, () -> outcomes(h).size() == 41, Duration.ofSeconds(30));
            assertThat(outcomes(h))
                    .filteredOn(d -> d.status.equals(DeliveredAlert.SUPPRESSED))
                    .hasSize(40);
            assertThat(sns.requests()).hasSize(1);

            h.setProcessingTime(NOW + SuppressedAlerts.GATHER_MILLIS);
            runMailsUntil(
                    h,
                    () -> sns.requests().size() == 2 && outcomes(h).size() == 42,
                    Duration.ofSeconds(30));
            LoopbackSns.Request notice = sns.requests().get(1);
            assertThat(notice.subject())
                    .isEqualTo("[INFO] Bedrock alerts: 40 about old data suppressed");
            assertThat(notice.message())
                    .startsWith(
                            "40 alerts about data older than 24h were suppressed; see the alerts table");

            // more old alerts in the same hour: no second notice until an hour after the first
            h.processElement(new StreamRecord<>(alert(100, NOW - Duration.ofDays(30).toMillis())));
            h.setProcessingTime(NOW + Duration.ofMinutes(30).toMillis());
            runMails(h);
            assertThat(sns.requests()).hasSize(2);
            h.setProcessingTime(
                    NOW + SuppressedAlerts.GATHER_MILLIS + Duration.ofHours(1).toMillis());
            runMailsUntil(h, () -> sns.requests().size() == 3, Duration.ofSeconds(30));
            assertThat(sns.requests().get(2).subject()).contains(": 1 about old data");
        }
    }

    private OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> harness(
            int maxInFlight, int maxPending, Duration maxAge) throws Exception {
        SnsSettings settings =
                new SnsSettings(
                        LoopbackSns.TOPIC_ARN,
                        "us-east-1",
                        sns.endpoint(),
                        maxInFlight,
                        3,
                        Duration.ofSeconds(120),
                        Duration.ofMillis(10),
                        Duration.ofMillis(50));
        return new OneInputStreamOperatorTestHarness<>(
                new AlertOutboxFactory(settings, new SuppressedAlerts(maxAge), maxPending));
    }

    private static Alert alert(int i, long eventTime) {
        Alert a = TestAlerts.dailyBudget();
        a.alertId = AlertIds.of(a.ruleId, "key-" + i, a.windowStart);
        a.scopeKey = "key-" + i;
        a.eventTime = eventTime;
        return a;
    }

    private static List<DeliveredAlert> outcomes(
            OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h) {
        return h.extractOutputValues().stream().collect(Collectors.toList());
    }

    /** Runs the mails the SDK threads hand to the task thread, as the task's mailbox loop would. */
    private static void runMails(OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h)
            throws Exception {
        Optional<Mail> mail;
        while ((mail = h.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
            mail.get().run();
        }
    }

    private static void runMailsUntil(
            OneInputStreamOperatorTestHarness<Alert, DeliveredAlert> h,
            BooleanSupplier done,
            Duration limit)
            throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(end);
            runMails(h);
            Thread.sleep(20);
        }
    }
}
