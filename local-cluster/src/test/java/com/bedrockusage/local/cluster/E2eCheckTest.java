package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class E2eCheckTest {

    private static final UsageKey A =
            new UsageKey(LocalDate.parse("2026-11-01"), "1", "us-east-1", "c", "m");
    private static final UsageKey B =
            new UsageKey(LocalDate.parse("2026-11-01"), "2", "us-east-1", "c", "m");

    @Test
    void shouldFindNoDifferenceWhenCostsDifferOnlyInScale() {
        Map<UsageKey, UsageTotals> expected = Map.of(A, totals(3, "0.5"));
        Map<UsageKey, UsageTotals> actual = Map.of(A, totals(3, "0.500000000000"));

        assertThat(E2eCheck.compare("usage_daily", expected, actual)).isEmpty();
    }

    @Test
    void shouldReportAWrongCountAWrongCostAMissingAndAnUnexpectedKey() {
        Map<UsageKey, UsageTotals> expected =
                new TreeMap<>(Map.of(A, totals(3, "0.5"), B, totals(1, "0.1")));
        Map<UsageKey, UsageTotals> actual = new TreeMap<>(Map.of(A, totals(4, "0.4")));
        UsageKey extra = new UsageKey(LocalDate.parse("2026-11-02"), "9", "us-east-1", "c", "m");
        actual.put(extra, totals(1, "0"));

        List<String> problems = E2eCheck.compare("usage_daily", expected, actual);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0))
                .contains("invocations expected=3 actual=4")
                .contains("cost_usd expected=0.5 actual=0.4");
        assertThat(problems.get(1)).startsWith("usage_daily: missing 2026-11-01 2 ");
        assertThat(problems.get(2)).startsWith("usage_daily: unexpected 2026-11-02 9 ");
    }

    @Test
    void shouldWaitForEveryWindowOperatorButIgnoreOperatorsBeforeTheWatermarks() {
        Map<String, Long> marks = new LinkedHashMap<>();
        marks.put("watermarks -> split rejected", Long.MIN_VALUE);
        marks.put("Window(TumblingEventTimeWindows(60000)) usage per minute", 200L);
        marks.put("Window(TumblingEventTimeWindows(3600000)) usage per hour", 99L);

        assertThat(E2eCheck.windowsPassed(marks, 100)).isFalse();
        marks.put("Window(TumblingEventTimeWindows(3600000)) usage per hour", 100L);
        assertThat(E2eCheck.windowsPassed(marks, 100)).isTrue();
    }

    @Test
    void shouldFallBackToAllReportingOperatorsWhenAJobHasNoWindows() {
        Map<String, Long> marks = new LinkedHashMap<>();
        marks.put("source-less map", Long.MIN_VALUE);
        marks.put("sink", 150L);

        assertThat(E2eCheck.windowsPassed(marks, 100)).isTrue();
        assertThat(E2eCheck.windowsPassed(Map.of(), 100)).isFalse();
    }

    private static UsageTotals totals(long calls, String cost) {
        UsageTotals u = new UsageTotals();
        u.invocations = calls;
        u.costUsd = new BigDecimal(cost);
        return u;
    }
}
