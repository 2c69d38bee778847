package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.PricingRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes each accounting case, and its truth carries the exact cost of those calls.
 */
class AccountingCasesTest {

    @TempDir Path out;

    @Test
    void shouldWriteEveryCaseAndCostItExactlyInTheTruth() throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "6000",
                "--body-kb",
                "0.5",
                "--hours",
                "6",
                "--start",
                "2026-11-01T12:00:00Z",
                "--duplicates-pct",
                "0",
                "--late-pct",
                "0",
                "--errors-pct",
                "2");
        JsonNode expected = GeneratedLogs.expected(out);

        Set<Long> sonnetInputTotals = new HashSet<>();
        int optimized = 0;
        int flex = 0;
        Map<String, Integer> unpricedByModel = new HashMap<>();
        Map<String, BigDecimal> unitCostByModel = new HashMap<>();
        Map<String, Integer> unitCallsByModel = new HashMap<>();
        for (GeneratedLogs.Line line : GeneratedLogs.lines(out)) {
            JsonNode r = line.json();
            BigDecimal unitCost = unitCostFromTheRecord(r);
            if (unitCost != null) {
                unitCostByModel.merge(r.path("modelId").asText(), unitCost, BigDecimal::add);
                unitCallsByModel.merge(r.path("modelId").asText(), 1, Integer::sum);
            }
            JsonNode in = r.path("input");
            JsonNode body = r.path("output").path("outputBodyJson");
            if (r.path("modelId").asText().contains("claude-sonnet-4")) {
                sonnetInputTotals.add(
                        in.path("inputTokenCount").asLong()
                                + in.path("cacheReadInputTokenCount").asLong()
                                + in.path("cacheWriteInputTokenCount").asLong());
            }
            if (body.path("performanceConfig").path("latency").asText().equals("optimized")) {
                optimized++;
                assertThat(
                                in.path("inputBodyJson")
                                        .path("performanceConfig")
                                        .path("latency")
                                        .asText())
                        .isEqualTo("optimized");
            }
            if (body.path("serviceTier").path("type").asText().equals("flex")) {
                flex++;
                unpricedByModel.merge(r.path("modelId").asText(), 1, Integer::sum);
            }
        }

        assertThat(sonnetInputTotals).contains(200_000L, 200_001L);
        assertThat(optimized).isPositive();
        assertThat(flex).isPositive();
        // the default catalogue has no latency-optimized or flex rows: those calls are unpriced in
        // the truth
        long unpriced = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode row : expected.path("byKey")) {
            unpriced += row.path("unpricedInvocations").asLong();
            cost = cost.add(new BigDecimal(row.path("costUsd").asText()));
        }
        assertThat(unpriced).isGreaterThanOrEqualTo(optimized + flex);
        assertThat(cost)
                .isEqualByComparingTo(
                        new BigDecimal(expected.path("totals").path("costUsd").asText()));
        assertThat(cost).isPositive();

        // every per-unit call, its exact cost in the truth read back from what the record says
        for (UnitCall call : UnitCall.values()) {
            assertThat(unitCallsByModel).as(call.modelId).containsKey(call.modelId);
        }
        assertThat(unitCallsByModel.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(expected.path("counts").path("unitCallRecords").asInt())
                .isBetween(10, 60); // a handful per thousand calls
        Map<String, BigDecimal> truthCost = new HashMap<>();
        Map<String, BigDecimal> truthUnitCost = new HashMap<>();
        Map<String, Long> truthUnpriced = new HashMap<>();
        for (JsonNode row : expected.path("byKey")) {
            String model = row.path("modelId").asText();
            truthCost.merge(model, new BigDecimal(row.path("costUsd").asText()), BigDecimal::add);
            truthUnitCost.merge(
                    model, new BigDecimal(row.path("unitCostUsd").asText()), BigDecimal::add);
            truthUnpriced.merge(model, row.path("unpricedInvocations").asLong(), Long::sum);
        }
        for (UnitCall call : UnitCall.values()) {
            if (call == UnitCall.NOVA_REEL) {
                // no catalogue row for Nova Reel: every call unpriced, none at $0
                assertThat(truthUnpriced.get(call.modelId))
                        .isEqualTo((long) unitCallsByModel.get(call.modelId));
                assertThat(truthCost.get(call.modelId)).isZero();
                continue;
            }
            assertThat(truthUnpriced.get(call.modelId)).as(call.modelId).isZero();
            assertThat(truthCost.get(call.modelId))
                    .as(call.modelId)
                    .isEqualByComparingTo(unitCostByModel.get(call.modelId))
                    .isPositive();
            assertThat(truthUnitCost.get(call.modelId))
                    .isEqualByComparingTo(truthCost.get(call.modelId));
        }
    }

    /**
     * The LiteLLM per-unit price the default catalogue has for a unit call, times the quantity its
     * record carries; null for a token-priced call; zero for Nova Reel (no price).
     */
    private static BigDecimal unitCostFromTheRecord(JsonNode r) {
        JsonNode request = r.path("input").path("inputBodyJson");
        JsonNode response = r.path("output").path("outputBodyJson");
        switch (r.path("modelId").asText()) {
            case "amazon.nova-canvas-v1:0":
                assertThat(request.path("imageGenerationConfig").path("numberOfImages").asInt())
                        .isEqualTo(response.path("images").size());
                return new BigDecimal("0.06")
                        .multiply(BigDecimal.valueOf(response.path("images").size()));
            case "amazon.titan-image-generator-v2:0":
                return new BigDecimal("0.008")
                        .multiply(
                                BigDecimal.valueOf(
                                        request.path("imageGenerationConfig")
                                                .path("numberOfImages")
                                                .asInt()));
            case "stability.sd3-5-large-v1:0":
                assertThat(request.has("imageGenerationConfig")).isFalse();
                assertThat(response.path("images").size()).isEqualTo(1);
                return new BigDecimal("0.08");
            case "amazon.nova-reel-v1:0":
                assertThat(r.path("operation").asText()).isEqualTo("StartAsyncInvoke");
                assertThat(request.path("videoGenerationConfig").path("durationSeconds").asInt())
                        .isBetween(6, 24);
                return BigDecimal.ZERO;
            case "cohere.rerank-v3-5:0":
                int documents = request.path("documents").size();
                assertThat(documents).isBetween(1, UnitCall.MAX_RERANK_DOCUMENTS);
                return new BigDecimal("0.002").multiply(BigDecimal.valueOf((documents + 99) / 100));
            default:
                return null;
        }
    }

    @Test
    void shouldPriceEachUnitCallByTheDefaultCataloguesUnitRowOrLeaveItUnpriced() {
        PriceCatalog catalog = PriceCatalog.defaultCatalog();

        assertThat(unitCall(UnitCall.NOVA_CANVAS, 3, catalog).cost().total())
                .isEqualByComparingTo("0.18"); // 3 images × 0.06, any size and quality
        assertThat(unitCall(UnitCall.TITAN_IMAGE, 2, catalog).cost().total())
                .isEqualByComparingTo("0.016");
        assertThat(unitCall(UnitCall.STABILITY_IMAGE, 1, catalog).cost().total())
                .isEqualByComparingTo("0.08");
        PricingResult rerank = unitCall(UnitCall.RERANK, 250, catalog);
        assertThat(rerank.cost().total()).isEqualByComparingTo("0.006"); // 3 queries × 0.002
        assertThat(rerank.rule()).isEqualTo(PricingRules.UNIT);
        PricingResult reel = unitCall(UnitCall.NOVA_REEL, 12, catalog);
        assertThat(reel.isPriced()).isFalse();
        assertThat(reel.rule()).isEqualTo(PricingRules.UNKNOWN_MODEL);
    }

    private static PricingResult unitCall(UnitCall call, int count, PriceCatalog catalog) {
        PlannedRecord r = new PlannedRecord(0);
        r.unitCall = call;
        r.model = new ModelCatalog.Choice(call.spec, call.modelId, null, "us-east-1");
        r.region = "us-east-1";
        r.epochSecond = 1_793_534_400L; // 2026-11-01
        r.inputTokens = 40;
        r.unitCount = count;
        r.imageSide = 1024;
        r.imageQuality = "premium";
        return ExpectedTotals.price(r, catalog);
    }

    @Test
    void shouldPriceACallOneTokenAboveTheThresholdAtLongContextRates() {
        PlannedRecord r = new PlannedRecord(0);
        r.model =
                new ModelCatalog.Choice(
                        ModelCatalog.MODELS.get(0),
                        "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        null,
                        "us-east-1");
        r.region = "us-east-1";
        r.epochSecond = 1_793_534_400L; // 2026-11-01
        r.inputTokens = 200_001;
        r.outputTokens = 1_000;

        assertThat(
                        ExpectedTotals.price(
                                        r, com.bedrockusage.pricing.PriceCatalog.defaultCatalog())
                                .cost()
                                .total())
                .isEqualByComparingTo("1.2225060"); // 200001×6 + 1000×22.5, per million
        r.latencyOptimized = true;
        assertThat(
                        ExpectedTotals.price(
                                        r, com.bedrockusage.pricing.PriceCatalog.defaultCatalog())
                                .rule())
                .isEqualTo("no_price_for_tier");
    }
}
