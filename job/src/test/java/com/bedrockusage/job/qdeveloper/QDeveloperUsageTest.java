package com.bedrockusage.job.qdeveloper;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.delivery.AlertMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QDeveloperUsageTest {

    static final String ACCOUNT = "111122223333";
    static final String ALICE = "d-1.alice";
    static final long NOV = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    static final long DAY = Duration.ofDays(1).toMillis();

    KeyedOneInputStreamOperatorTestHarness<String, QDeveloperRecord, QDeveloperEvent> harness;
    int ids;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    void open(QDeveloperLimits limits) throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new QDeveloperUsage(Duration.ofHours(48), limits),
                        QDeveloperRecord::userKey,
                        Types.STRING);
    }

    static QDeveloperLimits limits() {
        return new QDeveloperLimits(30, 4000, 200_000, true);
    }

    static QDeveloperEvent event(
            String id, String kind, long time, long in, long out, String conversation) {
        QDeveloperEvent e = new QDeveloperEvent();
        e.requestId = id;
        e.accountId = ACCOUNT;
        e.region = "us-east-1";
        e.userId = ALICE;
        e.kind = kind;
        e.eventTime = time;
        e.inputTokens = in;
        e.outputTokens = out;
        e.conversationId = conversation;
        e.source = "test";
        return e;
    }

    void send(QDeveloperEvent e) throws Exception {
        harness.processElement(QDeveloperRecord.of(e), e.eventTime);
    }

    void devUses(int n, long time) throws Exception {
        for (int i = 0; i < n; i++) {
            send(event("dev-" + ids++, QDeveloperKind.DEV, time + i, 10, 0, "c-dev"));
        }
    }

    List<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        Queue<StreamRecord<Alert>> q = harness.getSideOutput(QDeveloperUsage.ALERTS);
        if (q != null) {
            q.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    /** The one alert raised so far, which must be of {@code ruleId} at {@code observedValue}. */
    Alert onlyAlert(String ruleId, String observedValue) {
        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId).isEqualTo(ruleId);
        assertThat(a.observedValue).isEqualByComparingTo(observedValue);
        return a;
    }

    <T> T last(org.apache.flink.util.OutputTag<T> tag) {
        T last = null;
        Queue<StreamRecord<T>> q = harness.getSideOutput(tag);
        if (q == null) {
            return null;
        }
        for (StreamRecord<T> r : q) {
            last = r.getValue();
        }
        return last;
    }

    @Test
    void shouldCountEachRecordOnceIntoItsDayAndMonth() throws Exception {
        open(limits());
        long t = NOV + 9 * DAY + 3_600_000;
        send(event("chat-1", QDeveloperKind.CHAT, t, 100, 200, "c1"));
        send(event("chat-1", QDeveloperKind.CHAT, t, 100, 200, "c1")); // re-delivered
        send(event("inl-1", QDeveloperKind.INLINE, t + 1, 50, 5, null));
        send(event("dev-1", QDeveloperKind.DEV, t + 2, 30, 0, "c2"));
        send(event("chat-2", QDeveloperKind.CHAT, t + DAY, 10, 20, "c1"));

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.requestId)
                .containsExactly("chat-1", "inl-1", "dev-1", "chat-2");
        QDeveloperDailyRow firstDay = null;
        for (StreamRecord<QDeveloperDailyRow> r : harness.getSideOutput(QDeveloperUsage.DAILY)) {
            if (r.getValue().dayStart == NOV + 9 * DAY) {
                firstDay = r.getValue();
            }
        }
        assertThat(firstDay.day.chatEvents).isEqualTo(1);
        assertThat(firstDay.day.inlineEvents).isEqualTo(1);
        assertThat(firstDay.day.devEvents).isEqualTo(1);
        assertThat(firstDay.day.inputTokens).isEqualTo(180);
        assertThat(firstDay.day.outputTokens).isEqualTo(205);
        QDeveloperMonthlyRow month = last(QDeveloperUsage.MONTHLY);
        assertThat(month.monthStart).isEqualTo(NOV);
        assertThat(month.chatEvents).isEqualTo(2);
        assertThat(month.devEvents).isEqualTo(1);
        assertThat(month.inputTokens).isEqualTo(190);
        assertThat(month.outputTokens).isEqualTo(225);
        assertThat(month.maxConversationTokens).isEqualTo(330);
        assertThat(month.devUsesLimit).isEqualTo(30);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldAlertOnceAtEightyPercentOfTheDevLimit() throws Exception {
        open(limits());
        long late = NOV + 27 * DAY; // late in the month: the forecast stays under the limit
        devUses(23, late);
        assertThat(alerts()).isEmpty();
        devUses(1, late + 100);
        devUses(3, late + 200);
        Alert a = onlyAlert("q-dev-uses-80pct", "24");
        assertThat(a.threshold).isEqualByComparingTo("24");
        assertThat(a.scopeKey).isEqualTo(ACCOUNT + "|" + ALICE);
        assertThat(a.windowStart).isEqualTo(NOV);
        assertThat(AlertMessages.subject(a))
                .isEqualTo("[WARNING] Q Developer /dev uses: user d-1.alice at 24 of 24");
    }

    @Test
    void shouldForecastTheDevLimitOnceTheMonthHasRun() throws Exception {
        open(limits());
        devUses(5, NOV + 3_600_000); // day one: too early to project
        assertThat(alerts()).isEmpty();
        devUses(7, NOV + 9 * DAY);
        Alert a = onlyAlert("q-dev-uses-forecast", "10");
        assertThat(a.kind).isEqualTo("forecast");
        // the 10th use on the 10th: 10 x 30 days / 9 days elapsed
        assertThat(a.forecastValue).isEqualByComparingTo("33");
        assertThat(a.threshold).isEqualByComparingTo("30");
    }

    @Test
    void shouldAlertWhenAConversationReachesEightyPercentOfTheContextWindow() throws Exception {
        open(new QDeveloperLimits(30, 4000, 1000, true));
        long t = NOV + 20 * DAY;
        send(event("c-1", QDeveloperKind.CHAT, t, 300, 400, "conv"));
        send(event("c-other", QDeveloperKind.CHAT, t, 300, 400, "other"));
        assertThat(alerts()).isEmpty();
        send(event("c-2", QDeveloperKind.CHAT, t + 1, 50, 50, "conv"));
        send(event("c-3", QDeveloperKind.CHAT, t + 2, 50, 50, "conv"));
        Alert a = onlyAlert("q-context-window-80pct", "800");
        assertThat(a.description).contains("conv");
    }

    @Test
    void shouldAlertOnADayAtThreeTimesTheUsersAverage() throws Exception {
        open(limits());
        long t = NOV + 20 * DAY;
        for (int d = 3; d >= 1; d--) {
            send(
                    event(
                            "day-" + d,
                            QDeveloperKind.CHAT,
                            t - d * DAY,
                            500,
                            500,
                            null)); // 1,000 a day
        }
        send(event("today-1", QDeveloperKind.CHAT, t, 1000, 999, null));
        assertThat(alerts()).isEmpty();
        send(event("today-2", QDeveloperKind.CHAT, t + 1, 0, 1001, null));
        send(event("today-3", QDeveloperKind.CHAT, t + 2, 0, 5000, null));
        Alert a = onlyAlert("q-daily-tokens-spike", "3000");
        assertThat(a.baselineValue).isEqualByComparingTo("1000");
        assertThat(a.threshold).isEqualByComparingTo("3000");
    }

    @Test
    void shouldTakeTransformationLinesFromTheActivityReportOncePerDay() throws Exception {
        open(limits());
        QDeveloperActivity a = new QDeveloperActivity();
        a.accountId = ACCOUNT;
        a.userId = ALICE;
        a.dayStart = NOV + 25 * DAY;
        a.transformationLines = 1700L;
        a.inlineAcceptances = 3L;
        harness.processElement(QDeveloperRecord.of(a), a.dayStart);
        harness.processElement(QDeveloperRecord.of(a), a.dayStart); // the report delivered twice
        assertThat(last(QDeveloperUsage.MONTHLY).transformationLines).isEqualTo(1700);
        assertThat(alerts()).isEmpty();
        QDeveloperActivity b = new QDeveloperActivity();
        b.accountId = ACCOUNT;
        b.userId = ALICE;
        b.dayStart = NOV + 26 * DAY;
        b.transformationLines = 1500L;
        harness.processElement(QDeveloperRecord.of(b), b.dayStart);
        assertThat(last(QDeveloperUsage.MONTHLY).transformationLines).isEqualTo(3200);
        assertThat(last(QDeveloperUsage.DAILY).day.transformationLines).isEqualTo(1500);
        assertThat(alerts())
                .extracting(x -> x.ruleId)
                .containsExactly("q-transformation-lines-80pct");
    }

    @Test
    void shouldNeitherCountNorAlertAgainWhenRecordsAreReplayedAfterARestore() throws Exception {
        open(limits());
        long late = NOV + 27 * DAY;
        devUses(24, late);
        assertThat(alerts()).hasSize(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, late + 100);
        harness.close();

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new QDeveloperUsage(Duration.ofHours(48), limits())),
                        QDeveloperRecord::userKey,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        ids = 0;
        devUses(24, late); // the same records again
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(alerts()).isEmpty();
        assertThat(last(QDeveloperUsage.MONTHLY)).isNull();
        devUses(1, late + 1000);
        assertThat(last(QDeveloperUsage.MONTHLY).devEvents).isEqualTo(25);
    }
}
