package com.bedrockusage.job.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.parse.RecordBounds;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.Invocations;
import org.junit.jupiter.api.Test;

/** Usage sums at the ingest caps: they stop at Long.MAX_VALUE, never wrap to a negative total. */
class SaturatingSumsTest {

    private static final long NEAR_FULL = Long.MAX_VALUE - RecordBounds.MAX_TOKENS / 2;

    @Test
    void shouldAddExactlyWithinRangeAndStopAtTheEnds() {
        assertThat(SaturatingSum.add(40, 2)).isEqualTo(42);
        assertThat(SaturatingSum.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(SaturatingSum.add(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(SaturatingSum.add(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(SaturatingSum.add(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(-1);
    }

    @Test
    void shouldSaturateTokenAndLatencySumsWhenACallAtTheCapsArrivesOnFullTotals() {
        UsageAccumulator acc = nearFull();

        acc.add(callAtTheCaps());

        assertThat(
                        new long[] {
                            acc.inputTokens,
                            acc.outputTokens,
                            acc.cacheReadTokens,
                            acc.cacheWriteTokens
                        })
                .containsOnly(Long.MAX_VALUE);
        assertThat(acc.latencySumMs).isEqualTo(Long.MAX_VALUE);
        assertThat(acc.invocations).isEqualTo(1);
    }

    @Test
    void shouldSaturateWhenMergingTwoFullAccumulators() {
        UsageAccumulator merged = nearFull().merge(nearFull());

        assertThat(
                        new long[] {
                            merged.inputTokens,
                            merged.outputTokens,
                            merged.cacheReadTokens,
                            merged.cacheWriteTokens,
                            merged.latencySumMs
                        })
                .containsOnly(Long.MAX_VALUE);
    }

    @Test
    void shouldKeepARowsAverageLatencyWithinTheCapWhenSaturated() {
        UsageAccumulator acc = nearFull();
        acc.latencyCount =
                200_000_000_000L; // a month of calls, each at the latency cap, would overflow the
        // sum
        acc.add(callAtTheCaps());

        UsageRow row =
                UsageRow.of(
                        UsageKey.of("123456789012", "us-east-1", "arn", "m"), 0, "day", acc, false);

        assertThat(row.latencyAvgMs).isBetween(0.0, (double) RecordBounds.MAX_LATENCY_MS);
    }

    private static UsageAccumulator nearFull() {
        UsageAccumulator acc = new UsageAccumulator();
        acc.inputTokens = NEAR_FULL;
        acc.outputTokens = NEAR_FULL;
        acc.cacheReadTokens = NEAR_FULL;
        acc.cacheWriteTokens = NEAR_FULL;
        acc.latencySumMs = Long.MAX_VALUE - RecordBounds.MAX_LATENCY_MS / 2;
        return acc;
    }

    private static Invocation callAtTheCaps() {
        Invocation inv = Invocations.call("r", 0L);
        inv.inputTokens = RecordBounds.MAX_TOKENS;
        inv.outputTokens = RecordBounds.MAX_TOKENS;
        inv.cacheReadTokens = RecordBounds.MAX_TOKENS;
        inv.cacheWriteTokens = RecordBounds.MAX_TOKENS;
        inv.latencyMs = RecordBounds.MAX_LATENCY_MS;
        return inv;
    }
}
