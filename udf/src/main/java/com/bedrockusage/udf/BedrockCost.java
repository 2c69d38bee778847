package com.bedrockusage.udf;

import com.bedrockusage.pricing.CostRounding;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.ServiceTiers;
import com.bedrockusage.pricing.TokenCounts;
import com.bedrockusage.pricing.UnitQuantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.table.annotation.DataTypeHint;

/**
 * {@code BEDROCK_COST(model_id, region, event_time, input_tokens, output_tokens, cache_read_tokens,
 * cache_write_tokens [, cache_write_1h_tokens])}: the USD cost of a call as {@code DECIMAL(38,
 * 12)}, rounded by the same rule as the job ({@link CostRounding#round}). Given the job's pricing
 * configuration ({@link PricingSetup}: catalogue, aliases, updates directory, as {@code bin/sql}
 * passes it) it prices from the catalogue the job built, so it equals the job's {@code cost_usd}
 * for the same successful call (the job charges a failed call 0).
 *
 * <p>{@code cache_write_tokens} is everything written to the cache; the {@code
 * cache_write_1h_tokens} part of it is priced at the 1-hour rate, the rest at the 5-minute rate.
 * {@code event_time} is a {@code TIMESTAMP_LTZ} or a {@code TIMESTAMP} read as UTC. NULL token
 * counts count as 0. The result is NULL when the model id, region or time is NULL, when the
 * catalogue has no price for the call, or when the counts are negative or the 1-hour part exceeds
 * the total.
 *
 * <p>The accounting variant adds {@code service_tier, unit, unit_variant, unit_quantity} (the
 * {@code invocations} columns of those names): {@code BEDROCK_COST(model_id, region, event_time,
 * input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens,
 * service_tier, unit, unit_variant, unit_quantity)} prices with every rule the job applies
 * (long-context thresholds, the tier's rows, per-unit rows). A NULL tier is {@code standard}; a
 * NULL unit prices per token; the result is NULL where the job leaves the call unpriced (a tier
 * without rows, {@code requested:<tier>}, a unit without a row, a negative quantity).
 */
public class BedrockCost extends CatalogFunction {

    private static final long serialVersionUID = 1L;

    public BedrockCost() {
        this((String) null);
    }

    /**
     * @param catalogLocation a price CSV (path or {@code file:} URI); null for the usual lookup
     */
    public BedrockCost(String catalogLocation) {
        super(catalogLocation);
    }

    /**
     * @param setup the job's pricing configuration, used as a whole
     */
    public BedrockCost(PricingSetup setup) {
        super(setup);
    }

    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens) {
        return eval(
                modelId,
                region,
                eventTime,
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens,
                0L);
    }

    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens,
            Long cacheWrite1hTokens) {
        return eval(
                modelId,
                region,
                eventTime,
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens,
                cacheWrite1hTokens,
                null,
                null,
                null,
                null);
    }

    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP(3)") LocalDateTime eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens) {
        return eval(
                modelId,
                region,
                asUtc(eventTime),
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens);
    }

    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP(3)") LocalDateTime eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens,
            Long cacheWrite1hTokens) {
        return eval(
                modelId,
                region,
                asUtc(eventTime),
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens,
                cacheWrite1hTokens);
    }

    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP(3)") LocalDateTime eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens,
            Long cacheWrite1hTokens,
            String serviceTier,
            String unit,
            String unitVariant,
            Long unitQuantity) {
        return eval(
                modelId,
                region,
                asUtc(eventTime),
                inputTokens,
                outputTokens,
                cacheReadTokens,
                cacheWriteTokens,
                cacheWrite1hTokens,
                serviceTier,
                unit,
                unitVariant,
                unitQuantity);
    }

    /** Every other variant comes here: a missing tier is standard, a missing unit per token. */
    public @DataTypeHint("DECIMAL(38, 12)") BigDecimal eval(
            String modelId,
            String region,
            @DataTypeHint("TIMESTAMP_LTZ(3)") Instant eventTime,
            Long inputTokens,
            Long outputTokens,
            Long cacheReadTokens,
            Long cacheWriteTokens,
            Long cacheWrite1hTokens,
            String serviceTier,
            String unit,
            String unitVariant,
            Long unitQuantity) {
        if (modelId == null || region == null || eventTime == null) {
            return null;
        }
        long written = orZero(cacheWriteTokens);
        long written1h = orZero(cacheWrite1hTokens);
        if (written1h < 0 || written1h > written) {
            return null;
        }
        TokenCounts tokens =
                new TokenCounts(
                        orZero(inputTokens),
                        orZero(outputTokens),
                        orZero(cacheReadTokens),
                        written - written1h,
                        written1h);
        String tier = serviceTier == null ? ServiceTiers.STANDARD : serviceTier;
        if (ServiceTiers.problem(tier) != null) {
            return null; // e.g. requested:priority: the job leaves such a call unpriced too
        }
        UnitQuantity units =
                unit == null ? null : new UnitQuantity(unit, unitVariant, orZero(unitQuantity));
        PricingResult result =
                catalog().price(modelId, region, eventTime.toEpochMilli(), tokens, tier, units);
        if (!result.isPriced()) {
            return null;
        }
        // Already rounded by CostRounding, as the job's cost_usd is: only the scale is padded to
        // 12.
        return CostRounding.atScale(result.cost().total());
    }

    private static Instant asUtc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static long orZero(Long v) {
        return v == null ? 0L : v;
    }
}
