package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollback to an older snapshot: savepoint S, more checkpoints with data (up to K), stop, restore
 * from S, feed more. The restored job must commit right away (not only once its checkpoint ids pass
 * K), must not append the replayed calls a second time, and must end with the tables of a clean
 * run.
 */
class RollbackRestoreITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    /**
     * Checkpoints the first job completes after the savepoint, all committed: the ids the restored
     * job reuses.
     */
    private static final int CHECKPOINTS_AFTER_SAVEPOINT = 12;

    /**
     * A call days later, fed last, whose watermark closes every window of the others (also the
     * daily ones).
     */
    private static final String LATER_ACCOUNT = "999999999999";

    private static final String MAX_COMMITTED = "flink.max-committed-checkpoint-id";

    @TempDir Path tmp;

    @Test
    void shouldCommitRightAwayAndEndWithTheTablesOfACleanRunAfterRestoringAnOlderSavepoint(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        restoreAnOlderSavepoint(cluster, null);
    }

    /**
     * The same with the job id kept across the restore (application mode with HA, Flink's
     * fixed-job-id option): the committer then reads its last committed checkpoint under its own id
     * (apache/iceberg#10892). A finished job id cannot be submitted twice to one cluster, so the
     * restored job runs on a second MiniCluster.
     */
    @Test
    void shouldDoTheSameWhenTheRestoredJobKeepsTheJobId(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        MiniCluster second =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(2)
                                .build());
        second.start();
        try {
            restoreAnOlderSavepoint(cluster, second);
        } finally {
            second.close();
        }
    }

    /**
     * @param restoreOn null: restore with a new job id on {@code cluster}; else with the same id on
     *     this cluster
     */
    private void restoreAnOlderSavepoint(MiniCluster cluster, MiniCluster restoreOn)
            throws Exception {
        JobID fixedId = restoreOn == null ? null : new JobID();
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> records = UsagePipelineITCase.records(900, new Random(20));
        List<LogRecord> first = records.subList(0, 300);
        List<LogRecord> replayed = records.subList(300, 600);
        List<LogRecord> after = records.subList(600, 900);
        LogRecord later =
                new LogRecord("later-0", UsagePipelineITCase.START.plus(Duration.ofDays(3)));
        later.accountId = LATER_ACCOUNT;

        // The clean run first: the restored job below keeps a slot while it runs.
        LogTree cleanTree = new LogTree(tmp.resolve("clean-logs"));
        for (List<LogRecord> batch : List.of(first, replayed, after, List.of(later))) {
            UsagePipelineITCase.writeInFiles(cleanTree, batch, 3);
        }
        JobConfig clean =
                PipelineRuns.config(
                        cleanTree.root(),
                        tmp.resolve("clean"),
                        "pipeline.allowed-lateness=12h",
                        "alerts.defaults-enabled=false");
        PipelineRuns.run(clean);

        JobConfig config = continuous(tree, "rolled-back", "checkpoints-first");
        JobConfig restoredConfig = continuous(tree, "rolled-back", "checkpoints-restored");
        UsagePipelineITCase.writeInFiles(tree, first, 3);
        JobID firstJob = submit(cluster, config, null, fixedId);
        waitFor(() -> requestIds(config).size() == first.size(), Duration.ofSeconds(120));
        String savepoint =
                cluster.triggerSavepoint(
                                firstJob,
                                tmp.resolve("savepoints").toUri().toString(),
                                false,
                                SavepointFormatType.CANONICAL)
                        .get();
        long s = savepointId(cluster, firstJob);

        UsagePipelineITCase.writeInFiles(tree, replayed, 3);
        waitFor(
                () -> requestIds(config).size() == first.size() + replayed.size(),
                Duration.ofSeconds(120));
        long committedAfterData = maxCommittedCheckpoint(config);
        waitFor(
                () ->
                        maxCommittedCheckpoint(config) >= committedAfterData + 1
                                && maxCommittedCheckpoint(config)
                                        >= s + CHECKPOINTS_AFTER_SAVEPOINT,
                Duration.ofSeconds(120));
        cancel(cluster, firstJob);
        long k = maxCommittedCheckpoint(config);
        int snapshotsBeforeRestore = snapshots(config).size();

        MiniCluster restoredOn = restoreOn == null ? cluster : restoreOn;
        JobID restored = submit(restoredOn, restoredConfig, savepoint, fixedId);
        if (fixedId != null) {
            assertThat(restored).isEqualTo(firstJob);
        }
        try {
            UsagePipelineITCase.writeInFiles(tree, after, 3);
            waitFor(() -> requestIds(config).containsAll(ids(after)), Duration.ofSeconds(180));
            List<Snapshot> sinceRestore = newSnapshots(config, snapshotsBeforeRestore);
            assertThat(sinceRestore)
                    .as("invocations snapshots committed by the restored job")
                    .isNotEmpty();
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(Long.parseLong(sinceRestore.get(0).summary().get(MAX_COMMITTED)))
                    .as(
                            "checkpoint of the restored job's first commit (savepoint %s, first job reached %s)",
                            s, k)
                    .isLessThanOrEqualTo(k);

            UsagePipelineITCase.writeInFiles(tree, List.of(later), 1);
            String[] usageTables = {Tables.USAGE_MINUTE, Tables.USAGE_HOURLY, Tables.USAGE_DAILY};
            for (String table : usageTables) {
                waitFor(
                        () ->
                                PipelineRuns.usage(config, table)
                                        .keySet()
                                        .containsAll(
                                                withoutLater(PipelineRuns.usage(clean, table))
                                                        .keySet()),
                        Duration.ofSeconds(120));
            }
            for (String table : usageTables) {
                softly.assertThat(withoutLater(PipelineRuns.usage(config, table)))
                        .as(table)
                        .isEqualTo(withoutLater(PipelineRuns.usage(clean, table)));
            }
            List<String> ids = requestIds(config);
            softly.assertThat(ids)
                    .as("request_id is unique in invocations")
                    .doesNotHaveDuplicates();
            softly.assertThat(ids).containsExactlyInAnyOrderElementsOf(requestIds(clean));
            softly.assertThat(PipelineRuns.rows(config, Tables.LATE_INVOCATIONS)).isEmpty();
            softly.assertAll();
        } finally {
            cancel(restoredOn, restored);
        }
    }

    /**
     * Each job its own checkpoint folder: with a kept job id, the restored job's checkpoint ids
     * repeat the first's.
     */
    private JobConfig continuous(LogTree tree, String warehouse, String checkpoints) {
        return PipelineRuns.config(
                tree.root(),
                tmp.resolve(warehouse),
                "source.s3.mode=continuous",
                "pipeline.checkpoint-dir=" + tmp.resolve(checkpoints).toUri(),
                "source.s3.discovery-interval=500ms",
                "source.s3.lookback=36500d",
                "pipeline.allowed-lateness=12h",
                "pipeline.checkpoint-interval=300ms",
                "pipeline.parallelism=1",
                "alerts.defaults-enabled=false");
    }

    private static JobID submit(
            MiniCluster cluster, JobConfig config, String savepoint, JobID fixedId)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        env.setRestartStrategy(RestartStrategies.noRestart());
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        if (fixedId != null) {
            graph.setJobID(fixedId);
        }
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
        }
        return cluster.submitJob(graph).get().getJobID();
    }

    private static void cancel(MiniCluster cluster, JobID job) throws Exception {
        cluster.cancelJob(job).get();
        waitFor(
                () -> cluster.getJobStatus(job).join().isGloballyTerminalState(),
                Duration.ofSeconds(60));
    }

    private static long savepointId(MiniCluster cluster, JobID job) throws Exception {
        return cluster
                .getExecutionGraph(job)
                .get()
                .getCheckpointStatsSnapshot()
                .getHistory()
                .getCheckpoints()
                .stream()
                .filter(c -> c.getProperties().isSavepoint())
                .mapToLong(AbstractCheckpointStats::getCheckpointId)
                .max()
                .orElseThrow();
    }

    private static Map<String, ExpectedUsage.Totals> withoutLater(
            Map<String, ExpectedUsage.Totals> usage) {
        return usage.entrySet().stream()
                .filter(e -> !e.getKey().contains(LATER_ACCOUNT))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> requestIds(JobConfig config) {
        return PipelineRuns.rows(config, Tables.INVOCATIONS).stream()
                .map(r -> (String) r.getField("request_id"))
                .filter(id -> !id.startsWith("later-"))
                .sorted()
                .collect(Collectors.toList());
    }

    private static List<String> ids(List<LogRecord> records) {
        return records.stream().map(r -> r.requestId).collect(Collectors.toList());
    }

    private static Table invocations(JobConfig config) {
        return IcebergCatalogs.loader(config)
                .loadCatalog()
                .loadTable(TableIdentifier.of(config.icebergNamespace, Tables.INVOCATIONS));
    }

    /**
     * The invocations table's snapshots, oldest first (every one ever committed, rolled back or
     * not).
     */
    private static List<Snapshot> snapshots(JobConfig config) {
        List<Snapshot> all = new ArrayList<>();
        invocations(config).snapshots().forEach(all::add);
        all.sort((a, b) -> Long.compare(a.sequenceNumber(), b.sequenceNumber()));
        return all;
    }

    private static List<Snapshot> newSnapshots(JobConfig config, int before) {
        List<Snapshot> all = snapshots(config);
        return all.subList(before, all.size());
    }

    private static long maxCommittedCheckpoint(JobConfig config) {
        return snapshots(config).stream()
                .map(sn -> sn.summary().get(MAX_COMMITTED))
                .filter(v -> v != null)
                .mapToLong(Long::parseLong)
                .max()
                .orElse(-1);
    }

    private static void waitFor(BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(end);
            Thread.sleep(250);
        }
    }
}
