package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.local.generate.GeneratedLogs;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.PriceRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": the real job writes a warehouse with its own price file and aliases, and
 * BEDROCK_COST over that warehouse gives the job's cost_usd row for row, both from what the job
 * recorded (no options) and from the job's configuration file.
 */
class RepriceJobWarehouseITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    /** The generator's model that no catalogue knows; the job's alias prices it. */
    private static final String UNKNOWN_MODEL = "acme.orbit-large-v1:0";

    private static final String ALIASES = UNKNOWN_MODEL + "=anthropic.claude-3-haiku-20240307-v1:0";

    /**
     * Per call: 1 when the stored and repriced cost differ (NULL on one side only counts), over
     * successful calls.
     */
    private static final String COMPARE =
            "SELECT COUNT(*) AS calls, COUNT(cost_usd) AS priced, "
                    + "SUM(CASE WHEN cost_usd IS NOT DISTINCT FROM BEDROCK_COST(model_id, region, event_time, input_tokens, "
                    + "output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens, service_tier, unit, "
                    + "unit_variant, unit_quantity) THEN 0 ELSE 1 END) "
                    + "AS differing FROM invocations WHERE error_code IS NULL";

    @TempDir static Path tmp;

    private static Path warehouse;
    private static Path configFile;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path logs = tmp.resolve("logs");
        GeneratedLogs.generate(
                logs,
                "--invocations",
                "400",
                "--start",
                "2026-11-01T00:00:00Z",
                "--hours",
                "2",
                "--seed",
                "26",
                "--unknown-pct",
                "10",
                "--errors-pct",
                "0");
        Path prices = tmp.resolve("prices.csv");
        Files.write(prices, jobPrices(), StandardCharsets.UTF_8);
        warehouse = tmp.resolve("warehouse");
        configFile = tmp.resolve("job.json");
        Files.writeString(
                configFile,
                "[{\"PropertyGroupId\": \"pricing\", \"PropertyMap\": {\"catalog\": \""
                        + prices
                        + "\", \"aliases\": \""
                        + ALIASES
                        + "\"}}]");

        PipelineRuns.run(
                PipelineRuns.config(
                        logs,
                        warehouse,
                        "pricing.catalog=" + prices,
                        "pricing.aliases=" + ALIASES));
    }

    /**
     * The built-in catalogue without Nova Micro: the job leaves those calls unpriced, the built-in
     * one would not.
     */
    private static List<String> jobPrices() {
        List<String> lines = new ArrayList<>();
        lines.add(PriceCsv.FULL_HEADER);
        for (PriceRow row : PriceCatalog.defaultCatalog().rows()) {
            if (!row.modelId().contains("nova-micro")) {
                lines.add(PriceCsv.toFullCsvLine(row));
            }
        }
        return lines;
    }

    @Test
    void shouldRepriceTheJobsWarehouseToItsOwnCostsWithWhatTheJobRecorded() {
        CliRun r =
                CliRun.sql("--warehouse", warehouse.toString(), "--format", "csv", "-e", COMPARE);

        assertSameCosts(r);
    }

    @Test
    void shouldRepriceTheJobsWarehouseToItsOwnCostsWithTheJobsConfigFile() {
        CliRun r =
                CliRun.sql(
                        "--warehouse",
                        warehouse.toString(),
                        "--config",
                        configFile.toString(),
                        "--format",
                        "csv",
                        "-e",
                        COMPARE);

        assertSameCosts(r);
    }

    @Test
    void shouldWarnWhenToldToPriceOtherwiseThanTheJobRecorded() {
        CliRun r =
                CliRun.sql(
                        "--warehouse",
                        warehouse.toString(),
                        "--set",
                        "pricing.aliases=",
                        "--format",
                        "csv",
                        "-e",
                        COMPARE);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("warning: the job recorded other prices in this warehouse");
        assertThat(differing(r.out()))
                .as("the unknown model's calls lose their alias")
                .isPositive();
    }

    private static void assertSameCosts(CliRun r) {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        String[] values = r.out().split("\n")[1].split(",");
        assertThat(Long.parseLong(values[0])).as("calls").isGreaterThan(300);
        assertThat(Long.parseLong(values[1]))
                .as("priced calls")
                .isGreaterThan(200)
                .isLessThan(Long.parseLong(values[0]));
        assertThat(differing(r.out()))
                .as("calls whose repriced cost differs from cost_usd")
                .isZero();
    }

    private static long differing(String csv) {
        return Long.parseLong(csv.split("\n")[1].split(",")[2]);
    }
}
