package com.bedrockusage.job.sink;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.config.JobConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Attaches Iceberg sinks. Rows become visible when a checkpoint completes (and at the end of a bounded
 * input), which is what makes the tables exactly-once.
 *
 * <p>Why {@code FlinkSink} (v1) and not {@code IcebergSink} (v2): on Flink 1.20 the v2 sink's final
 * committables of a bounded run carry checkpoint id {@code Long.MAX_VALUE} and are never committed, so a
 * backfill would lose its tail. The uid prefix is part of the committer's state: never change it.
 */
public final class IcebergSinks {

    private IcebergSinks() {}

    public static void write(DataStream<RowData> rows, TableDefinition table, JobConfig config) {
        FlinkSink.Builder builder = FlinkSink.forRowData(rows)
                .tableLoader(IcebergCatalogs.tableLoader(config, table.name()))
                .uidPrefix(OperatorIds.icebergSink(table.name()));
        if (table.isUpsert()) {
            // Equality fields make the sink key its input by them, so one writer owns each row.
            builder.equalityFieldColumns(table.upsertKey()).upsert(true);
        }
        builder.append();
    }
}
