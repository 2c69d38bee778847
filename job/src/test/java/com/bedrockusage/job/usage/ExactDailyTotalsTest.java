package com.bedrockusage.job.usage;

import static com.bedrockusage.job.testing.Invocations.call;
import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The daily window and {@link DailyTotals} together, as {@link UsageWindows#exactTotals} wires
 * them: however the calls are shuffled (so that many are later than the allowed lateness), the last
 * row per key and day equals the totals of all its calls.
 */
class ExactDailyTotalsTest {

    private static final OutputTag<Invocation> LATE =
            new OutputTag<>("late-day", TypeInformation.of(Invocation.class));
    private static final long JUNE_1 = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long OUT_OF_ORDERNESS = Duration.ofHours(3).toMillis();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void shouldEndWithTheExactTotalsOfEveryKeyAndDayWhateverTheArrivalOrder(long seed)
            throws Exception {
        Random random = new Random(seed);
        List<Invocation> calls = calls(new Random(99), 400);
        Map<String, UsageRow> expected = expectedRows(calls);
        Collections.shuffle(calls, random);

        List<DailyInput> toDaily = new ArrayList<>();
        int late = 0;
        try (KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> window =
                UsageWindowsTest.windowHarness(
                        Duration.ofDays(1), Duration.ofHours(1), LATE, true)) {
            window.open();
            long maxSeen = Long.MIN_VALUE;
            for (Invocation inv : calls) {
                window.processElement(new StreamRecord<>(inv, inv.eventTime));
                maxSeen = Math.max(maxSeen, inv.eventTime);
                window.processWatermark(maxSeen - OUT_OF_ORDERNESS);
                late += drain(window, toDaily);
            }
            window.processWatermark(Long.MAX_VALUE);
            late += drain(window, toDaily);
        }
        assertThat(late).as("calls later than the allowed lateness").isGreaterThan(10);

        Collections.shuffle(toDaily, random);
        Map<String, UsageRow> lastRows = new TreeMap<>();
        try (KeyedOneInputStreamOperatorTestHarness<String, DailyInput, UsageRow> daily =
                DailyTotalsTest.dailyHarness(Duration.ofDays(35), new CapturedMetrics())) {
            daily.open();
            for (DailyInput in : toDaily) {
                daily.processElement(new StreamRecord<>(in, 0));
            }
            for (UsageRow row : daily.extractOutputValues()) {
                lastRows.put(DailyInput.key(row.usageKey(), row.windowStart), row);
            }
        }

        assertThat(lastRows).isEqualTo(new TreeMap<>(expected));
    }

    private static int drain(
            KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> window,
            List<DailyInput> toDaily) {
        for (UsageRow row : window.extractOutputValues()) {
            toDaily.add(DailyInput.ofRow(row));
        }
        window.getOutput().clear();
        int late = 0;
        if (window.getSideOutput(LATE) != null) {
            for (StreamRecord<Invocation> record : window.getSideOutput(LATE)) {
                toDaily.add(DailyInput.ofLate(record.getValue(), DAY));
                late++;
            }
            window.getSideOutput(LATE).clear();
        }
        return late;
    }

    private static List<Invocation> calls(Random random, int n) {
        String[] callers = {
            "arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b", "arn:aws:sts::1:assumed-role/c/x"
        };
        List<Invocation> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long time = JUNE_1 + (long) (random.nextDouble() * 3 * DAY);
            Long latency = random.nextInt(4) == 0 ? null : (long) random.nextInt(20_000);
            Invocation inv =
                    random.nextInt(10) == 0
                            ? call("u" + i, time)
                            : priced(
                                    "p" + i,
                                    time,
                                    BigDecimal.valueOf(random.nextInt(1_000_000), 9)
                                            .toPlainString(),
                                    latency);
            inv.latencyMs = latency;
            inv.callerArn = callers[random.nextInt(callers.length)];
            inv.inputTokens = random.nextInt(10_000);
            inv.outputTokens = random.nextInt(2_000);
            if (random.nextInt(20) == 0) {
                inv.errorCode = "ThrottlingException";
            }
            calls.add(inv);
        }
        return calls;
    }

    private static Map<String, UsageRow> expectedRows(List<Invocation> calls) {
        Map<String, UsageAccumulator> byKey = new HashMap<>();
        for (Invocation inv : calls) {
            byKey.computeIfAbsent(DailyInput.ofLate(inv, DAY).key, k -> new UsageAccumulator())
                    .add(inv);
        }
        Map<String, UsageRow> rows = new HashMap<>();
        for (Map.Entry<String, UsageAccumulator> e : byKey.entrySet()) {
            rows.put(
                    e.getKey(),
                    UsageRow.of(
                            DailyInput.usageKeyOf(e.getKey()),
                            DailyInput.windowStartOf(e.getKey()),
                            "day",
                            e.getValue(),
                            false));
        }
        return rows;
    }
}
