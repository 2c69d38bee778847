package com.bedrockusage.job.usage;

import com.bedrockusage.job.model.Invocation;
import java.math.BigDecimal;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Running totals of the invocations of one usage key in one window. Costs are exact sums ({@link
 * BigDecimal}); a cost stays null until some call in the group has one, so "no price known" is not
 * confused with "free". Serialized by {@link UsageAccumulatorSerializer}: it is most of the job's
 * state. Token and latency sums saturate ({@link SaturatingSum}); call counts grow by one per call
 * and cannot overflow.
 */
@TypeInfo(UsageAccumulatorTypeInfo.Factory.class)
public class UsageAccumulator extends UsageTotals {

    public LatencySketch latency = new LatencySketch();

    public UsageAccumulator() {}

    public UsageAccumulator add(Invocation inv) {
        invocations++;
        if (inv.isError()) {
            errors++;
        } else if (!inv.priced) {
            unpricedInvocations++;
        }
        inputTokens = SaturatingSum.add(inputTokens, inv.inputTokens);
        outputTokens = SaturatingSum.add(outputTokens, inv.outputTokens);
        cacheReadTokens = SaturatingSum.add(cacheReadTokens, inv.cacheReadTokens);
        cacheWriteTokens = SaturatingSum.add(cacheWriteTokens, inv.cacheWriteTokens);
        costUsd = plus(costUsd, inv.costUsd);
        inputCostUsd = plus(inputCostUsd, inv.inputCostUsd);
        outputCostUsd = plus(outputCostUsd, inv.outputCostUsd);
        cacheReadCostUsd = plus(cacheReadCostUsd, inv.cacheReadCostUsd);
        cacheWriteCostUsd = plus(cacheWriteCostUsd, inv.cacheWriteCostUsd);
        if (inv.latencyMs != null) {
            long ms = inv.latencyMs;
            latencyCount++;
            latencySumMs = SaturatingSum.add(latencySumMs, ms);
            latencyMinMs = latencyMinMs == null ? ms : Math.min(latencyMinMs, ms);
            latencyMaxMs = latencyMaxMs == null ? ms : Math.max(latencyMaxMs, ms);
            latency.add(ms);
        }
        return this;
    }

    /** Adds {@code other} into this accumulator; {@code other} is not changed. */
    public UsageAccumulator merge(UsageAccumulator other) {
        invocations += other.invocations;
        errors += other.errors;
        unpricedInvocations += other.unpricedInvocations;
        inputTokens = SaturatingSum.add(inputTokens, other.inputTokens);
        outputTokens = SaturatingSum.add(outputTokens, other.outputTokens);
        cacheReadTokens = SaturatingSum.add(cacheReadTokens, other.cacheReadTokens);
        cacheWriteTokens = SaturatingSum.add(cacheWriteTokens, other.cacheWriteTokens);
        costUsd = plus(costUsd, other.costUsd);
        inputCostUsd = plus(inputCostUsd, other.inputCostUsd);
        outputCostUsd = plus(outputCostUsd, other.outputCostUsd);
        cacheReadCostUsd = plus(cacheReadCostUsd, other.cacheReadCostUsd);
        cacheWriteCostUsd = plus(cacheWriteCostUsd, other.cacheWriteCostUsd);
        latencyCount += other.latencyCount;
        latencySumMs = SaturatingSum.add(latencySumMs, other.latencySumMs);
        latencyMinMs = min(latencyMinMs, other.latencyMinMs);
        latencyMaxMs = max(latencyMaxMs, other.latencyMaxMs);
        if (latency == null) {
            latency = new LatencySketch();
        }
        latency.merge(other.latency);
        return this;
    }

    /** An independent copy: equal to this one, sharing no mutable part. */
    public UsageAccumulator copy() {
        UsageAccumulator c = new UsageAccumulator();
        c.setTotals(this);
        c.latency = latency == null ? null : latency.copy();
        return c;
    }

    /** Null-safe exact sum: null + null = null, null + x = x. */
    static BigDecimal plus(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    private static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.max(a, b));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UsageAccumulator)) {
            return false;
        }
        UsageAccumulator a = (UsageAccumulator) o;
        return sameTotals(a) && Objects.equals(latency, a.latency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invocations, errors, inputTokens, outputTokens, costUsd);
    }

    @Override
    public String toString() {
        return "UsageAccumulator{n="
                + invocations
                + ", errors="
                + errors
                + ", unpriced="
                + unpricedInvocations
                + ", in="
                + inputTokens
                + ", out="
                + outputTokens
                + ", cost="
                + costUsd
                + "}";
    }
}
