package com.bedrockusage.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRollbackTest {

    @TempDir Path warehouse;

    private Table table;
    private int files;

    @BeforeEach
    void createTable() {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        table =
                catalog.createTable(
                        TableIdentifier.of("bedrock", "t"),
                        new Schema(Types.NestedField.required(1, "id", Types.StringType.get())),
                        PartitionSpec.unpartitioned());
    }

    @Test
    void shouldRollBackToTheLastCommitOfTheRestoredRunAtOrBeforeItsCheckpoint() {
        commit("run-a", "job-a", 3);
        long atFive = commit("run-a", "job-a", 5);
        commit("run-a", "job-a", 7);
        commit("run-b", "job-b", 8);

        assertThat(TableRollback.toCheckpoint(table, "run-a", 5)).isPresent();
        assertThat(table.currentSnapshot().snapshotId()).isEqualTo(atFive);
    }

    @Test
    void shouldLeaveATableThatEndsAtTheCheckpointAlone() {
        commit("run-a", "job-a", 3);
        long last = commit("run-a", "job-a", 5);

        assertThat(TableRollback.toCheckpoint(table, "run-a", 5)).isEmpty();
        assertThat(TableRollback.toCheckpoint(table, "run-other", 1)).isEmpty();
        assertThat(table.currentSnapshot().snapshotId()).isEqualTo(last);
    }

    @Test
    void shouldKeepCommitsOfAnEarlierRunThatTheRestoredRunContinued() {
        long before = commit("run-0", "job-0", 2);
        commit("run-a", "job-a", 4);

        TableRollback.toCheckpoint(table, "run-a", 3);
        assertThat(table.currentSnapshot().snapshotId()).isEqualTo(before);
    }

    @Test
    void
            shouldEmptyATableWhoseFirstCommitCameAfterTheCheckpointAndTellTheCommitterNothingWasCommitted() {
        commit("run-a", "job-a", 4);

        assertThat(TableRollback.toCheckpoint(table, "run-a", 2)).isPresent();
        Snapshot marker = table.currentSnapshot();
        assertThat(marker.summary())
                .containsEntry("flink.job-id", "job-a")
                .containsEntry("flink.max-committed-checkpoint-id", "-1");
        assertThat(table.newScan().planFiles()).isEmpty();
    }

    private long commit(String run, String job, long checkpoint) {
        Map<String, String> summary = new HashMap<>();
        summary.put(TableRollback.RUN, run);
        summary.put("flink.job-id", job);
        summary.put("flink.operator-id", "op");
        summary.put("flink.max-committed-checkpoint-id", String.valueOf(checkpoint));
        AppendFiles append =
                table.newAppend()
                        .appendFile(
                                DataFiles.builder(PartitionSpec.unpartitioned())
                                        .withPath(
                                                warehouse
                                                        .resolve("f" + files++ + ".parquet")
                                                        .toString())
                                        .withFileSizeInBytes(10)
                                        .withRecordCount(1)
                                        .build());
        summary.forEach(append::set);
        append.commit();
        return table.currentSnapshot().snapshotId();
    }
}
