package com.bedrockusage.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for money. Whatever prices a call (the job through {@link CostBreakdown}, the SQL function
 * {@code BEDROCK_COST}) goes through {@link #cost}; usage rows and reports only add its results. So every table and
 * report reconciles exactly with every other.
 */
public final class CostRounding {

    /** Decimals of every stored cost: the tables' {@code DECIMAL(38, 12)}. */
    public static final int SCALE = 12;
    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    private CostRounding() {}

    /**
     * The cost of one billed component of a call: {@code tokens × usdPerMillionTokens ÷ 1,000,000}, computed exactly
     * and then rounded HALF_EVEN (banker's rounding) to 12 decimals. A call's total is the sum of its rounded
     * components (input, output, cache read, 5-minute and 1-hour cache writes), and usage rows add those rounded
     * per-call values, so the parts always add up to {@code cost_usd} and {@code invocations} reconciles exactly with
     * every usage table. Prices with at most 6 decimals per million tokens never need rounding; only a price with
     * more decimals (e.g. {@code 2.6666667}) does, by at most half a 10⁻¹² USD per component.
     *
     * <p>The result keeps the exact product's scale when that is at most 12 (1,000 tokens at {@code 3} give
     * {@code 0.003000}); it never has more than 12 decimals. With a price within {@link PriceBounds} it fits {@code DECIMAL(38, 12)}
     * for any {@code long} token count.
     *
     * @param tokens a count of zero or more
     * @param usdPerMillionTokens a non-negative price
     */
    public static BigDecimal cost(long tokens, BigDecimal usdPerMillionTokens) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        return round(usdPerMillionTokens.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6));
    }

    /**
     * {@code amount} rounded by the rule of {@link #cost} when it has more than 12 decimals, else unchanged. Sums of
     * rounded costs have at most 12 decimals, so for them this changes nothing; it lets writers convert any amount
     * without throwing.
     */
    public static BigDecimal round(BigDecimal amount) {
        return amount.scale() > SCALE ? amount.setScale(SCALE, MODE) : amount;
    }

    /** {@code amount} rounded by the rule and written with exactly 12 decimals, as the tables store it. */
    public static BigDecimal atScale(BigDecimal amount) {
        return amount.setScale(SCALE, MODE);
    }
}
