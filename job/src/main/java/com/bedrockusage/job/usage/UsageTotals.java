package com.bedrockusage.job.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The totals of a group of calls that a window's {@link UsageAccumulator} keeps and its {@link
 * UsageRow} reports. Costs are null when no call in the group had a known price. Latency fields
 * cover only the calls that reported a latency; the min and max are null when none did.
 */
public abstract class UsageTotals {

    public long invocations;
    public long errors;
    public long inputTokens;
    public long outputTokens;
    public long cacheReadTokens;
    public long cacheWriteTokens;

    /**
     * Successful calls without a price: their tokens are counted above, their cost is missing from
     * the sums.
     */
    public long unpricedInvocations;

    public BigDecimal costUsd;
    public BigDecimal inputCostUsd;
    public BigDecimal outputCostUsd;
    public BigDecimal cacheReadCostUsd;
    public BigDecimal cacheWriteCostUsd;

    /** Calls that reported a latency. */
    public long latencyCount;

    public long latencySumMs;
    public Long latencyMinMs;
    public Long latencyMaxMs;

    /** Sets every total to {@code from}'s. */
    protected final void setTotals(UsageTotals from) {
        invocations = from.invocations;
        errors = from.errors;
        inputTokens = from.inputTokens;
        outputTokens = from.outputTokens;
        cacheReadTokens = from.cacheReadTokens;
        cacheWriteTokens = from.cacheWriteTokens;
        unpricedInvocations = from.unpricedInvocations;
        costUsd = from.costUsd;
        inputCostUsd = from.inputCostUsd;
        outputCostUsd = from.outputCostUsd;
        cacheReadCostUsd = from.cacheReadCostUsd;
        cacheWriteCostUsd = from.cacheWriteCostUsd;
        latencyCount = from.latencyCount;
        latencySumMs = from.latencySumMs;
        latencyMinMs = from.latencyMinMs;
        latencyMaxMs = from.latencyMaxMs;
    }

    /** True when every total equals {@code other}'s; for the subclasses' {@code equals}. */
    protected final boolean sameTotals(UsageTotals other) {
        return invocations == other.invocations
                && errors == other.errors
                && inputTokens == other.inputTokens
                && outputTokens == other.outputTokens
                && cacheReadTokens == other.cacheReadTokens
                && cacheWriteTokens == other.cacheWriteTokens
                && unpricedInvocations == other.unpricedInvocations
                && Objects.equals(costUsd, other.costUsd)
                && Objects.equals(inputCostUsd, other.inputCostUsd)
                && Objects.equals(outputCostUsd, other.outputCostUsd)
                && Objects.equals(cacheReadCostUsd, other.cacheReadCostUsd)
                && Objects.equals(cacheWriteCostUsd, other.cacheWriteCostUsd)
                && latencyCount == other.latencyCount
                && latencySumMs == other.latencySumMs
                && Objects.equals(latencyMinMs, other.latencyMinMs)
                && Objects.equals(latencyMaxMs, other.latencyMaxMs);
    }
}
