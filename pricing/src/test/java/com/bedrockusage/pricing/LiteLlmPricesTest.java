package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiteLlmPricesTest {

    private static final Instant FROM = Instant.parse("2023-01-01T00:00:00Z");
    private static final String SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";

    private static Map<String, PriceRow> snapshot;

    @BeforeAll
    static void loadSnapshot() throws IOException {
        try (InputStream in =
                LiteLlmPricesTest.class.getResourceAsStream("litellm_bedrock_prices.json")) {
            assertThat(in)
                    .as("test copy of shared/data/prices/litellm_bedrock_prices.json")
                    .isNotNull();
            snapshot = new LinkedHashMap<>();
            for (PriceRow row : LiteLlmPrices.read(in, "litellm_bedrock_prices.json", FROM)) {
                // base rows by model|region as before; long-context and unit rows by their full id
                assertThat(
                                snapshot.put(
                                        row.isBase()
                                                ? row.modelId() + "|" + row.region()
                                                : row.id(),
                                        row))
                        .isNull();
            }
        }
    }

    private static List<PriceRow> read(String json) {
        return LiteLlmPrices.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", FROM);
    }

    @Test
    void shouldConvertPerTokenCostsToExactPerMillionRates() {
        PriceRow base = snapshot.get(SONNET_45 + "|*");
        PriceRow us = snapshot.get("us." + SONNET_45 + "|*");

        assertThat(base.inputPerMtok()).isEqualTo(new BigDecimal("3"));
        assertThat(base.outputPerMtok()).isEqualTo(new BigDecimal("15"));
        assertThat(base.cacheReadPerMtok()).isEqualTo(new BigDecimal("0.3"));
        assertThat(base.cacheWritePerMtok()).isEqualTo(new BigDecimal("3.75"));
        assertThat(base.cacheWrite1hPerMtok()).isEqualTo(new BigDecimal("6"));
        assertThat(us.inputPerMtok()).isEqualTo(new BigDecimal("3.3"));
        assertThat(us.cacheWritePerMtok()).isEqualTo(new BigDecimal("4.125"));
        assertThat(base.effectiveFrom()).isEqualTo(FROM);
        assertThat(base.origin()).startsWith("litellm_bedrock_prices.json:");
    }

    @Test
    void shouldKeepDigitsThatDoublesWouldLose() {
        List<PriceRow> rows =
                read(
                        "{\"m.x\": {\"litellm_provider\": \"bedrock\","
                                + " \"input_cost_per_token\": 1.0000000000000001e-06, \"output_cost_per_token\": 3.3e-06}}");

        assertThat(rows.get(0).inputPerMtok()).isEqualTo(new BigDecimal("1.0000000000000001"));
        assertThat(rows.get(0).outputPerMtok()).isEqualTo(new BigDecimal("3.3"));
    }

    @Test
    void shouldMakeRegionSpecificRowsFromRegionPathKeys() {
        PriceRow govWest = snapshot.get(SONNET_45 + "|us-gov-west-1");

        assertThat(govWest).isNotNull();
        assertThat(govWest.inputPerMtok()).isEqualByComparingTo("3.6");
        assertThat(snapshot).containsKey("meta.llama3-70b-instruct-v1:0|ap-south-1");
    }

    @Test
    void shouldTakeBothBedrockProviders() {
        assertThat(snapshot.get(SONNET_45 + "|*").origin()).isNotNull(); // bedrock_converse entry
        assertThat(snapshot)
                .containsKey("anthropic.claude-3-haiku-20240307-v1:0|*"); // bedrock entry
    }

    @Test
    void shouldSkipEntriesWithoutPerTokenOrPerUnitPrices() {
        // image sizes/steps are path segments LiteLLM keys carry; only the plain per-image entries
        // are kept
        assertThat(snapshot.keySet()).noneMatch(k -> k.contains("stable-diffusion"));
        assertThat(
                        snapshot.get("amazon.nova-canvas-v1:0|*|2023-01-01T00:00:00Z|unit=image")
                                .usdPerUnit())
                .isEqualByComparingTo("0.06");
        assertThat(snapshot.keySet()).noneMatch(k -> k.equals("cohere.rerank-v3-5:0|*"));
        assertThat(snapshot.keySet()).noneMatch(k -> k.contains("commitment"));
        assertThat(snapshot.keySet()).noneMatch(k -> k.startsWith("twelvelabs.pegasus"));
    }

    @Test
    void shouldSkipShorthandIdsWithoutVendorPrefix() {
        assertThat(snapshot.keySet()).noneMatch(k -> k.startsWith("claude-"));
    }

    @Test
    void shouldPreferPlainKeyOverRoutedDuplicate() {
        // "bedrock/moonshotai.kimi-k2.5" says 3.03 output, the plain key 3.
        assertThat(snapshot.get("moonshotai.kimi-k2.5|*").outputPerMtok())
                .isEqualByComparingTo("3");
        assertThat(
                        read(
                                "{\"bedrock/m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": 2e-06,"
                                        + " \"output_cost_per_token\": 2e-06},"
                                        + " \"m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": 1e-06,"
                                        + " \"output_cost_per_token\": 1e-06},"
                                        + " \"bedrock/invoke/m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": 3e-06,"
                                        + " \"output_cost_per_token\": 3e-06}}"))
                .singleElement()
                .satisfies(r -> assertThat(r.inputPerMtok()).isEqualByComparingTo("1"));
    }

    @Test
    void shouldUseZeroCacheRatesAndFiveMinuteFallbackWhenAbsent() {
        PriceRow row =
                read("{\"m.x\": {\"litellm_provider\": \"bedrock_converse\", \"mode\": \"chat\","
                                + " \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06,"
                                + " \"cache_creation_input_token_cost\": 1.25e-06, \"supported_regions\": [\"us-east-1\"],"
                                + " \"search_context_cost_per_query\": {\"low\": 0.01}}}")
                        .get(0);

        assertThat(row.cacheReadPerMtok()).isEqualByComparingTo("0");
        assertThat(row.cacheWritePerMtok()).isEqualByComparingTo("1.25");
        assertThat(row.cacheWrite1hPerMtokOrNull()).isNull();
        assertThat(row.cacheWrite1hPerMtok()).isEqualByComparingTo("1.25");
    }

    @Test
    void shouldIgnoreOtherProvidersAndMetadata() {
        assertThat(
                        read(
                                "{\"_meta\": {\"x\": [1, 2]}, \"gpt-4o\": {\"litellm_provider\": \"openai\","
                                        + " \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-06},"
                                        + " \"bedrock_mantle/openai.gpt-oss-20b\": {\"litellm_provider\": \"bedrock_mantle\","
                                        + " \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 1e-06}}"))
                .isEmpty();
    }

    @Test
    void shouldRejectMalformedJsonNamingLine() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\n\"m.x\": {\"litellm_provider\": \"bedrock\",\n\"input_cost_per_token\": }\n}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith("t.json:3: invalid JSON");
    }

    @Test
    void shouldRejectNegativeOrNonNumericCostNamingLineAndKey() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\n\"m.x\": {\"litellm_provider\": \"bedrock\",\n"
                                                + "\"input_cost_per_token\": -1e-06, \"output_cost_per_token\": 1e-06}}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("t.json:2: m.x: input_cost_per_token '-1e-06' is negative");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"m.x\": {\"litellm_provider\": \"bedrock\","
                                                + "\"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 1e-06}}"))
                .hasMessage("t.json:1: m.x: input_cost_per_token 'cheap' is not a number");
    }

    @Test
    void shouldLoadPerTokenCostsWithManyDecimalsAndRefuseAbsurdOnesNamingLineAndKey() {
        List<PriceRow> rows =
                read(
                        "{\"m.x\": {\"litellm_provider\": \"bedrock\","
                                + " \"input_cost_per_token\": 2.6666667e-06, \"output_cost_per_token\": 0.0000106666667}}");
        assertThat(rows.get(0).inputPerMtok()).isEqualTo(new BigDecimal("2.6666667"));
        assertThat(rows.get(0).outputPerMtok()).isEqualTo(new BigDecimal("10.6666667"));

        assertThatThrownBy(
                        () ->
                                read(
                                        "{\n\"m.x\": {\"litellm_provider\": \"bedrock\",\n"
                                                + "\"input_cost_per_token\": 1e-40, \"output_cost_per_token\": 1e-06}}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage(
                        "t.json:2: m.x: input_cost_per_token '1e-40' is 1E-34 USD per million tokens,"
                                + " which has more than 18 decimals");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"m.x\": {\"litellm_provider\": \"bedrock\","
                                                + " \"input_cost_per_token\": 1e+2147483647, \"output_cost_per_token\": 1e-06}}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith("t.json:1: m.x: input_cost_per_token '1e+2147483647' is ");
    }

    @Test
    void shouldRejectNonObjectEntries() {
        assertThatThrownBy(() -> read("{\"m.x\": 3}"))
                .hasMessage("t.json:1: entry 'm.x' is not an object");
        assertThatThrownBy(() -> read("[1]"))
                .hasMessage("t.json:1: expected a JSON object at top level");
    }

    @Test
    void shouldRecognizeRegionSegments() {
        assertThat(LiteLlmPrices.isRegion("us-east-1")).isTrue();
        assertThat(LiteLlmPrices.isRegion("us-gov-west-1")).isTrue();
        assertThat(LiteLlmPrices.isRegion("ap-southeast-3")).isTrue();
        assertThat(LiteLlmPrices.isRegion("1-month-commitment")).isFalse();
        assertThat(LiteLlmPrices.isRegion("invoke")).isFalse();
        assertThat(LiteLlmPrices.isRegion("50-steps")).isFalse();
        assertThat(LiteLlmPrices.isRegion("us-east-")).isFalse();
    }

    @Test
    void shouldRejectTextAfterTheTopLevelObject() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": 1e-06,"
                                                + " \"output_cost_per_token\": 2e-06}}\n{\"m.y\": {}}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("t.json:2: unexpected START_OBJECT after the top-level object");
    }

    @Test
    void shouldRejectADuplicateModelKey() {
        String entry =
                "{\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": %s,"
                        + " \"output_cost_per_token\": 2e-06}";
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\n\"m.x\": "
                                                + String.format(entry, "1e-06")
                                                + ",\n\"m.x\": "
                                                + String.format(entry, "9e-06")
                                                + "\n}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith("t.json:3: invalid JSON: Duplicate field 'm.x'");
    }

    @Test
    void shouldRejectAPriceThatIsNotANumberInsteadOfDroppingTheModel() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": true,"
                                                + " \"output_cost_per_token\": 2e-06}}"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("t.json:1: m.x: input_cost_per_token 'true' is not a number");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"m.x\": {\"litellm_provider\": \"bedrock\", \"input_cost_per_token\": 1e-06,"
                                                + " \"output_cost_per_token\": null}}"))
                .hasMessage("t.json:1: m.x: output_cost_per_token 'null' is not a number");
        assertThat(
                        read(
                                "{\"gpt-x\": {\"litellm_provider\": \"openai\", \"input_cost_per_token\": null,"
                                        + " \"output_cost_per_token\": null}}"))
                .as("another provider's gaps are not ours")
                .isEmpty();
    }
}
