package com.bedrockusage.job.reconcile;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes a run's rows to {@code bedrock.reconciliation} as a bounded Flink job (batch mode),
 * overwriting the day partitions it writes: a re-run for the same days replaces them, so replays
 * never add up. {@code FlinkSink} (v1) commits at the end of input (shared/VERSIONS.md: the v2 sink
 * loses a bounded run's last data).
 */
public final class ReconciliationSink {

    private ReconciliationSink() {}

    public static void write(
            StreamExecutionEnvironment env,
            JobConfig config,
            List<ReconciliationRow> rows,
            Instant reconciledAt)
            throws Exception {
        TableDefinition table = ReconciliationTable.definition();
        IcebergCatalogs.ensureTables(config, List.of(table));
        if (rows.isEmpty()) {
            return;
        }
        List<RowData> data = new ArrayList<>(rows.size());
        for (ReconciliationRow r : rows) {
            data.add(ReconciliationTable.toRow(r, reconciledAt));
        }
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<RowData> stream =
                env.fromData(data, InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema())))
                        .uid(OperatorIds.RECONCILIATION_ROWS)
                        .name("reconciliation rows");
        FlinkSink.forRowData(stream)
                .tableLoader(IcebergCatalogs.tableLoader(config, table.name()))
                .uidPrefix(OperatorIds.RECONCILIATION_SINK)
                .overwrite(true)
                .append();
        env.execute("bedrock reconciliation");
    }
}
