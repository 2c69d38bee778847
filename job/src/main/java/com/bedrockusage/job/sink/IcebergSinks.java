package com.bedrockusage.job.sink;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.config.JobConfig;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Attaches Iceberg sinks. Rows become visible when a checkpoint completes (and at the end of a
 * bounded input), which is what makes the tables exactly-once.
 *
 * <p>Why {@code FlinkSink} (v1) and not {@code IcebergSink} (v2): on Flink 1.20 the v2 sink's final
 * committables of a bounded run carry checkpoint id {@code Long.MAX_VALUE} and are never committed,
 * so a backfill would lose its tail. The uid prefix is part of the committer's state: never change
 * it.
 *
 * <p>Every commit carries the run id of the job graph that made it ({@link TableRollback#RUN}), so
 * a restore of an older checkpoint can roll the tables back to it ({@link RollbackOnRestore}).
 */
public final class IcebergSinks {

    private static final Map<StreamExecutionEnvironment, String> RUNS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private IcebergSinks() {}

    /** One id per job graph built on {@code env}: what the sinks label their commits with. */
    public static String runId(StreamExecutionEnvironment env) {
        return RUNS.computeIfAbsent(env, e -> UUID.randomUUID().toString());
    }

    /**
     * Converts {@code records} to rows of {@code toRow}'s table (operator {@code uid}) and writes
     * them.
     */
    public static <T> void write(
            DataStream<T> records, ToRow<T> toRow, String uid, String name, JobConfig config) {
        write(records.map(toRow).uid(uid).name(name), toRow.table(), config);
    }

    public static void write(DataStream<RowData> rows, TableDefinition table, JobConfig config) {
        FlinkSink.Builder builder =
                FlinkSink.forRowData(rows)
                        .tableLoader(IcebergCatalogs.tableLoader(config, table.name()))
                        .uidPrefix(OperatorIds.icebergSink(table.name()))
                        .setSnapshotProperty(
                                TableRollback.RUN, runId(rows.getExecutionEnvironment()));
        if (table.isUpsert()) {
            // Equality fields make the sink key its input by them, so one writer owns each row.
            builder.equalityFieldColumns(table.upsertKey()).upsert(true);
        }
        builder.append();
    }
}
