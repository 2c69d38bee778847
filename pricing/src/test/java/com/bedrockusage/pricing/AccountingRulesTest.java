package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long-context thresholds, service tiers and per-unit rows: which row prices a call, and what it
 * costs, exactly.
 */
class AccountingRulesTest {

    private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String CANVAS = "amazon.nova-canvas-v1:0";
    private static final long NOW = Instant.parse("2025-11-01T12:00:00Z").toEpochMilli();

    private static final String CSV =
            PriceCsv.HEADER
                    + ",above_input_tokens,service_tier,unit,usd_per_unit,unit_variant\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,3,15,0.3,3.75,6,,,,,\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,6,22.5,0.6,7.5,12,200000,,,,\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,3.75,18.75,0.375,4.6875,,,priority,,,\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,2.4,12,0.24,3,,,latency-optimized,,,\n"
                    + CANVAS
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,image,0.04,standard-1024x1024\n"
                    + CANVAS
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,image,0.08,premium-1024x1024\n"
                    + "stability.sd3-large-v1:0,*,2024-01-01T00:00:00Z,0,0,0,0,,,,image,0.08,\n"
                    + "amazon.nova-reel-v1:0,*,2024-01-01T00:00:00Z,0,0,0,0,,,,second,0.08,\n"
                    + "cohere.rerank-v3-5:0,*,2024-01-01T00:00:00Z,0,0,0,0,,,,query,0.002,\n";

    private static final PriceCatalog CATALOG =
            PriceCatalog.of(PriceCsv.read(new StringReader(CSV), "rules.csv"));

    private static PricingResult sonnet(long input, long cacheRead, long cacheWrite, String tier) {
        return CATALOG.price(
                SONNET,
                "us-east-1",
                NOW,
                new TokenCounts(input, 1_000, cacheRead, cacheWrite, 0),
                tier,
                null);
    }

    private static PricingResult units(String model, String unit, String variant, long quantity) {
        return CATALOG.price(
                model,
                "us-east-1",
                NOW,
                TokenCounts.ZERO,
                null,
                new UnitQuantity(unit, variant, quantity));
    }

    /** A file of the eight base columns and {@code moreColumns} (",a,b" or ""), with one row. */
    private static List<PriceRow> read(String fileName, String moreColumns, String row) {
        return PriceCsv.read(
                new StringReader(PriceCsv.HEADER + moreColumns + "\n" + row + "\n"), fileName);
    }

    @Test
    void shouldPriceAtBaseRateAtExactlyTheThreshold() {
        PricingResult r = sonnet(150_000, 40_000, 10_000, null); // input total 200,000: not above

        assertThat(r.rule()).isEqualTo(PricingRules.BASE);
        assertThat(r.cost().row().id()).isEqualTo(SONNET + "|*|2024-01-01T00:00:00Z");
        // 150000*3 + 1000*15 + 40000*0.3 + 10000*3.75 = 450000+15000+12000+37500 = 514500 micro-USD
        assertThat(r.cost().total()).isEqualByComparingTo("0.5145");
    }

    @Test
    void shouldPriceTheWholeRequestAtLongContextRatesOneTokenAboveIt() {
        PricingResult r =
                sonnet(150_000, 40_001, 10_000, null); // cache reads count toward the threshold

        assertThat(r.rule()).isEqualTo(PricingRules.LONG_CONTEXT);
        assertThat(r.cost().row().id()).isEqualTo(SONNET + "|*|2024-01-01T00:00:00Z|above=200000");
        // 150000*6 + 1000*22.5 + 40001*0.6 + 10000*7.5 = 900000+22500+24000.6+75000 = 1021500.6
        // micro-USD
        assertThat(r.cost().total()).isEqualByComparingTo("1.0215006");
    }

    @Test
    void shouldLetTheHighestApplicableThresholdWin() {
        PriceCatalog tiers =
                CATALOG.upsert(
                        read(
                                "more.csv",
                                ",above_input_tokens",
                                SONNET + ",*,2024-01-01T00:00:00Z,9,30,0.9,9,,500000"));

        assertThat(
                        tiers.price(SONNET, "us-east-1", NOW, new TokenCounts(300_000, 0, 0, 0, 0))
                                .rule())
                .isEqualTo(PricingRules.LONG_CONTEXT);
        assertThat(
                        tiers.price(SONNET, "us-east-1", NOW, new TokenCounts(300_000, 0, 0, 0, 0))
                                .cost()
                                .total())
                .isEqualByComparingTo("1.8");
        assertThat(
                        tiers.price(SONNET, "us-east-1", NOW, new TokenCounts(500_001, 0, 0, 0, 0))
                                .cost()
                                .total())
                .isEqualByComparingTo("4.500009");
    }

    @Test
    void shouldPriceAServiceTierOnlyFromItsOwnRows() {
        PricingResult priority = sonnet(1_000, 0, 0, ServiceTiers.PRIORITY);
        PricingResult optimized = sonnet(1_000, 0, 0, ServiceTiers.LATENCY_OPTIMIZED);
        PricingResult flex = sonnet(1_000, 0, 0, ServiceTiers.FLEX);

        assertThat(priority.rule()).isEqualTo(PricingRules.SERVICE_TIER);
        assertThat(priority.cost().total())
                .isEqualByComparingTo("0.0225"); // 1000*3.75 + 1000*18.75
        assertThat(priority.cost().row().id()).endsWith("|tier=priority");
        assertThat(optimized.cost().total()).isEqualByComparingTo("0.0144"); // 1000*2.4 + 1000*12
        assertThat(flex.isPriced()).isFalse();
        assertThat(flex.rule()).isEqualTo(PricingRules.NO_PRICE_FOR_TIER);
    }

