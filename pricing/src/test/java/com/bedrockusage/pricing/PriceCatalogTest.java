package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.HAIKU;
import static com.bedrockusage.pricing.Rows.millis;
import static com.bedrockusage.pricing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceCatalogTest {

    private static final String T0 = "2024-01-01T00:00:00Z";
    private static final long NOW = millis("2025-06-01T00:00:00Z");
    private static final TokenCounts MILLION_IN = new TokenCounts(1_000_000, 0, 0, 0, 0);
    private static final String APP_PROFILE =
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";

    private static final PriceCatalog CATALOG =
            PriceCatalog.of(
                    Arrays.asList(
                            row(HAIKU, "*", T0, "0.25", "1.25"),
                            row("us." + HAIKU, "*", T0, "0.275", "1.375"),
                            row("m.timed", "*", "2024-01-01T00:00:00Z", "1", "1"),
                            row("m.timed", "*", "2025-01-01T00:00:00Z", "2", "2"),
                            row("m.timed", "*", "2025-07-01T00:00:00Z", "3", "3"),
                            row("m.timed", "eu-west-1", "2024-06-01T00:00:00Z", "10", "10"),
                            row("m.regional", "us-gov-west-1", T0, "5", "5")));

    private static String priceOf(PriceCatalog catalog, String model, String region, long at) {
        return catalog.price(model, region, at, MILLION_IN)
                .cost()
                .input()
                .stripTrailingZeros()
                .toPlainString();
    }

    @Test
    void shouldPreferExactRowForProfileIdOverBaseModel() {
        assertThat(CATALOG.resolveModel("us." + HAIKU)).isEqualTo("us." + HAIKU);
        assertThat(priceOf(CATALOG, "us." + HAIKU, "us-east-1", NOW)).isEqualTo("0.275");
    }

    @Test
    void shouldFallBackToBaseModelWhenProfileHasNoRow() {
        assertThat(CATALOG.resolveModel("eu." + HAIKU)).isEqualTo(HAIKU);
        assertThat(CATALOG.resolveModel("apac." + HAIKU)).isEqualTo(HAIKU);
        assertThat(priceOf(CATALOG, "eu." + HAIKU, "eu-west-1", NOW)).isEqualTo("0.25");
    }

    @Test
    void shouldResolveFoundationModelArn() {
        String arn = "arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU;

        assertThat(CATALOG.resolveModel(arn)).isEqualTo(HAIKU);
        assertThat(priceOf(CATALOG, arn, "us-east-1", NOW)).isEqualTo("0.25");
    }

    @Test
    void shouldResolveInferenceProfileArnToProfileRowThenBaseModel() {
        String usArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us." + HAIKU;
        String euArn = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu." + HAIKU;

        assertThat(CATALOG.resolveModel(usArn)).isEqualTo("us." + HAIKU);
        assertThat(CATALOG.resolveModel(euArn)).isEqualTo(HAIKU);
    }

    @Test
    void shouldNotGuessApplicationInferenceProfile() {
        PricingResult result = CATALOG.price(APP_PROFILE, "us-east-1", NOW, MILLION_IN);

        assertThat(CATALOG.resolveModel(APP_PROFILE)).isNull();
        assertThat(result.isPriced()).isFalse();
        assertThat(result.cost()).isNull();
        assertThat(result.resolvedModel()).isNull();
        assertThat(result.unpricedReason()).contains(APP_PROFILE).contains("no price row or alias");
    }

    @Test
    void shouldPriceApplicationInferenceProfileViaAlias() {
        Map<String, String> aliases = new HashMap<>();
        aliases.put(APP_PROFILE, "us." + HAIKU);
        PriceCatalog withAlias = CATALOG.withAliases(aliases);

        assertThat(withAlias.resolveModel(APP_PROFILE)).isEqualTo("us." + HAIKU);
        assertThat(priceOf(withAlias, APP_PROFILE, "us-east-1", NOW)).isEqualTo("0.275");
        assertThat(CATALOG.resolveModel(APP_PROFILE)).as("original is unchanged").isNull();
    }

    @Test
    void shouldResolveAliasByTrailingProfileIdAndThroughArnAndPrefix() {
        PriceCatalog withAlias =
                CATALOG.withAliases(
                        Collections.singletonMap(
                                "a1b2c3d4e5f6",
                                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu."
                                        + HAIKU));

        assertThat(withAlias.resolveModel(APP_PROFILE)).isEqualTo(HAIKU);
    }

    @Test
    void shouldPriceApplicationInferenceProfileViaExplicitRow() {
        PriceCatalog catalog =
                CATALOG.upsert(Collections.singletonList(row(APP_PROFILE, "*", T0, "7", "7")));

        assertThat(priceOf(catalog, APP_PROFILE, "us-east-1", NOW)).isEqualTo("7");
    }

    @Test
    void shouldExplainAliasWhoseTargetIsUnknown() {
        PriceCatalog withAlias =
                CATALOG.withAliases(Collections.singletonMap(APP_PROFILE, "acme.unknown-v1"));

        PricingResult result = withAlias.price(APP_PROFILE, "us-east-1", NOW, MILLION_IN);

        assertThat(result.isPriced()).isFalse();
        assertThat(result.unpricedReason()).contains("alias").contains("acme.unknown-v1");
    }

    @Test
    void shouldRejectEmptyAlias() {
        assertThatThrownBy(() -> CATALOG.withAliases(Collections.singletonMap(" ", HAIKU)))
                .isInstanceOf(PriceCatalogException.class);
    }

    @Test
    void shouldReturnUnpricedForUnknownModelNeverZero() {
        PricingResult result = CATALOG.price("acme.unknown-v1", "us-east-1", NOW, MILLION_IN);

        assertThat(result.isPriced()).isFalse();
        assertThat(result.cost()).isNull();
        assertThat(result.unpricedReason()).isEqualTo("no price for model acme.unknown-v1");
        assertThat(CATALOG.find("acme.unknown-v1", "us-east-1", NOW)).isNull();
    }

    @Test
    void shouldReturnUnpricedForMissingModelId() {
        assertThat(CATALOG.price(null, "us-east-1", NOW, MILLION_IN).unpricedReason())
                .isEqualTo("no model id");
        assertThat(CATALOG.price("", "us-east-1", NOW, MILLION_IN).isPriced()).isFalse();
        assertThat(CATALOG.resolveModel(null)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2024-12-31T23:59:59.999Z, 1",
        "2025-01-01T00:00:00Z, 2",
        "2025-06-30T00:00:00Z, 2",
        "2030-01-01T00:00:00Z, 3"
    })
    void shouldPickRowWithGreatestEffectiveFromNotAfterCallTime(String at, String price) {
        assertThat(priceOf(CATALOG, "m.timed", "us-east-1", millis(at))).isEqualTo(price);
    }

    @Test
    void shouldPreferRegionSpecificRowWhenItExistsAtCallTime() {
        assertThat(priceOf(CATALOG, "m.timed", "eu-west-1", millis("2025-03-01T00:00:00Z")))
                .isEqualTo("10");
        assertThat(priceOf(CATALOG, "m.timed", "eu-west-1", millis("2030-01-01T00:00:00Z")))
                .as("an older regional row still beats a newer * row")
                .isEqualTo("10");
        assertThat(CATALOG.find("m.timed", "eu-west-1", millis("2025-03-01T00:00:00Z")).region())
                .isEqualTo("eu-west-1");
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
        "eu-west-1, 2024-03-01T00:00:00Z, 1",
        "us-west-2, 2025-03-01T00:00:00Z, 2",
        "         , 2025-03-01T00:00:00Z, 2"
    })
    void shouldUseAnyRegionRowBeforeRegionalRowStartsOrForOtherRegions(
            String region, String at, String price) {
        assertThat(priceOf(CATALOG, "m.timed", region, millis(at))).isEqualTo(price);
    }

    @Test
    void shouldReturnUnpricedBeforeFirstEffectiveFrom() {
        PricingResult result =
                CATALOG.price("m.timed", "us-east-1", millis("2023-12-31T23:59:59Z"), MILLION_IN);

        assertThat(result.isPriced()).isFalse();
        assertThat(result.resolvedModel()).isEqualTo("m.timed");
        assertThat(result.unpricedReason())
                .isEqualTo(
                        "no price for m.timed in region us-east-1 at 2023-12-31T23:59:59Z:"
                                + " earliest effective_from is 2024-01-01T00:00:00Z");
        assertThat(CATALOG.find("m.timed", "us-east-1", millis("2023-12-31T23:59:59Z"))).isNull();
    }

    @Test
    void shouldReturnUnpricedForRegionWithoutRows() {
        PricingResult result = CATALOG.price("m.regional", "us-east-1", NOW, MILLION_IN);

        assertThat(result.isPriced()).isFalse();
        assertThat(result.unpricedReason())
                .isEqualTo(
                        "no price for m.regional in region us-east-1"
                                + " (priced only in [us-gov-west-1])");
        assertThat(priceOf(CATALOG, "m.regional", "us-gov-west-1", NOW)).isEqualTo("5");
    }

    @Test
    void shouldReturnUnpricedForNegativeTokenCounts() {
        PricingResult result =
                CATALOG.price(HAIKU, "us-east-1", NOW, new TokenCounts(-1, 0, 0, 0, 0));

        assertThat(result.isPriced()).isFalse();
        assertThat(result.unpricedReason()).startsWith("negative count");
        assertThat(result.rule()).isEqualTo(PricingRules.INVALID_QUANTITY);
    }

    @Test
    void shouldReturnBreakdownAndRowUsed() {
        PricingResult result =
                CATALOG.price(
                        "us." + HAIKU, "us-east-1", NOW, new TokenCounts(2000, 1000, 0, 0, 0));

        assertThat(result.isPriced()).isTrue();
        assertThat(result.unpricedReason()).isNull();
        assertThat(result.resolvedModel()).isEqualTo("us." + HAIKU);
        assertThat(result.cost().input()).isEqualByComparingTo("0.00055");
        assertThat(result.cost().output()).isEqualByComparingTo("0.001375");
        assertThat(result.cost().total()).isEqualByComparingTo("0.001925");
        assertThat(result.cost().row().id()).isEqualTo("us." + HAIKU + "|*|2024-01-01T00:00:00Z");
    }

    @Test
    void shouldRejectDuplicateKeysNamingOrigins() {
        PriceRow a = row(HAIKU, "*", T0, "1", "1").withOrigin("a.csv:3");
        PriceRow b = row(HAIKU, "*", T0, "2", "2").withOrigin("b.csv:9");

        assertThatThrownBy(() -> PriceCatalog.of(Arrays.asList(a, b)))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage(
                        "b.csv:9: duplicate key "
                                + HAIKU
                                + "|*|2024-01-01T00:00:00Z (first defined at a.csv:3)");
    }

    @Test
    void shouldUpsertIntoANewCatalogReplacingSameKey() {
        PriceCatalog updated =
                CATALOG.upsert(
                        Arrays.asList(
                                row(HAIKU, "*", T0, "0.3", "1.5"),
                                row(HAIKU, "*", "2025-05-01T00:00:00Z", "0.2", "1"),
                                row("m.new", "*", T0, "4", "4")));

        assertThat(priceOf(updated, HAIKU, "us-east-1", millis("2025-01-01T00:00:00Z")))
                .isEqualTo("0.3");
        assertThat(priceOf(updated, HAIKU, "us-east-1", NOW)).isEqualTo("0.2");
        assertThat(priceOf(updated, "m.new", "us-east-1", NOW)).isEqualTo("4");
        assertThat(updated.rows()).hasSize(CATALOG.rows().size() + 2);
        assertThat(priceOf(CATALOG, HAIKU, "us-east-1", NOW))
                .as("original is unchanged")
                .isEqualTo("0.25");
        assertThat(updated.source()).endsWith("+ 3 upserted rows");
        assertThat(
                        updated.upsert(Collections.singletonList(row("m.x", "*", T0, "1", "1")))
                                .source())
                .endsWith("+ 4 upserted rows");
    }

    @Test
    void shouldBeIdempotentAndKeepAliasesOnUpsert() {
        List<PriceRow> batch =
                Arrays.asList(row(HAIKU, "*", T0, "0.3", "1.5"), row(HAIKU, "*", T0, "0.3", "1.5"));
        PriceCatalog aliased = CATALOG.withAliases(Collections.singletonMap(APP_PROFILE, HAIKU));

        PriceCatalog once = aliased.upsert(batch);
        PriceCatalog twice = once.upsert(batch);

        assertThat(twice.rows()).isEqualTo(once.rows());
        assertThat(twice.resolveModel(APP_PROFILE)).isEqualTo(HAIKU);
    }

    @Test
    void shouldRejectConflictingRowsInOneUpsert() {
        assertThatThrownBy(
                        () ->
                                CATALOG.upsert(
                                        Arrays.asList(
                                                row(HAIKU, "*", T0, "0.3", "1.5"),
                                                row(HAIKU, "*", T0, "0.4", "1.5"))))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageContaining("conflicting rows for key " + HAIKU);
    }

    @Test
    void shouldListRowsSortedByModelRegionAndTime() {
        List<PriceRow> rows = CATALOG.rows();

        assertThat(rows)
                .extracting(PriceRow::id)
                .containsExactly(
                        HAIKU + "|*|2024-01-01T00:00:00Z",
                        "m.regional|us-gov-west-1|2024-01-01T00:00:00Z",
                        "m.timed|*|2024-01-01T00:00:00Z",
                        "m.timed|*|2025-01-01T00:00:00Z",
                        "m.timed|*|2025-07-01T00:00:00Z",
                        "m.timed|eu-west-1|2024-06-01T00:00:00Z",
                        "us." + HAIKU + "|*|2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> rows.add(row("m.x", "*", T0, "1", "1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldLoadCsvFileAndNameItAsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.write(
                file,
                Arrays.asList(
                        PriceCsv.HEADER, HAIKU + ",*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,"),
                StandardCharsets.UTF_8);

        PriceCatalog catalog = PriceCatalog.load(file);

        assertThat(catalog.source()).contains(file.toString()).contains("1 rows");
        assertThat(catalog.find(HAIKU, "us-east-1", NOW).origin()).isEqualTo(file + ":2");
    }

    @Test
    void shouldPriceTheSameAfterJavaSerialization() throws Exception {
        PriceCatalog aliased =
                CATALOG.withAliases(Collections.singletonMap(APP_PROFILE, "us." + HAIKU));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(aliased);
        }

        PriceCatalog copy;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PriceCatalog) in.readObject();
        }

        assertThat(copy.rows()).isEqualTo(aliased.rows());
        assertThat(copy.price(APP_PROFILE, "eu-west-1", NOW, MILLION_IN))
                .isEqualTo(aliased.price(APP_PROFILE, "eu-west-1", NOW, MILLION_IN));
        assertThat(priceOf(copy, "m.timed", "eu-west-1", NOW)).isEqualTo("10");
    }

    @Test
    void shouldLoadDefaultCatalogForNullPath() {
        assertThat(PriceCatalog.load(null)).isSameAs(PriceCatalog.defaultCatalog());
    }
}
