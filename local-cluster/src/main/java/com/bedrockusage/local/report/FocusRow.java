package com.bedrockusage.local.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One FOCUS 1.2 row of metered usage: an hour × account × caller × model × token class. Standard
 * columns keep FOCUS names in {@link FocusCsv#COLUMNS}; {@code x_} columns carry what FOCUS has no
 * column for.
 */
public record FocusRow(
        Instant chargePeriodStart,
        Instant chargePeriodEnd,
        BigDecimal listCost,
        BigDecimal effectiveCost,
        BigDecimal listUnitPrice,
        BigDecimal pricingQuantity,
        BigDecimal consumedQuantity,
        String regionId,
        String subAccountId,
        String resourceId,
        String chargeDescription,
        String caller,
        String tokenClass,
        String cacheTtl,
        String serviceTier) {

    public static final String BILLING_CURRENCY = "USD";

    /** Bedrock prices per million tokens. */
    public static final String PRICING_UNIT = "1000000 Tokens";

    public static final String CONSUMED_UNIT = "Tokens";
    public static final String SERVICE_NAME = "Amazon Bedrock";
    public static final String SERVICE_CATEGORY = "AI and Machine Learning";
    public static final String PROVIDER_NAME = "AWS";
    public static final String CHARGE_CATEGORY = "Usage";
}
