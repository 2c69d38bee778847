package com.bedrockusage.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A fixed set of sampled stacks (top frame first), each with the part it belongs to. */
class CpuPartTest {

    private static final String TASK = "org.apache.flink.streaming.runtime.tasks.StreamTask.invoke";
    private static final String THREAD = "java.lang.Thread.run";

    @Test
    void shouldClassifyEachStackByTheFrameNearestTheTopThatNamesAPart() {
        assertPart(
                CpuPart.PARSE,
                "com.fasterxml.jackson.core.json.UTF8StreamJsonParser.nextToken",
                "com.bedrockusage.job.ingest.parse.BedrockRecordParser.parse",
                "com.bedrockusage.job.ingest.source.LogRecords.next",
                TASK);
        assertPart(
                CpuPart.READ_INFLATE,
                "java.util.zip.Inflater.inflate",
                "java.util.zip.GZIPInputStream.read",
                "com.bedrockusage.job.ingest.source.LogObjectReader.read",
                THREAD);
        assertPart(
                CpuPart.READ_INFLATE,
                "com.intel.gkl.compression.IntelInflater.inflateNative",
                "com.bedrockusage.job.ingest.source.IsalGunzip.gunzip",
                THREAD);
        assertPart(
                CpuPart.DEDUP_PRICE,
                "java.math.BigDecimal.multiply",
                "com.bedrockusage.pricing.PriceCalculator.cost",
                "com.bedrockusage.job.pricing.DedupAndPrice.processElement",
                TASK);
        assertPart(
                CpuPart.WINDOWS,
                "java.util.HashMap.get",
                "com.bedrockusage.job.usage.UsageAccumulator.add",
                "org.apache.flink.streaming.runtime.operators.windowing.WindowOperator.processElement",
                TASK);
        assertPart(
                CpuPart.ALERTS,
                "com.fasterxml.jackson.core.json.WriterBasedJsonGenerator.writeString",
                "com.bedrockusage.job.alerts.delivery.AlertJson.toJson",
                "com.bedrockusage.job.usage.EmitUsageRow.process",
                TASK);
        assertPart(
                CpuPart.WRITERS,
                "org.apache.parquet.column.impl.ColumnWriterV1.write",
                "org.apache.iceberg.parquet.ParquetWriter.add",
                "com.bedrockusage.job.usage.EmitUsageRow.process",
                TASK);
        assertPart(
                CpuPart.CHECKPOINTS_STATE,
                "org.apache.flink.runtime.state.heap.CopyOnWriteStateMap.get",
                "com.bedrockusage.job.usage.UsageWindows.process",
                TASK);
        assertPart(
                CpuPart.CHECKPOINTS_STATE,
                "org.rocksdb.RocksDB.get",
                "org.apache.flink.contrib.streaming.state.RocksDBValueState.value",
                "com.bedrockusage.job.pricing.SeenRequestIds.add",
                TASK);
        assertPart(
                CpuPart.CHECKPOINTS_STATE,
                "java.io.DataOutputStream.write",
                "com.bedrockusage.job.state.Utf8StringSerializer.serialize",
                TASK);
        assertPart(
                CpuPart.CHECKPOINTS_STATE,
                "java.util.ArrayList.forEach",
                "org.apache.flink.streaming.api.operators.AbstractStreamOperator.snapshotState",
                TASK);
        assertPart(
                CpuPart.OTHER,
                "org.apache.flink.runtime.io.network.api.serialization.SpanningWrapper.transferFrom",
                TASK);
        assertPart(CpuPart.OTHER);
    }

    @Test
    void shouldLeaveCodeEveryPartUsesUnclassified() {
        assertThat(CpuPart.ofFrame("java.util.HashMap.get")).isNull();
        assertThat(CpuPart.ofFrame("com.fasterxml.jackson.core.JsonParser.nextToken")).isNull();
        assertThat(CpuPart.ofFrame("com.bedrockusage.job.model.Invocation.getModelId")).isNull();
    }

    private static void assertPart(CpuPart expected, String... frames) {
        assertThat(CpuPart.of(List.of(frames))).as(String.join(" <- ", frames)).isEqualTo(expected);
    }
}
