package com.bedrockusage.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for money: <b>a call's cost is its exact cost rounded HALF_EVEN to 12
 * decimals</b>. Whatever prices a call (the job through {@link CostBreakdown}, the SQL function
 * {@code BEDROCK_COST}) goes through {@link #round}; usage rows and reports only add rounded
 * per-call costs. So every table and report reconciles exactly with every other.
 */
public final class CostRounding {

    /** Decimals of every stored cost: the tables' {@code DECIMAL(38, 12)}. */
    public static final int SCALE = 12;

    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    private CostRounding() {}

    /**
     * The exact cost of one billed component of a call: {@code tokens × usdPerMillionTokens ÷
     * 1,000,000}, not rounded. A call's cost is the {@link #round rounded} sum of its exact
     * components (input, output, cache read, 5-minute and 1-hour cache writes); each component on
     * its own is shown rounded the same way. Prices with at most 6 decimals per million tokens
     * never need rounding; only a price with more decimals (e.g. {@code 2.6666667}) does.
     *
     * @param tokens a count of zero or more
     * @param usdPerMillionTokens a non-negative price
     */
    public static BigDecimal exact(long tokens, BigDecimal usdPerMillionTokens) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        return usdPerMillionTokens.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }

    /**
     * The exact cost of {@code quantity} units (images, seconds, queries) at {@code usdPerUnit},
     * not rounded.
     */
    public static BigDecimal exactUnits(long quantity, BigDecimal usdPerUnit) {
        if (quantity == 0) {
            return BigDecimal.ZERO;
        }
        return usdPerUnit.multiply(BigDecimal.valueOf(quantity));
    }

    /**
     * {@code amount} rounded HALF_EVEN (banker's rounding) to 12 decimals when it has more, else
     * unchanged (1,000 tokens at {@code 3} stay {@code 0.003000}). Usage rows add rounded per-call
     * costs, which have at most 12 decimals, so {@code invocations} reconciles exactly with every
     * usage table. With a price within {@link PriceBounds} a call's cost fits {@code DECIMAL(38,
     * 12)} for any {@code long} token count.
     */
    public static BigDecimal round(BigDecimal amount) {
        return amount.scale() > SCALE ? amount.setScale(SCALE, MODE) : amount;
    }

    /**
     * {@code amount} rounded by the rule and written with exactly 12 decimals, as the tables store
     * it.
     */
    public static BigDecimal atScale(BigDecimal amount) {
        return amount.setScale(SCALE, MODE);
    }
}
