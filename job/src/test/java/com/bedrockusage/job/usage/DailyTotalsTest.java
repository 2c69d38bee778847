package com.bedrockusage.job.usage;

import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DailyTotalsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long JUNE_1 = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    private static final Duration RETENTION = Duration.ofDays(35);

    private final CapturedMetrics metrics = new CapturedMetrics();
    private KeyedOneInputStreamOperatorTestHarness<String, DailyInput, UsageRow> harness;

    static KeyedOneInputStreamOperatorTestHarness<String, DailyInput, UsageRow> dailyHarness(
            Duration retention, CapturedMetrics metrics) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DailyTotals(Duration.ofDays(1), retention)),
                new DailyInput.Selector(),
                Types.STRING,
                metrics.environment());
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static UsageRow windowRow(Invocation... calls) {
        UsageAccumulator acc = new UsageAccumulator();
        for (Invocation call : calls) {
            acc.add(call);
        }
        return UsageRow.of(UsageKey.of(calls[0]), JUNE_1, "day", acc, true);
    }

    private void send(DailyInput in) throws Exception {
        long ts = in.windowRow != null ? in.windowRow.windowStart + DAY - 1 : in.late.eventTime;
        harness.processElement(new StreamRecord<>(in, ts));
    }

    private UsageRow last() {
        List<UsageRow> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void shouldEmitWindowPlusLateCallsExactlyWhateverTheArrivalOrder() throws Exception {
        Invocation a = priced("a", JUNE_1 + 1000, "0.000001", 100L);
        Invocation b = priced("b", JUNE_1 + 2000, "0.000002", 200L);
        Invocation lateC = priced("c", JUNE_1 + 3000, "0.000004", 400L);
        Invocation lateD = priced("d", JUNE_1 + 4000, "0.000008", null);
        lateD.errorCode = "ThrottlingException";
        UsageRow expected =
                UsageRow.of(
                        UsageKey.of(a),
                        JUNE_1,
                        "day",
                        new UsageAccumulator().add(a).add(b).add(lateC).add(lateD),
                        false);

        List<List<DailyInput>> orders =
                permutations(
                        Arrays.asList(
                                DailyInput.ofRow(windowRow(a, b)),
                                DailyInput.ofLate(lateC, DAY),
                                DailyInput.ofLate(lateD, DAY)));
        for (List<DailyInput> order : orders) {
            harness = dailyHarness(RETENTION, metrics);
            harness.open();
            for (DailyInput in : order) {
                send(in);
            }
            assertThat(harness.extractOutputValues())
                    .as("one row per change, order %s", order)
                    .hasSize(3);
            assertThat(last()).as("order %s", order).isEqualTo(expected);
            harness.close();
        }
        assertThat(expected.costUsd).isEqualByComparingTo("0.000015");
        assertThat(expected.invocations).isEqualTo(4);
        assertThat(expected.errors).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheWindowRowWhenTheWindowReFiresAndIgnoreAStaleOne() throws Exception {
        Invocation a = priced("a", JUNE_1 + 1000, "0.1", null);
        Invocation b = priced("b", JUNE_1 + 2000, "0.2", null);
        Invocation late = priced("late", JUNE_1 + 3000, "0.4", null);
        harness = dailyHarness(RETENTION, metrics);
        harness.open();

        send(DailyInput.ofRow(windowRow(a)));
        send(DailyInput.ofLate(late, DAY));
        send(DailyInput.ofRow(windowRow(a, b)));
        send(DailyInput.ofRow(windowRow(a)));

        assertThat(harness.extractOutputValues()).hasSize(3);
        assertThat(last().invocations).isEqualTo(3);
        assertThat(last().costUsd).isEqualByComparingTo("0.7");
        assertThat(last().granularity).isEqualTo("day");
        assertThat(last().windowStart).isEqualTo(JUNE_1);
        assertThat(metrics.counter("kinesisanalytics.lateDailyCorrections")).isEqualTo(1);
    }

    @Test
    void shouldMergeLatencyQuantilesFromTheWindowSketchAndTheLateCalls() throws Exception {
        List<Invocation> inWindow = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            inWindow.add(priced("w" + i, JUNE_1 + i, "0", 10L));
        }
        Invocation slowLate = priced("slow", JUNE_1 + 500, "0", 5000L);
        harness = dailyHarness(RETENTION, metrics);
        harness.open();

        send(DailyInput.ofRow(windowRow(inWindow.toArray(new Invocation[0]))));
        send(DailyInput.ofLate(slowLate, DAY));

        assertThat(last().latencyCount).isEqualTo(100);
        assertThat(last().latencyMaxMs).isEqualTo(5000);
        assertThat(last().latencyP50Ms).isBetween(9.9, 10.1);
        assertThat(last().latencyP99Ms).isBetween(9.9, 10.1);
        assertThat(last().latencyAvgMs).isEqualTo((99 * 10 + 5000) / 100.0);
    }

    @Test
    void shouldSideOutputAndCountACallWhoseDayIsPastTheRetentionAndClearTheState()
            throws Exception {
        Invocation a = priced("a", JUNE_1 + 1000, "0.1", null);
        Invocation tooOld = priced("too-old", JUNE_1 + 2000, "0.2", null);
        harness = dailyHarness(RETENTION, metrics);
        harness.open();
        send(DailyInput.ofRow(windowRow(a)));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(JUNE_1 + DAY + RETENTION.toMillis());
        send(DailyInput.ofLate(tooOld, DAY));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(
                        harness.getSideOutput(DailyTotals.BEYOND_RETENTION).stream()
                                .map(StreamRecord::getValue)
                                .collect(Collectors.toList()))
                .containsExactly(tooOld);
        assertThat(metrics.counter("kinesisanalytics.lateBeyondRetention")).isEqualTo(1);
    }

    @Test
    void shouldStillCorrectADayJustInsideTheRetention() throws Exception {
        Invocation a = priced("a", JUNE_1 + 1000, "0.1", null);
        Invocation late = priced("late", JUNE_1 + 2000, "0.2", null);
        harness = dailyHarness(RETENTION, metrics);
        harness.open();
        send(DailyInput.ofRow(windowRow(a)));

        harness.processWatermark(JUNE_1 + DAY + RETENTION.toMillis() - 1);
        send(DailyInput.ofLate(late, DAY));

        assertThat(last().invocations).isEqualTo(2);
        assertThat(harness.getSideOutput(DailyTotals.BEYOND_RETENTION)).isNull();
    }

    static <T> List<List<T>> permutations(List<T> items) {
        List<List<T>> result = new ArrayList<>();
        if (items.size() <= 1) {
            result.add(new ArrayList<>(items));
            return result;
        }
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                tail.add(0, head);
                result.add(tail);
            }
        }
        return result;
    }
}
