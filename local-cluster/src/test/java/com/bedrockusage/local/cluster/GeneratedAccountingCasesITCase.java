package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.local.generate.GeneratedLogs;
import com.bedrockusage.pricing.PriceCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job, with the built-in catalogue, meters generate-logs output that holds every
 * accounting case (long-context, latency-optimized, flex, image, video, rerank calls) and its
 * {@code invocations} and {@code usage_daily} equal the generator's truth exactly: counts, tokens,
 * unpriced calls and cost to the last decimal.
 */
class GeneratedAccountingCasesITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    /** The unit-call models the generator uses, each expected in this run. */
    private static final List<String> UNIT_MODELS =
            List.of(
                    "amazon.nova-canvas-v1:0",
                    "amazon.titan-image-generator-v2:0",
                    "stability.sd3-5-large-v1:0",
                    "amazon.nova-reel-v1:0",
                    "cohere.rerank-v3-5:0");

    @TempDir Path tmp;

    @Test
    void shouldMeterEveryAccountingCaseExactlyAsTheTruthFileSays() throws Exception {
        Path logs = tmp.resolve("logs");
        GeneratedLogs.generate(
                logs,
                new String[] {
                    "--invocations", "3000",
                    "--body-kb", "0.5",
                    "--start", "2026-11-01T00:00:00Z",
                    "--hours", "4",
                    "--seed", "19",
                    "--late-pct", "0",
                    "--errors-pct", "2"
                });
        GroundTruth truth =
                GroundTruth.fromGeneratorTotals(
                        logs.resolve("expected-totals.json"), PriceCatalog.defaultCatalog());
        Map<String, UsageTotals> truthByModel = new TreeMap<>();
        truth.byKey.forEach(
                (k, u) -> truthByModel.computeIfAbsent(k.modelId(), m -> new UsageTotals()).add(u));
        for (String model : UNIT_MODELS) {
            assertThat(truthByModel).as("unit calls in this run").containsKey(model);
        }
        assertThat(truthByModel.get("amazon.nova-canvas-v1:0").costUsd).isPositive();
        assertThat(truthByModel.get("cohere.rerank-v3-5:0").costUsd).isPositive();
        assertThat(truthByModel.get("amazon.nova-reel-v1:0").unpricedInvocations)
                .isEqualTo(truthByModel.get("amazon.nova-reel-v1:0").invocations);

        Path warehouse = tmp.resolve("warehouse");
        PipelineRuns.run(PipelineRuns.config(logs, warehouse));

        TableTotals tables = new TableTotals(warehouse.toUri().toString());
        TableTotals.Invocations invocations = tables.invocations();
        assertThat(invocations.rows).isEqualTo(truth.uniqueRecords);
        assertThat(E2eCheck.compare(Tables.INVOCATIONS, truth.byKey, invocations.byKey)).isEmpty();
        assertThat(
                        E2eCheck.compare(
                                Tables.USAGE_DAILY,
                                E2eCheck.byPrincipal(truth.byKey),
                                E2eCheck.byPrincipal(tables.usage(Tables.USAGE_DAILY, d -> true))))
                .isEmpty();
        BigDecimal total =
                truth.byKey.values().stream()
                        .map(u -> u.costUsd)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isPositive();
    }
}
