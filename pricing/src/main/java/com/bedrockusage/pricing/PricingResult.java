package com.bedrockusage.pricing;

import java.io.Serializable;
import java.util.Objects;

/** Outcome of pricing one call: a cost, or an explicit reason why there is none (never a silent zero). */
public final class PricingResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String resolvedModel;
    private final CostBreakdown cost;
    private final String unpricedReason;

    private PricingResult(String resolvedModel, CostBreakdown cost, String unpricedReason) {
        this.resolvedModel = resolvedModel;
        this.cost = cost;
        this.unpricedReason = unpricedReason;
    }

    public static PricingResult priced(String resolvedModel, CostBreakdown cost) {
        return new PricingResult(Objects.requireNonNull(resolvedModel, "resolvedModel"),
                Objects.requireNonNull(cost, "cost"), null);
    }

    public static PricingResult unpriced(String resolvedModelOrNull, String reason) {
        return new PricingResult(resolvedModelOrNull, null, Objects.requireNonNull(reason, "reason"));
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
        return Objects.equals(resolvedModel, r.resolvedModel) && Objects.equals(cost, r.cost)
                && Objects.equals(unpricedReason, r.unpricedReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolvedModel, cost, unpricedReason);
    }

    @Override
    public String toString() {
        return isPriced()
                ? "PricingResult{priced " + resolvedModel + ", " + cost + '}'
                : "PricingResult{unpriced " + resolvedModel + ": " + unpricedReason + '}';
    }
}
