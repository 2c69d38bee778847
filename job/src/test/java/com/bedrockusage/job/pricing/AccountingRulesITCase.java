package com.bedrockusage.job.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.FlinkSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline prices every accounting rule exactly (base, long-context, service tier,
 * latency-optimized, per image, per second, per query) or leaves the call unpriced with its reason,
 * and usage_daily equals the test's own computation. It runs on a warehouse whose invocations table
 * was written by the previous build (without the accounting columns): the job must evolve it and
 * append to it.
 */
class AccountingRulesITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String HAIKU_35 = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String CANVAS = "amazon.nova-canvas-v1:0";
    private static final String REEL = "amazon.nova-reel-v1:0";
    private static final String RERANK = "cohere.rerank-v3-5:0";
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

    private static final String CATALOGUE =
            PriceCsv.HEADER
                    + ",above_input_tokens,service_tier,unit,usd_per_unit,unit_variant\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,3,15,0.3,3.75,6,,,,,\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,6,22.5,0.6,7.5,12,200000,,,,\n"
                    + SONNET
                    + ",*,2024-01-01T00:00:00Z,3.75,18.75,0.375,4.6875,,,priority,,,\n"
                    + HAIKU_35
                    + ",*,2024-01-01T00:00:00Z,0.8,4,0.08,1,,,,,,\n"
                    + HAIKU_35
                    + ",*,2024-01-01T00:00:00Z,1,5,0.1,1.25,,,latency-optimized,,,\n"
                    + CANVAS
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,image,0.04,standard-1024x1024\n"
                    + CANVAS
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,image,0.08,premium-1024x1024\n"
                    + REEL
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,second,0.08,\n"
                    + RERANK
                    + ",*,2024-01-01T00:00:00Z,0,0,0,0,,,,query,0.002,\n";

    @TempDir Path tmp;

    private int seq;

    private LogRecord call(String model, long input, long output) {
        LogRecord r = new LogRecord(String.format("acct-%04d", seq), START.plusSeconds(seq++));
        r.modelId = model;
        r.input = input;
        r.output = output;
        return r;
    }

    @Test
    void shouldPriceEveryRuleExactlyAndAppendToATableTheOldBuildWrote() throws Exception {
        Path catalogue = tmp.resolve("prices.csv");
        Files.write(catalogue, CATALOGUE.getBytes(StandardCharsets.UTF_8));
        List<LogRecord> records = new ArrayList<>();
        LogRecord atThreshold = call(SONNET, 150_000, 1_000); // input total exactly 200,000: base
        atThreshold.cacheRead = 40_000;
        atThreshold.cacheWrite = 10_000;
        records.add(atThreshold);
        LogRecord aboveThreshold =
                call(SONNET, 150_000, 1_000); // 200,001: the whole call at long-context rates
        aboveThreshold.cacheRead = 40_001;
        aboveThreshold.cacheWrite = 10_000;
        records.add(aboveThreshold);
        LogRecord priority = call(SONNET, 1_000, 100);
        priority.requestedTier = "priority";
        priority.servedTier = "priority";
        records.add(priority);
        LogRecord downgraded = call(SONNET, 1_000, 100); // asked for priority, served by standard
        downgraded.requestedTier = "priority";
        downgraded.servedTier = "default";
        records.add(downgraded);
        LogRecord flex = call(SONNET, 1_000, 100); // no flex row: unpriced, never standard
        flex.servedTier = "flex";
        records.add(flex);
        LogRecord unconfirmed = call(SONNET, 1_000, 100); // the log does not say what served it
        unconfirmed.requestedTier = "priority";
        records.add(unconfirmed);
        LogRecord optimized = call(HAIKU_35, 2_000, 300);
        optimized.latencyOptimized = true;
        records.add(optimized);
        LogRecord images = call(CANVAS, 0, 0);
        images.images = 3;
        images.imageQuality = "premium";
        records.add(images);
        LogRecord unknownSize = call(CANVAS, 0, 0);
        unknownSize.images = 1;
        unknownSize.imageSide = 2048;
        records.add(unknownSize);
        LogRecord video = call(REEL, 0, 0);
        video.videoSeconds = 6;
        records.add(video);
        LogRecord rerank = call(RERANK, 0, 0);
        rerank.rerankDocuments = 250;
        records.add(rerank);
        LogRecord failed = call(SONNET, 0, 0);
        failed.errorCode = "ThrottlingException";
        records.add(failed);

        LogTree tree = new LogTree(tmp.resolve("logs"));
        tree.write(
                records.get(0), records.stream().map(LogRecord::json).collect(Collectors.toList()));
        JobConfig config =
                PipelineRuns.config(
                        tree.root(),
                        tmp.resolve("warehouse"),
                        "pricing.catalog=" + catalogue,
                        "pipeline.allowed-lateness=1h");
        writeARowAsThePreviousBuildDid(config);

        PipelineRuns.run(config);

        PriceCatalog prices = PriceCatalog.load(catalogue);
        assertThat(PipelineRuns.usage(config, Tables.USAGE_DAILY))
                .isEqualTo(ExpectedUsage.daily(records, prices));
        Map<String, Record> byId = new HashMap<>();
        for (Record r : PipelineRuns.rows(config, Tables.INVOCATIONS)) {
            byId.put((String) r.getField("request_id"), r);
        }
        assertThat(byId).hasSize(records.size() + 1);
        assertThat(byId.get("written-by-the-previous-build").getField("pricing_rule")).isNull();
        Map<String, String> rules = new HashMap<>();
        for (LogRecord r : records) {
            rules.put(r.requestId, (String) byId.get(r.requestId).getField("pricing_rule"));
        }
        assertThat(
                        Arrays.asList(
                                rules.get(atThreshold.requestId),
                                rules.get(aboveThreshold.requestId),
                                rules.get(priority.requestId),
                                rules.get(downgraded.requestId),
                                rules.get(flex.requestId),
                                rules.get(unconfirmed.requestId),
                                rules.get(optimized.requestId),
                                rules.get(images.requestId),
                                rules.get(unknownSize.requestId),
                                rules.get(video.requestId),
                                rules.get(rerank.requestId),
                                rules.get(failed.requestId)))
                .containsExactly(
                        "base",
                        "long_context",
                        "service_tier",
                        "base",
                        "no_price_for_tier",
                        "served_tier_not_logged",
                        "service_tier",
                        "unit",
                        "no_price_for_unit",
                        "unit",
                        "unit",
                        "failed_call");
        assertThat(cost(byId, aboveThreshold)).isEqualByComparingTo("1.0215006");
        assertThat(cost(byId, images)).isEqualByComparingTo("0.24");
        assertThat(cost(byId, video)).isEqualByComparingTo("0.48");
        assertThat(cost(byId, rerank)).isEqualByComparingTo("0.006");
        assertThat(byId.get(images.requestId).getField("unit_quantity")).isEqualTo(3L);
        assertThat(byId.get(images.requestId).getField("unit_variant"))
                .isEqualTo("premium-1024x1024");
        assertThat(byId.get(optimized.requestId).getField("service_tier"))
                .isEqualTo("latency-optimized");
        assertThat(byId.get(flex.requestId).getField("cost_usd")).isNull();
    }

    private static BigDecimal cost(Map<String, Record> byId, LogRecord r) {
        return (BigDecimal) byId.get(r.requestId).getField("cost_usd");
    }

    /**
     * An invocations table with the previous build's 26 columns and one row, written by the same
     * Iceberg sink.
     */
    private static void writeARowAsThePreviousBuildDid(JobConfig config) throws Exception {
        Schema current = Tables.invocations().schema();
        Schema previous = new Schema(current.columns().subList(0, 26));
        Catalog catalog = IcebergCatalogs.loader(config).loadCatalog();
        Namespace ns = Namespace.of(config.icebergNamespace);
        ((SupportsNamespaces) catalog).createNamespace(ns);
        Map<String, String> props = new HashMap<>();
        props.put(TableProperties.FORMAT_VERSION, "2");
        catalog.createTable(
                TableIdentifier.of(ns, Tables.INVOCATIONS),
                previous,
                PartitionSpec.builderFor(previous).day("event_time").build(),
                props);

        GenericRowData row = new GenericRowData(26);
        row.setField(0, StringData.fromString("written-by-the-previous-build"));
        row.setField(1, TimestampData.fromEpochMillis(START.toEpochMilli()));
        row.setField(2, StringData.fromString("111111111111"));
        row.setField(6, StringData.fromString(SONNET));
        for (int i = 9; i <= 13; i++) {
            row.setField(i, 0L);
        }
        row.setField(17, false);
        row.setField(25, StringData.fromString("s3"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        FlinkSink.forRowData(
                        env.fromData(
                                InternalTypeInfo.of(FlinkSchemaUtil.convert(previous)),
                                (RowData) row))
                .tableLoader(IcebergCatalogs.tableLoader(config, Tables.INVOCATIONS))
                .uidPrefix("previous-build")
                .append();
        env.execute("previous build");
    }
}
