package com.bedrockusage.job.usage;

import java.util.Objects;

/**
 * One row of a usage table: the totals of one usage key in one window, keyed by (windowStart,
 * granularity, accountId, region, callerArn, modelId). A window that re-fires emits the same key
 * again with new totals: write it as an upsert.
 *
 * <p>Costs are null when no call in the row had a known price; {@code unpricedInvocations > 0}
 * means the cost is missing those calls. Latency fields are null when no call reported a latency.
 * {@code latencySumMs} lets averages be rolled up ({@code sum(latencySumMs) / sum(latencyCount)}).
 * {@link #latencySketch} is not a table column: it is carried only on rows that {@link DailyTotals}
 * corrects, so their quantiles can be merged exactly.
 */
public class UsageRow extends UsageTotals {

    public long windowStart;
    public String granularity;
    public String accountId;
    public String region;
    public String callerArn;
    public String modelId;

    public Double latencyAvgMs;
    public Double latencyP50Ms;
    public Double latencyP99Ms;

    /** Null unless the producer was asked to carry it; see the class comment. */
    public LatencySketch latencySketch;

    public UsageRow() {}

    public static UsageRow of(
            String usageKey,
            long windowStart,
            String granularity,
            UsageAccumulator acc,
            boolean carrySketch) {
        String[] parts = UsageKey.parts(usageKey);
        UsageRow row = new UsageRow();
        row.windowStart = windowStart;
        row.granularity = granularity;
        row.accountId = parts[UsageKey.ACCOUNT];
        row.region = parts[UsageKey.REGION];
        row.callerArn = parts[UsageKey.CALLER];
        row.modelId = parts[UsageKey.MODEL];
        row.setTotals(acc);
        if (acc.latencyCount > 0) {
            row.latencyAvgMs = (double) acc.latencySumMs / acc.latencyCount;
            row.latencyP50Ms = clamp(acc.latency == null ? null : acc.latency.quantile(0.5), acc);
            row.latencyP99Ms = clamp(acc.latency == null ? null : acc.latency.quantile(0.99), acc);
        }
        if (carrySketch && acc.latency != null) {
            row.latencySketch = acc.latency.copy();
        }
        return row;
    }

    /** The usage key of this row, as {@link UsageKey#of} builds it. */
    public String usageKey() {
        return UsageKey.of(accountId, region, callerArn, modelId);
    }

    /**
     * The totals of this row, to be merged with more calls; the sketch is empty if the row did not
     * carry one.
     */
    public UsageAccumulator toAccumulator() {
        UsageAccumulator acc = new UsageAccumulator();
        acc.setTotals(this);
        acc.latency = latencySketch == null ? new LatencySketch() : latencySketch.copy();
        return acc;
    }

    /** The sketch's estimate can fall just outside the exact min/max; never report beyond them. */
    private static Double clamp(Double estimate, UsageAccumulator acc) {
        if (estimate == null) {
            return null;
        }
        return Math.max(acc.latencyMinMs, Math.min(acc.latencyMaxMs, estimate));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UsageRow)) {
            return false;
        }
        UsageRow r = (UsageRow) o;
        return windowStart == r.windowStart
                && sameTotals(r)
                && Objects.equals(granularity, r.granularity)
                && Objects.equals(accountId, r.accountId)
                && Objects.equals(region, r.region)
                && Objects.equals(callerArn, r.callerArn)
                && Objects.equals(modelId, r.modelId)
                && Objects.equals(latencyAvgMs, r.latencyAvgMs)
                && Objects.equals(latencyP50Ms, r.latencyP50Ms)
                && Objects.equals(latencyP99Ms, r.latencyP99Ms)
                && Objects.equals(latencySketch, r.latencySketch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                windowStart, granularity, accountId, region, callerArn, modelId, invocations);
    }

    @Override
    public String toString() {
        return "UsageRow{"
                + java.time.Instant.ofEpochMilli(windowStart)
                + " "
                + granularity
                + " "
                + accountId
                + " "
                + region
                + " "
                + callerArn
                + " "
                + modelId
                + " n="
                + invocations
                + " errors="
                + errors
                + " unpriced="
                + unpricedInvocations
                + " in="
                + inputTokens
                + " out="
                + outputTokens
                + " cr="
                + cacheReadTokens
                + " cw="
                + cacheWriteTokens
                + " cost="
                + costUsd
                + "}";
    }
}
