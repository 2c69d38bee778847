package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

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
        for (GeneratedLogs.Line line : GeneratedLogs.lines(out)) {
            JsonNode r = line.json();
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
