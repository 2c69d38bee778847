package com.bedrockusage.pricing;

import java.io.Serializable;
import java.util.Objects;

/**
 * Outcome of pricing one call: a cost, or an explicit reason why there is none (never a silent
 * zero).
 */
public final class PricingResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String resolvedModel;
    private final CostBreakdown cost;
    private final String unpricedReason;
    private final String rule;

    private PricingResult(
            String resolvedModel, CostBreakdown cost, String unpricedReason, String rule) {
        this.resolvedModel = resolvedModel;
        this.cost = cost;
        this.unpricedReason = unpricedReason;
        this.rule = rule;
    }

    public static PricingResult priced(String resolvedModel, CostBreakdown cost) {
        return priced(resolvedModel, cost, PricingRules.BASE);
    }

    /**
     * @param rule the {@link PricingRules} name of the rule that priced the call
     */
    public static PricingResult priced(String resolvedModel, CostBreakdown cost, String rule) {
        return new PricingResult(
                Objects.requireNonNull(resolvedModel, "resolvedModel"),
                Objects.requireNonNull(cost, "cost"),
                null,
                Objects.requireNonNull(rule, "rule"));
    }

    public static PricingResult unpriced(String resolvedModelOrNull, String reason) {
        return unpriced(resolvedModelOrNull, PricingRules.UNKNOWN_MODEL, reason);
    }

    /**
     * @param code the {@link PricingRules} unpriced reason; {@code reason} says it in words for the
     *     log
     */
    public static PricingResult unpriced(String resolvedModelOrNull, String code, String reason) {
        return new PricingResult(
                resolvedModelOrNull,
                null,
                Objects.requireNonNull(reason, "reason"),
                Objects.requireNonNull(code, "code"));
    }

    /**
     * Which rule priced the call ({@link PricingRules#BASE}, {@code LONG_CONTEXT}, {@code
     * SERVICE_TIER}, {@code UNIT}), or, when unpriced, the reason code ({@link
     * PricingRules#NO_PRICE_FOR_TIER}, ...).
     */
    public String rule() {
        return rule;
    }

    public boolean isPriced() {
        return cost != null;
    }

    /** The catalogue model id the logged id resolved to; null if it resolved to none. */
    public String resolvedModel() {
        return resolvedModel;
    }

    /** The cost; null when unpriced. */
    public CostBreakdown cost() {
        return cost;
    }

    /** Why there is no cost; null when priced. */
    public String unpricedReason() {
        return unpricedReason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PricingResult)) {
            return false;
        }
        PricingResult r = (PricingResult) o;
        return Objects.equals(resolvedModel, r.resolvedModel)
                && Objects.equals(cost, r.cost)
                && Objects.equals(unpricedReason, r.unpricedReason)
                && Objects.equals(rule, r.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolvedModel, cost, unpricedReason);
    }

    @Override
    public String toString() {
        return isPriced()
                ? "PricingResult{priced " + resolvedModel + " by " + rule + ", " + cost + '}'
                : "PricingResult{unpriced "
                        + resolvedModel
                        + " ("
                        + rule
                        + "): "
                        + unpricedReason
                        + '}';
    }
}
