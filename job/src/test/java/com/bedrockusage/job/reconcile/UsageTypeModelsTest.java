package com.bedrockusage.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.pricing.PriceCatalog;
import org.junit.jupiter.api.Test;

class UsageTypeModelsTest {

    private final UsageTypeModels table = UsageTypeModels.builtIn();

    @Test
    void everyModelOfTheTableIsInThePriceCatalogue() {
        PriceCatalog catalog = PriceCatalog.defaultCatalog();
        assertThat(table.modelKeys()).isNotEmpty();
        // some models are sold only through cross-region profiles (us.mistral.pixtral-...)
        table.modelKeys()
                .forEach(
                        (key, model) ->
                                assertThat(
                                                catalog.resolveModel(model) != null
                                                        || catalog.resolveModel("us." + model)
                                                                != null
                                                        || catalog.resolveModel("eu." + model)
                                                                != null)
                                        .as(key + " " + model)
                                        .isTrue());
    }

    @Test
    void mapsUsageTypesToCatalogueModels() {
        assertThat(
                        table.group(
                                "AmazonBedrock",
                                BilledUsageType.parse("USE1-Claude4.5Sonnet-input-tokens")))
                .isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(
                        table.group(
                                "AmazonBedrock",
                                BilledUsageType.parse(
                                        "EUC1-NovaLite-cache-read-input-token-count")))
                .isEqualTo("amazon.nova-lite-v1:0");
    }

    @Test
    void anUnknownUsageTypeKeepsItsKeyAsGroup() {
        BilledUsageType t = BilledUsageType.parse("USE1-Claude9Ultra-input-tokens");
        assertThat(table.model("AmazonBedrock", t)).isNull();
        assertThat(table.group("AmazonBedrock", t)).isEqualTo("usage-type:Claude9Ultra");
    }

    @Test
    void marketplaceProductCodesMapThroughTheTable() {
        UsageTypeModels t =
                UsageTypeModels.parse(
                        "kind,key,model_id\nproduct-code,abc123,meta.llama3-1-8b-instruct-v1:0\n");
        BilledUsageType mp = BilledUsageType.parse("USE1-MP:USE1_InputTokenCount-Units");
        assertThat(t.isBedrock("abc123")).isTrue();
        assertThat(t.isBedrock("AmazonEC2")).isFalse();
        assertThat(t.group("abc123", mp)).isEqualTo("meta.llama3-1-8b-instruct-v1:0");
    }

    @Test
    void rejectsABrokenTable() {
        assertThatThrownBy(() -> UsageTypeModels.parse("usage-type,A,x\nusage-type,A,y\n"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> UsageTypeModels.parse("model,A,x\n"))
                .hasMessageContaining("unknown kind");
    }
}
