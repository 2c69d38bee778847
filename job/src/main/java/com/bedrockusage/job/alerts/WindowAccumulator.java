package com.bedrockusage.job.alerts;

import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.usage.LatencySketch;
import com.bedrockusage.job.usage.SaturatingSum;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The running totals of one rule, scope key and window, and whether its alert has fired. A Flink
 * POJO; the latency sketch is only kept for {@code latency_p99_ms} rules, so other rules' state
 * stays a handful of numbers.
 */
public class WindowAccumulator {

    public String signature;
    public long invocations;
    public long errors;
    public long unpriced;
    public long inputTokens;
    public long outputTokens;
    public long totalTokens;
    public BigDecimal costUsd = BigDecimal.ZERO;
    public long latencyCount;
    public long latencySumMs;
    public long generations;
    public long generationLatencySumMs;
    public long generationOutputTokens;
    public LatencySketch latency;
    public long maxEventTime = Long.MIN_VALUE;
    public boolean fired;

    /** Event time after which the window is dropped from state. */
    public long cleanupAt;

    public Contributors contributors = new Contributors();

    public WindowAccumulator() {}

    public static WindowAccumulator create(AlertRule rule) {
        WindowAccumulator a = new WindowAccumulator();
        a.signature = rule.accumulationSignature();
        if (rule.metric == Metric.LATENCY_P99_MS) {
            a.latency = new LatencySketch();
        }
        return a;
    }

    /** Starts counting afresh under a changed rule; the fired flag and cleanup time stay. */
    public WindowAccumulator restartFor(AlertRule rule) {
        WindowAccumulator a = create(rule);
        a.fired = fired;
        a.cleanupAt = cleanupAt;
        return a;
    }

    public void add(RuleHit h) {
        invocations += h.invocations;
        errors += h.errors;
        unpriced += h.unpriced;
        costUsd = costUsd.add(h.costUsd);
        // A month's window over all callers is the longest sum the job keeps: saturate rather than
        // wrap.
        inputTokens = SaturatingSum.add(inputTokens, h.inputTokens);
        outputTokens = SaturatingSum.add(outputTokens, h.outputTokens);
        totalTokens = SaturatingSum.add(totalTokens, h.totalTokens);
        latencyCount += h.latencyCount;
        latencySumMs = SaturatingSum.add(latencySumMs, h.latencySumMs);
        if (latency != null && h.latency != null) {
            latency.merge(h.latency);
        }
        maxEventTime = Math.max(maxEventTime, h.eventTime);
        contributors.addAll(h.contributors);
        generations += h.generations;
        generationLatencySumMs =
                SaturatingSum.add(generationLatencySumMs, h.generationLatencySumMs);
        generationOutputTokens =
                SaturatingSum.add(generationOutputTokens, h.generationOutputTokens);
    }

    /** The metric's running value; null when it has no value yet (no latencies, no calls). */
    public BigDecimal value(Metric metric) {
        switch (metric) {
            case COST_USD:
                return costUsd;
            case INPUT_TOKENS:
                return BigDecimal.valueOf(inputTokens);
            case OUTPUT_TOKENS:
                return BigDecimal.valueOf(outputTokens);
            case TOTAL_TOKENS:
                return BigDecimal.valueOf(totalTokens);
            case INVOCATIONS:
                return BigDecimal.valueOf(invocations);
            case ERRORS:
                return BigDecimal.valueOf(errors);
            case UNPRICED_INVOCATIONS:
                return BigDecimal.valueOf(unpriced);
            case ERROR_RATE:
                return invocations == 0
                        ? null
                        : BigDecimal.valueOf(errors)
                                .divide(BigDecimal.valueOf(invocations), 6, RoundingMode.HALF_UP);
            case LATENCY_AVG_MS:
                return latencyCount == 0
                        ? null
                        : BigDecimal.valueOf(latencySumMs)
                                .divide(BigDecimal.valueOf(latencyCount), 1, RoundingMode.HALF_UP);
            case LATENCY_PER_OUTPUT_TOKEN_MS:
                return generationOutputTokens == 0
                        ? null
                        : BigDecimal.valueOf(generationLatencySumMs)
                                .divide(
                                        BigDecimal.valueOf(generationOutputTokens),
                                        1,
                                        RoundingMode.HALF_UP);
            case LATENCY_P99_MS:
                Double p99 = latency == null ? null : latency.quantile(0.99);
                return p99 == null
                        ? null
                        : BigDecimal.valueOf(p99).setScale(0, RoundingMode.HALF_UP);
            default:
                throw new IllegalStateException("unknown metric " + metric);
        }
    }

    /**
     * How many observations the metric rests on: successful calls with a latency and output tokens
     * for latency per token, calls with a latency for the other latency metrics, else calls.
     */
    public long samples(Metric metric) {
        if (metric == Metric.LATENCY_PER_OUTPUT_TOKEN_MS) {
            return generations;
        }
        return metric.isLatency() ? latencyCount : invocations;
    }
}
