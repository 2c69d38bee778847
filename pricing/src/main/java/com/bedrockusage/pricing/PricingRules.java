package com.bedrockusage.pricing;

/**
 * The names that say which rule priced a call ({@code pricing_rule}), or, for an unpriced call, why
 * none could. They are a contract: queries group by them.
 */
public final class PricingRules {

    /** Tokens at the row with no threshold, standard tier, per token. */
    public static final String BASE = "base";

    /**
     * Tokens at a row with {@code above_input_tokens > 0}: the whole request at the long-context
     * rates.
     */
    public static final String LONG_CONTEXT = "long_context";

    /** Tokens at a row of a tier other than standard (priority, flex, latency-optimized, batch). */
    public static final String SERVICE_TIER = "service_tier";

    /**
     * Images, seconds of video or queries at a row's {@code usd_per_unit} (plus its token rates).
     */
    public static final String UNIT = "unit";

    /** A failed call: no charge, no row. */
    public static final String FAILED_CALL = "failed_call";

    // ---- unpriced reasons
    public static final String UNKNOWN_MODEL = "unknown_model";

    /** The model has rows, but none for the call's region or time. */
    public static final String NO_PRICE_AT_TIME = "no_price_in_region_or_time";

    public static final String NO_PRICE_FOR_TIER = "no_price_for_tier";
    public static final String NO_PRICE_FOR_UNIT = "no_price_for_unit";

    /** The model is priced per unit only and the log does not say how many units the call made. */
    public static final String NO_UNIT_QUANTITY = "no_unit_quantity";

    public static final String INVALID_QUANTITY = "invalid_quantity";

    /** The request asked for a service tier and the log does not say which tier served the call. */
    public static final String SERVED_TIER_NOT_LOGGED = "served_tier_not_logged";

    /** Every unpriced reason, each counted by the job. */
    public static final java.util.List<String> UNPRICED_REASONS =
            java.util.Collections.unmodifiableList(
                    java.util.Arrays.asList(
                            UNKNOWN_MODEL,
                            NO_PRICE_AT_TIME,
                            NO_PRICE_FOR_TIER,
                            NO_PRICE_FOR_UNIT,
                            NO_UNIT_QUANTITY,
                            INVALID_QUANTITY,
                            SERVED_TIER_NOT_LOGGED));

    private PricingRules() {}
}
