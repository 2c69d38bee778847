package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BedrockCostTest {

    private static final String SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final Instant T = Instant.parse("2026-11-03T10:15:00Z");

    private final BedrockCost cost = new BedrockCost();

    @Test
    void shouldPriceEveryComponentWithTheOneHourPartOfCacheWritesAtTheOneHourRate() {
        // default catalogue, sonnet 4.5 in any commercial region: 3 / 15 / 0.3 / 3.75 (5m) / 6 (1h)
        // USD per Mtok
        BigDecimal usd = cost.eval(SONNET_45, "us-east-1", T, 1000L, 500L, 2000L, 1000L, 400L);

        // 0.003 + 0.0075 + 0.0006 + 600 x 3.75e-6 + 400 x 6e-6
        assertThat(usd).isEqualTo(new BigDecimal("0.015750000000"));
    }

    @Test
    void shouldPriceAllCacheWritesAtTheFiveMinuteRateWithoutTheOneHourArgument() {
        BigDecimal usd = cost.eval(SONNET_45, "us-east-1", T, 0L, 0L, 0L, 1000L);

        assertThat(usd).isEqualTo(new BigDecimal("0.003750000000"));
    }

    @Test
    void shouldPriceTheAccountingVariantWithTierThresholdAndUnits() {
        assertThat(accounting(SONNET_45, 200_001L, null, null, null, null))
                .isEqualByComparingTo("1.200006"); // above 200,000: the whole call at 6 per million
        assertThat(cost.eval(SONNET_45, "us-east-1", T, 200_001L, 0L, 0L, 0L))
                .isEqualByComparingTo("1.200006");
        assertThat(accounting(SONNET_45, 1_000L, "flex", null, null, null)).isNull();
        assertThat(accounting(SONNET_45, 1_000L, "requested:priority", null, null, null)).isNull();
        assertThat(accounting("cohere.rerank-v3-5:0", 0L, "standard", "query", "", 3L))
                .isEqualByComparingTo("0.006");
        assertThat(
                        accounting(
                                "stability.sd3-large-v1:0",
                                0L,
                                null,
                                "image",
                                "standard-1024x1024",
                                2L))
                .isEqualByComparingTo("0.16");
        assertThat(cost.eval("cohere.rerank-v3-5:0", "us-east-1", T, 10L, 0L, 0L, 0L))
                .isNull(); // no quantity
    }

    private BigDecimal accounting(
            String modelId,
            long inputTokens,
            String serviceTier,
            String unit,
            String unitVariant,
            Long unitQuantity) {
        return cost.eval(
                modelId,
                "us-east-1",
                T,
                inputTokens,
                0L,
                0L,
                0L,
                0L,
                serviceTier,
                unit,
                unitVariant,
                unitQuantity);
    }

    @Test
    void shouldUseRegionalPricesAndResolveProfilesAndArns() {
        // 200,000 input tokens: the most the base rate prices (long-context rates apply above)
        assertThat(cost.eval(SONNET_45, "us-gov-west-1", T, 200_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("0.72");
        assertThat(cost.eval("eu." + SONNET_45, "eu-west-1", T, 200_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("0.66");
        assertThat(
                        cost.eval(
                                "arn:aws:bedrock:us-east-1::foundation-model/" + SONNET_45,
                                "us-east-1",
                                T,
                                0L,
                                1_000_000L,
                                0L,
                                0L))
                .isEqualByComparingTo("15");
    }

    @Test
    void shouldReadTimestampWithoutZoneAsUtc() {
        LocalDateTime wallClock = LocalDateTime.of(2026, 11, 3, 10, 15);

        assertThat(cost.eval(SONNET_45, "us-east-1", wallClock, 1000L, 500L, 2000L, 1000L, 400L))
                .isEqualTo(cost.eval(SONNET_45, "us-east-1", T, 1000L, 500L, 2000L, 1000L, 400L));
    }

    @Test
    void shouldCountNullTokenCountsAsZero() {
        assertThat(cost.eval(SONNET_45, "us-east-1", T, 1000L, null, null, null, null))
                .isEqualTo(new BigDecimal("0.003000000000"));
    }

    @Test
    void shouldReturnNullForUnknownModelsNullKeysAndMalformedCounts() {
        assertThat(cost.eval("acme.unknown-model-v1", "us-east-1", T, 1L, 1L, 0L, 0L)).isNull();
        assertThat(cost.eval(null, "us-east-1", T, 1L, 1L, 0L, 0L)).isNull();
        assertThat(cost.eval(SONNET_45, null, T, 1L, 1L, 0L, 0L)).isNull();
        assertThat(cost.eval(SONNET_45, "us-east-1", (Instant) null, 1L, 1L, 0L, 0L)).isNull();
        assertThat(cost.eval(SONNET_45, "us-east-1", (LocalDateTime) null, 1L, 1L, 0L, 0L))
                .isNull();
        assertThat(cost.eval(SONNET_45, "us-east-1", T, -5L, 1L, 0L, 0L)).isNull();
        assertThat(cost.eval(SONNET_45, "us-east-1", T, 0L, 0L, 0L, 100L, 101L)).isNull();
        assertThat(cost.eval(SONNET_45, "us-east-1", T, 0L, 0L, 0L, 100L, -1L)).isNull();
    }

    @Test
    void shouldUseTheCatalogueGivenToTheConstructor(@TempDir Path dir) throws IOException {
        Path csv =
                PriceFiles.write(
                        dir.resolve("prices.csv"), "acme.model-v1,*,2026-01-01T00:00:00Z,2,4,0,0,");
        BedrockCost custom = new BedrockCost(csv.toUri().toString());

        assertThat(custom.eval("acme.model-v1", "us-east-1", T, 1_000_000L, 500_000L, 0L, 0L))
                .isEqualByComparingTo("4");
        assertThat(
                        custom.eval(
                                "acme.model-v1",
                                "us-east-1",
                                Instant.parse("2025-12-31T23:59:59Z"),
                                1L,
                                1L,
                                0L,
                                0L))
                .as("before the row's effective_from")
                .isNull();
        assertThat(custom.eval(SONNET_45, "us-east-1", T, 1L, 1L, 0L, 0L))
                .as("not in this catalogue")
                .isNull();
    }

    @Test
    void shouldRoundTheCallsExactCostHalfEvenToTwelveDecimalsAsTheJobDoes(@TempDir Path dir)
            throws IOException {
        Path csv =
                PriceFiles.write(
                        dir.resolve("prices.csv"),
                        "acme.model-v1,*,2026-01-01T00:00:00Z,2.6666667,2.6666667,0.0000005,0,");
        BedrockCost custom = new BedrockCost(csv.toUri().toString());

        // The exact cost 0.0000026666667 + 0.0000026666667 = 0.0000053333334 is rounded once, like
        // cost_usd.
        // (Rounding each part first would give ...334.)
        assertThat(custom.eval("acme.model-v1", "us-east-1", T, 1L, 1L, 0L, 0L))
                .isEqualTo(new BigDecimal("0.000005333333"));
        // 0.0000000000005: an exact half, rounded to the even neighbour 0
        assertThat(custom.eval("acme.model-v1", "us-east-1", T, 0L, 0L, 1L, 0L))
                .isEqualByComparingTo("0");
    }
}
