package com.bedrockusage.local.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sums of the usage columns for one key, exact: counts as longs, money as {@link BigDecimal}. The
 * same shape for the ground truth, for {@code usage_*} rows and for {@code invocations} rows, so
 * they compare field by field.
 */
final class UsageTotals {

    long invocations;
    long errors;
    long inputTokens;
    long outputTokens;
    long cacheReadTokens;
    long cacheWriteTokens;
    long unpricedInvocations;
    BigDecimal costUsd = BigDecimal.ZERO;
    BigDecimal inputCostUsd = BigDecimal.ZERO;
    BigDecimal outputCostUsd = BigDecimal.ZERO;
    BigDecimal cacheReadCostUsd = BigDecimal.ZERO;
    BigDecimal cacheWriteCostUsd = BigDecimal.ZERO;

    void add(UsageTotals o) {
        invocations += o.invocations;
        errors += o.errors;
        inputTokens += o.inputTokens;
        outputTokens += o.outputTokens;
        cacheReadTokens += o.cacheReadTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        unpricedInvocations += o.unpricedInvocations;
        costUsd = costUsd.add(o.costUsd);
        inputCostUsd = inputCostUsd.add(o.inputCostUsd);
        outputCostUsd = outputCostUsd.add(o.outputCostUsd);
        cacheReadCostUsd = cacheReadCostUsd.add(o.cacheReadCostUsd);
        cacheWriteCostUsd = cacheWriteCostUsd.add(o.cacheWriteCostUsd);
    }

    /**
     * The fields that differ, as {@code name expected=X actual=Y}; money compares by value, not
     * scale.
     */
    List<String> differences(UsageTotals actual) {
        List<String> out = new ArrayList<>();
        diff(out, "invocations", invocations, actual.invocations);
        diff(out, "errors", errors, actual.errors);
        diff(out, "input_tokens", inputTokens, actual.inputTokens);
        diff(out, "output_tokens", outputTokens, actual.outputTokens);
        diff(out, "cache_read_tokens", cacheReadTokens, actual.cacheReadTokens);
        diff(out, "cache_write_tokens", cacheWriteTokens, actual.cacheWriteTokens);
        diff(out, "unpriced_invocations", unpricedInvocations, actual.unpricedInvocations);
        money(out, "cost_usd", costUsd, actual.costUsd);
        money(out, "input_cost_usd", inputCostUsd, actual.inputCostUsd);
        money(out, "output_cost_usd", outputCostUsd, actual.outputCostUsd);
        money(out, "cache_read_cost_usd", cacheReadCostUsd, actual.cacheReadCostUsd);
        money(out, "cache_write_cost_usd", cacheWriteCostUsd, actual.cacheWriteCostUsd);
        return out;
    }

    private static void diff(List<String> out, String name, long expected, long actual) {
        if (expected != actual) {
            out.add(name + " expected=" + expected + " actual=" + actual);
        }
    }

    private static void money(
            List<String> out, String name, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            out.add(
                    name
                            + " expected="
                            + expected.stripTrailingZeros().toPlainString()
                            + " actual="
                            + actual.stripTrailingZeros().toPlainString());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageTotals && differences((UsageTotals) o).isEmpty();
    }

    @Override
    public int hashCode() {
        return Objects.hash(invocations, inputTokens, outputTokens);
    }

    @Override
    public String toString() {
        return "invocations="
                + invocations
                + " errors="
                + errors
                + " input="
                + inputTokens
                + " output="
                + outputTokens
                + " cacheRead="
                + cacheReadTokens
                + " cacheWrite="
                + cacheWriteTokens
                + " unpriced="
                + unpricedInvocations
                + " cost="
                + costUsd.stripTrailingZeros().toPlainString();
    }
}
