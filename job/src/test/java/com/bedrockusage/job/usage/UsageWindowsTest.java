package com.bedrockusage.job.usage;

import static com.bedrockusage.job.testing.Invocations.CALLER;
import static com.bedrockusage.job.testing.Invocations.HAIKU;
import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.model.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageWindowsTest {

    private static final OutputTag<Invocation> LATE =
            new OutputTag<>("late-minute", TypeInformation.of(Invocation.class));

    private KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> harness;

    /** The window operator exactly as {@link UsageWindows#apply} builds it, in a harness. */
    static KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> windowHarness(
            Duration size, Duration lateness, OutputTag<Invocation> lateTag, boolean carrySketch)
            throws Exception {
        return windowHarness(size, lateness, lateTag, carrySketch, CallerKey.ARN);
    }

    /** The same, with the calls keyed by {@code callerKey}. */
    static KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> windowHarness(
            Duration size,
            Duration lateness,
            OutputTag<Invocation> lateTag,
            boolean carrySketch,
            CallerKey callerKey)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().disableGenericTypes();
        KeyedStream<Invocation, String> in =
                UsageWindows.byUsageKey(
                        env.fromData(
                                TypeInformation.of(Invocation.class), priced("x", 0, "0", null)),
                        callerKey);
        SingleOutputStreamOperator<UsageRow> rows =
                UsageWindows.apply(in, size, lateness, lateTag, "test", carrySketch);
        @SuppressWarnings("unchecked")
        OneInputTransformation<Invocation, UsageRow> window =
                (OneInputTransformation<Invocation, UsageRow>) rows.getTransformation();
        assertThat(window.getUid()).isEqualTo("usage-window-test");
        @SuppressWarnings("unchecked")
        KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        window.getOperatorFactory(),
                        (org.apache.flink.api.java.functions.KeySelector<Invocation, String>)
                                window.getStateKeySelector(),
                        TypeInformation.of(String.class));
        return h;
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private void send(Invocation inv) throws Exception {
        harness.processElement(new StreamRecord<>(inv, inv.eventTime));
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldEmitOneRowPerKeyAndWindowWithItsTotalsWhenTheWatermarkPassesTheEnd()
            throws Exception {
        harness = windowHarness(Duration.ofMinutes(1), Duration.ofMinutes(5), LATE, false);
        harness.open();
        send(priced("r1", at("2025-06-01T10:00:10Z"), "0.001", 100L));
        send(priced("r2", at("2025-06-01T10:00:20Z"), "0.002", 300L));
        Invocation otherModel = priced("r3", at("2025-06-01T10:00:30Z"), "0.004", null);
        otherModel.modelId = "us." + HAIKU;
        send(otherModel);
        send(priced("next-minute", at("2025-06-01T10:01:05Z"), "0.1", null));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(at("2025-06-01T10:01:00Z"));

        List<UsageRow> rows = harness.extractOutputValues();
        assertThat(rows).hasSize(2);
        UsageRow haiku = rows.stream().filter(r -> r.modelId.equals(HAIKU)).findFirst().get();
        assertThat(haiku.windowStart).isEqualTo(at("2025-06-01T10:00:00Z"));
        assertThat(haiku.granularity).isEqualTo("minute");
        assertThat(haiku.callerArn).isEqualTo(CALLER);
        assertThat(haiku.invocations).isEqualTo(2);
        assertThat(haiku.inputTokens).isEqualTo(2000);
        assertThat(haiku.costUsd).isEqualByComparingTo("0.003");
        assertThat(haiku.latencyCount).isEqualTo(2);
        assertThat(haiku.latencyMinMs).isEqualTo(100);
        assertThat(haiku.latencyMaxMs).isEqualTo(300);
        assertThat(haiku.latencyAvgMs).isEqualTo(200.0);
        assertThat(haiku.latencyP50Ms).isBetween(99.0, 101.0);
        assertThat(haiku.latencyP99Ms).isBetween(100.0, 300.0);
        assertThat(haiku.latencySketch).isNull();
        UsageRow profile = rows.stream().filter(r -> !r.modelId.equals(HAIKU)).findFirst().get();
        assertThat(profile.invocations).isEqualTo(1);
        assertThat(profile.latencyCount).isZero();
        assertThat(profile.latencyP50Ms).isNull();
        assertThat(profile.latencyAvgMs).isNull();
    }

    @Test
    void shouldReFireTheWindowForALateCallWithinTheLatenessAndSideOutputLaterOnes()
            throws Exception {
        harness = windowHarness(Duration.ofMinutes(1), Duration.ofMinutes(5), LATE, false);
        harness.open();
        send(priced("r1", at("2025-06-01T10:00:10Z"), "0.001", null));
        harness.processWatermark(at("2025-06-01T10:01:00Z"));

        send(priced("late-but-allowed", at("2025-06-01T10:00:50Z"), "0.010", null));
        harness.processWatermark(at("2025-06-01T10:06:00Z"));
        Invocation tooLate = priced("too-late", at("2025-06-01T10:00:55Z"), "0.100", null);
        send(tooLate);

        List<UsageRow> rows = harness.extractOutputValues();
        assertThat(rows).extracting(r -> r.windowStart).containsOnly(at("2025-06-01T10:00:00Z"));
        assertThat(rows).extracting(r -> r.invocations).containsExactly(1L, 2L);
        assertThat(rows.get(1).costUsd).isEqualByComparingTo("0.011");
        assertThat(
                        harness.getSideOutput(LATE).stream()
                                .map(StreamRecord::getValue)
                                .collect(Collectors.toList()))
                .containsExactly(tooLate);
    }

    @Test
    void shouldCarryTheSketchOnlyWhenAsked() throws Exception {
        harness = windowHarness(Duration.ofDays(1), Duration.ofHours(1), LATE, true);
        harness.open();
        send(priced("r1", at("2025-06-01T10:00:10Z"), "0.001", 250L));
        harness.processWatermark(at("2025-06-02T00:00:00Z"));

        UsageRow row = harness.extractOutputValues().get(0);
        assertThat(row.granularity).isEqualTo("day");
        assertThat(row.windowStart).isEqualTo(at("2025-06-01T00:00:00Z"));
        assertThat(row.latencySketch.totalCount).isEqualTo(1);
    }

    @Test
    void shouldNameGranularities() {
        assertThat(UsageWindows.granularity(Duration.ofMinutes(1))).isEqualTo("minute");
        assertThat(UsageWindows.granularity(Duration.ofHours(1))).isEqualTo("hour");
        assertThat(UsageWindows.granularity(Duration.ofDays(1))).isEqualTo("day");
        assertThat(UsageWindows.granularity(Duration.ofMinutes(5))).isEqualTo("PT5M");
    }

    @Test
    void shouldRefuseARetentionNoLongerThanTheLateness() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        KeyedStream<Invocation, String> in =
                UsageWindows.byUsageKey(
                        env.fromData(
                                TypeInformation.of(Invocation.class), priced("x", 0, "0", null)));
        assertThatThrownBy(
                        () ->
                                UsageWindows.exactTotals(
                                        in,
                                        Duration.ofDays(1),
                                        Duration.ofDays(2),
                                        Duration.ofDays(1),
                                        LATE,
                                        "day"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
