package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rows of the built-in catalogue whose rates were corrected against AWS's published Bedrock
 * prices (docs/pricing.md, "Corrections to the source catalogue"), each with the rates it must
 * carry: model, region, input, output, cache read, 5-minute and 1-hour cache write, USD per million
 * tokens.
 */
class CatalogueCorrectionsTest {

    static final List<String> CORRECTED =
            List.of(
                    "apac.anthropic.claude-haiku-4-5-20251001-v1:0,*,1.1,5.5,0.11,1.375,2.2",
                    "apac.anthropic.claude-sonnet-4-5-20250929-v1:0,*,3.3,16.5,0.33,4.125,6.6",
                    "eu.anthropic.claude-opus-4-5-20251101-v1:0,*,5.5,27.5,0.55,6.875,11",
                    "jp.anthropic.claude-opus-4-7,*,5.5,27.5,0.55,6.875,11",
                    "amazon.nova-lite-v1:0,*,0.06,0.24,0.015,0,",
                    "amazon.nova-micro-v1:0,*,0.035,0.14,0.00875,0,",
                    "amazon.nova-pro-v1:0,*,0.8,3.2,0.2,0,",
                    "amazon.nova-pro-v1:0,us-gov-east-1,0.96,3.84,0.24,0,",
                    "amazon.nova-pro-v1:0,us-gov-west-1,0.96,3.84,0.24,0,",
                    "apac.amazon.nova-lite-v1:0,*,0.063,0.252,0.01575,0,",
                    "apac.amazon.nova-micro-v1:0,*,0.037,0.148,0.00925,0,",
                    "apac.amazon.nova-pro-v1:0,*,0.84,3.36,0.21,0,",
                    "eu.amazon.nova-lite-v1:0,*,0.078,0.312,0.0195,0,",
                    "eu.amazon.nova-micro-v1:0,*,0.046,0.184,0.0115,0,",
                    "eu.amazon.nova-pro-v1:0,*,1.05,4.2,0.2625,0,",
                    "us.amazon.nova-lite-v1:0,*,0.06,0.24,0.015,0,",
                    "us.amazon.nova-micro-v1:0,*,0.035,0.14,0.00875,0,",
                    "us.amazon.nova-premier-v1:0,*,2.5,12.5,0.625,0,",
                    "us.amazon.nova-pro-v1:0,*,0.8,3.2,0.2,0,");

    private static final long CALL = millis("2026-11-01T12:00:00Z");
    private final PriceCatalog catalog = PriceCatalog.defaultCatalog();

    @Test
    void shouldShipEveryCorrectedRowWithItsRates() {
        for (String expected : CORRECTED) {
            String[] f = expected.split(",", -1);
            PriceRow row =
                    catalog.rows().stream()
                            .filter(r -> r.modelId().equals(f[0]) && r.region().equals(f[1]))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no row " + f[0] + " " + f[1]));
            assertThat(row.inputPerMtok()).as(expected + " input").isEqualByComparingTo(f[2]);
            assertThat(row.outputPerMtok()).as(expected + " output").isEqualByComparingTo(f[3]);
            assertThat(row.cacheReadPerMtok())
                    .as(expected + " cache read")
                    .isEqualByComparingTo(f[4]);
            assertThat(row.cacheWritePerMtok())
                    .as(expected + " cache write")
                    .isEqualByComparingTo(f[5]);
            if (f[6].isEmpty()) {
                assertThat(row.cacheWrite1hPerMtokOrNull())
                        .as(expected + " 1h cache write")
                        .isNull();
            } else {
                assertThat(row.cacheWrite1hPerMtok())
                        .as(expected + " 1h cache write")
                        .isEqualByComparingTo(f[6]);
            }
        }
    }

    @Test
    void shouldListExactlyTheRowsOfTheCorrectionsFile() {
        List<String> inFile =
                DefaultPricesGenerator.corrections().stream()
                        .map(r -> r.modelId() + "," + r.region())
                        .sorted()
                        .collect(Collectors.toList());
        List<String> listed =
                CORRECTED.stream()
                        .map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
                        .sorted()
                        .collect(Collectors.toList());
        assertThat(listed).isEqualTo(inFile);
    }

    @Test
    void shouldPriceApacSonnet45WithTheGeoPremiumAndOneHourWrites() {
        TokenCounts tokens = new TokenCounts(1_000_000, 0, 0, 0, 1_000_000);
        assertThat(
                        catalog.price(
                                        "apac.anthropic.claude-sonnet-4-5-20250929-v1:0",
                                        "ap-southeast-2",
                                        CALL,
                                        tokens)
                                .cost()
                                .total())
                .isEqualByComparingTo("9.9");
        assertThat(
                        catalog.price(
                                        "apac.anthropic.claude-haiku-4-5-20251001-v1:0",
                                        "ap-northeast-1",
                                        CALL,
                                        tokens)
                                .cost()
                                .total())
                .isEqualByComparingTo("3.3");
    }

    @Test
    void shouldChargeNovaCacheReadsAQuarterOfTheInputRate() {
        TokenCounts cacheRead = new TokenCounts(0, 0, 1_000_000, 0, 0);
        assertThat(
                        catalog.price("us.amazon.nova-pro-v1:0", "us-east-1", CALL, cacheRead)
                                .cost()
                                .total())
                .isEqualByComparingTo("0.2");
    }
}