    @Test
    void shouldNotApplyAnotherTiersLongContextRow() {
        PricingResult r =
                sonnet(300_000, 0, 0, ServiceTiers.PRIORITY); // priority has no long-context row

        assertThat(r.cost().row().aboveInputTokens()).isZero();
        assertThat(r.cost().total()).isEqualByComparingTo("1.14375"); // 300000*3.75 + 1000*18.75
    }

    @Test
    void shouldPriceImagesByVariantOrByAnAnyVariantRow() {
        PricingResult premium = units(CANVAS, PriceUnits.IMAGE, "premium-1024x1024", 3);
        PricingResult otherSize = units(CANVAS, PriceUnits.IMAGE, "standard-2048x2048", 1);
        PricingResult sd3 = units("stability.sd3-large-v1:0", PriceUnits.IMAGE, "", 1);

        assertThat(premium.rule()).isEqualTo(PricingRules.UNIT);
        assertThat(premium.cost().total()).isEqualByComparingTo("0.24");
        assertThat(premium.cost().units()).isEqualByComparingTo("0.24");
        assertThat(premium.cost().unitQuantity()).isEqualTo(3);
        assertThat(premium.cost().row().id()).endsWith("|unit=image:premium-1024x1024");
        assertThat(otherSize.isPriced()).isFalse();
        assertThat(otherSize.rule()).isEqualTo(PricingRules.NO_PRICE_FOR_UNIT);
        assertThat(sd3.cost().total()).isEqualByComparingTo("0.08");
    }

    @Test
    void shouldPriceVideoSecondsAndRerankQueries() {
        assertThat(units("amazon.nova-reel-v1:0", PriceUnits.SECOND, "", 6).cost().total())
                .isEqualByComparingTo("0.48");
        assertThat(units("cohere.rerank-v3-5:0", PriceUnits.QUERY, "", 2).cost().total())
                .isEqualByComparingTo("0.004");
    }

    @Test
    void shouldLeaveAUnitModelUnpricedWhenTheLogHasNoQuantity() {
        PricingResult r =
                CATALOG.price(
                        "cohere.rerank-v3-5:0", "us-east-1", NOW, new TokenCounts(10, 0, 0, 0, 0));

        assertThat(r.isPriced()).isFalse();
        assertThat(r.rule()).isEqualTo(PricingRules.NO_UNIT_QUANTITY);
    }

    @Test
    void shouldLoadAnEightColumnFileUnchanged() {
        List<PriceRow> rows =
                read("old.csv", "", SONNET + ",*,2024-01-01T00:00:00Z,3,15,0.3,3.75,6");

        assertThat(rows.get(0).isBase()).isTrue();
        assertThat(rows.get(0).id()).isEqualTo(SONNET + "|*|2024-01-01T00:00:00Z");
        assertThat(PriceCsv.toCsvLine(rows.get(0)))
                .isEqualTo(SONNET + ",*,2024-01-01T00:00:00Z,3,15,0.3,3.75,6");
    }

    @Test
    void shouldRecogniseOptionalColumnsByNameInAnyOrder() {
        List<PriceRow> rows =
                read(
                        "reordered.csv",
                        ",unit,usd_per_unit,service_tier",
                        CANVAS + ",*,2024-01-01T00:00:00Z,0,0,0,0,,image,0.05,flex");

        assertThat(rows.get(0).unit()).isEqualTo(PriceUnits.IMAGE);
        assertThat(rows.get(0).usdPerUnit()).isEqualByComparingTo("0.05");
        assertThat(rows.get(0).serviceTier()).isEqualTo("flex");
        assertThat(PriceCsv.parseLine(PriceCsv.toCsvLine(rows.get(0)), "state", 1))
                .isEqualTo(rows.get(0));
    }

    @Test
    void shouldRefuseBadOptionalValuesWithFileAndLine() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "bad.csv",
                                        ",above_input_tokens",
                                        SONNET + ",*,2024-01-01T00:00:00Z,3,15,0.3,3.75,6,-1"))
                .hasMessageStartingWith("bad.csv:2: above_input_tokens");
        assertThatThrownBy(
                        () ->
                                read(
                                        "bad.csv",
                                        ",unit,usd_per_unit",
                                        CANVAS + ",*,2024-01-01T00:00:00Z,0,0,0,0,,frame,1"))
                .hasMessageStartingWith("bad.csv:2: unit 'frame'");
        assertThatThrownBy(
                        () ->
                                read(
                                        "bad.csv",
                                        ",unit,usd_per_unit",
                                        CANVAS + ",*,2024-01-01T00:00:00Z,0,0,0,0,,image,2000000"))
                .hasMessageContaining("usd_per_unit '2000000' is more than");
        assertThatThrownBy(
                        () ->
                                PriceCsv.read(
                                        new StringReader(
                                                PriceCsv.HEADER + ",service_tier,service_tier\n"),
                                        "bad.csv"))
                .hasMessageContaining("repeated");
    }

    @Test
    void shouldTakeLongContextRowsFromTheLiteLlmSnapshot() {
        PriceCatalog defaults = PriceCatalog.defaultCatalog();

        PricingResult r =
                defaults.price(SONNET, "us-east-1", NOW, new TokenCounts(200_001, 0, 0, 0, 0));

        assertThat(r.rule()).isEqualTo(PricingRules.LONG_CONTEXT);
        assertThat(r.cost().total()).isEqualByComparingTo("1.200006");
        assertThat(
                        defaults.price(
                                        "cohere.rerank-v3-5:0",
                                        "us-east-1",
                                        NOW,
                                        TokenCounts.ZERO,
                                        null,
                                        new UnitQuantity(PriceUnits.QUERY, "", 1))
                                .cost()
                                .total())
                .isEqualByComparingTo("0.002");
    }
}
