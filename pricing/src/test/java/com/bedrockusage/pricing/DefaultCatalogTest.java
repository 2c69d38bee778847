package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCatalogTest {

    private static final String SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final long CALL = millis("2025-11-01T12:00:00Z");

    /**
     * The most input that is still priced at the base rate: long-context rates apply above 200,000.
     */
    private static final TokenCounts BASE_INPUT = new TokenCounts(200_000, 0, 0, 0, 0);

    private final PriceCatalog catalog = PriceCatalog.defaultCatalog();

    @Test
    void shouldPriceUsProfileOfSonnet45AtPremiumRate() {
        PriceRow row = catalog.find("us." + SONNET_45, "us-east-1", CALL);

        assertThat(row.inputPerMtok()).isEqualByComparingTo("3.3");
        assertThat(catalog.price("us." + SONNET_45, "us-east-1", CALL, BASE_INPUT).cost().total())
                .isEqualByComparingTo("0.66");
    }

    @Test
    void shouldPriceInRegionSonnet45AtBaseRate() {
        PriceRow row = catalog.find(SONNET_45, "us-east-1", CALL);

        assertThat(row.inputPerMtok()).isEqualByComparingTo("3");
        assertThat(catalog.price(SONNET_45, "us-east-1", CALL, BASE_INPUT).cost().total())
                .isEqualByComparingTo("0.6");
        assertThat(
                        catalog.price(
                                        "arn:aws:bedrock:us-east-1::foundation-model/" + SONNET_45,
                                        "us-east-1",
                                        CALL,
                                        BASE_INPUT)
                                .cost()
                                .total())
                .isEqualByComparingTo("0.6");
    }

    @Test
    void shouldUseGovCloudRegionalRow() {
        assertThat(catalog.find(SONNET_45, "us-gov-west-1", CALL).inputPerMtok())
                .isEqualByComparingTo("3.6");
    }

    @Test
    void shouldStartEveryDefaultRowIn2023() {
        assertThat(catalog.rows())
                .isNotEmpty()
                .allSatisfy(
                        r ->
                                assertThat(r.effectiveFrom())
                                        .isEqualTo(DefaultPricesGenerator.DEFAULT_EFFECTIVE_FROM));
        assertThat(
                        catalog.price(
                                        SONNET_45,
                                        "us-east-1",
                                        millis("2022-12-31T23:59:59Z"),
                                        BASE_INPUT)
                                .isPriced())
                .isFalse();
    }

    @Test
    void shouldBeCachedAndNameItsSource() {
        assertThat(PriceCatalog.defaultCatalog()).isSameAs(catalog);
        assertThat(catalog.source())
                .contains("default-prices.csv")
                .contains("litellm_bedrock_prices.json")
                .contains("last_updated 2026-07-24");
    }

    @Test
    void shouldMatchWhatTheGeneratorProducesFromTheSnapshot() throws IOException {
        String snapshot = resource("litellm_bedrock_prices.json");
        String shipped = resource("/com/bedrockusage/pricing/default-prices.csv");

        String generated = DefaultPricesGenerator.render(snapshot, LocalDate.of(2000, 1, 1));

        assertThat(dataLines(shipped))
                .as(
                        "default-prices.csv is stale: rerun DefaultPricesGenerator (see its class comment)")
                .isEqualTo(dataLines(generated));
        assertThat(shipped)
                .contains("# source: litellm_bedrock_prices.json")
                .contains("# generated: ");
    }

    private static List<String> dataLines(String csv) {
        List<String> lines = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!PriceCsv.isIgnorable(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DefaultCatalogTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
