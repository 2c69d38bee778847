package com.bedrockusage.pricing;

import java.math.BigDecimal;

/**
 * What a price (USD per million tokens) may be, checked by every loader so that a bad price is
 * refused when the file is read ({@code file:line: problem}), never when a cost is written.
 *
 * <p>The bounds are far from any real price (the dearest Bedrock model costs well under 1,000 USD
 * per million tokens) and make every cost provably storable: {@value #MAX_PER_MTOK_TEXT} × any
 * {@code long} token count ÷ 10⁶ has at most 20 integer digits, and {@code DECIMAL(38, 12)} holds
 * 26.
 */
public final class PriceBounds {

    static final String MAX_PER_MTOK_TEXT = "1000000";

    /** The largest accepted price: one USD per token. */
    public static final BigDecimal MAX_PER_MTOK = new BigDecimal(MAX_PER_MTOK_TEXT);

    /**
     * The most decimals a price may be written with. 18 decimals per million tokens is 10⁻²⁴ USD
     * per token; more is a typo or an exponent gone wrong ({@code 1e-40}), not a negotiated price.
     */
    public static final int MAX_DECIMALS = 18;

    /**
     * The largest exponent a price may be written with ({@code 1E+6}); it keeps zeros such as
     * {@code 0E+99} out.
     */
    private static final int MIN_SCALE = -6;

    private PriceBounds() {}

    /** Why {@code usdPerMtok} is not an acceptable price, or null when it is. */
    public static String problem(BigDecimal usdPerMtok) {
        if (usdPerMtok.signum() < 0) {
            return "is negative";
        }
        if (usdPerMtok.compareTo(MAX_PER_MTOK) > 0) {
            return "is more than " + MAX_PER_MTOK_TEXT + " USD per million tokens";
        }
        if (usdPerMtok.scale() > MAX_DECIMALS) {
            return "has more than " + MAX_DECIMALS + " decimals";
        }
        if (usdPerMtok.scale() < MIN_SCALE) {
            return "has an exponent out of range";
        }
        return null;
    }
}
