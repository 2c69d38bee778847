package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.ingest.parse.RecordBounds;
import org.junit.jupiter.api.Test;

/**
 * A month's alert window over all callers is the longest sum the job keeps: it saturates, never
 * wraps negative.
 */
class WindowAccumulatorSumsTest {

    @Test
    void shouldSaturateTokenAndLatencySumsOfALongWindow() {
        WindowAccumulator window = new WindowAccumulator();
        long nearFull = Long.MAX_VALUE - RecordBounds.MAX_TOKENS;
        window.inputTokens = nearFull;
        window.outputTokens = nearFull;
        window.totalTokens = nearFull;
        window.latencySumMs = nearFull;
        RuleHit hit = new RuleHit();
        hit.invocations = 1_000;
        hit.inputTokens = 1_000 * RecordBounds.MAX_TOKENS;
        hit.outputTokens = 1_000 * RecordBounds.MAX_TOKENS;
        hit.totalTokens = 4_000 * RecordBounds.MAX_TOKENS;
        hit.latencyCount = 1_000;
        hit.latencySumMs = 1_000 * RecordBounds.MAX_LATENCY_MS;
        hit.eventTime = 1;

        window.add(hit);

        assertThat(
                        new long[] {
                            window.inputTokens,
                            window.outputTokens,
                            window.totalTokens,
                            window.latencySumMs
                        })
                .containsOnly(Long.MAX_VALUE);
        assertThat(window.value(Metric.TOTAL_TOKENS)).isPositive();
        assertThat(window.value(Metric.LATENCY_AVG_MS)).isPositive();
    }
}
