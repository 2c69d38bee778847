package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.LoopbackSns;
import com.bedrockusage.job.testing.PipelineRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SNS brown-out during an alert storm: every Publish is answered only after 10 s, and 200 alerts
 * fire. The calls must not wait for SNS: the source reads to the end of what there is, the
 * invocations are committed and checkpoints go on while the alerts wait in state (recorded
 * PENDING); in the end every alert is delivered.
 */
class SnsBrownoutITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    private static final int ALERTS = 200;
    private static final String RULES =
            "{\"rules\": [{\"id\": \"every-caller\", \"metric\": \"invocations\","
                    + " \"scope\": \"caller\", \"window\": \"1h\", \"threshold\": 1}]}";

    @TempDir Path tmp;

    @Test
    void shouldKeepMeteringAndCheckpointingWhileAlertsWaitForASlowSnsAndDeliverThemAll(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        List<String> lines = new ArrayList<>();
        LogRecord first = null;
        for (int i = 0; i < ALERTS; i++) {
            LogRecord r = new LogRecord("brownout-" + i, start.plusSeconds(i));
            r.callerArn = "arn:aws:sts::111111111111:assumed-role/App" + i + "-BedrockRole/s";
            r.input = 100;
            r.output = 10;
            first = first == null ? r : first;
            lines.add(r.json());
        }
        tree.write(first, lines);
        Path rules = Files.write(tmp.resolve("rules.json"), RULES.getBytes(StandardCharsets.UTF_8));

        JobConfig config;
        try (LoopbackSns sns = LoopbackSns.slow(10_000)) {
            config =
                    PipelineRuns.config(
                            tree.root(),
                            MINI_CLUSTER.warehouse(),
                            "alerts.rules=" + rules,
                            "alerts.defaults-enabled=false",
                            "alerts.sns.topic-arn=" + LoopbackSns.TOPIC_ARN,
                            "alerts.sns.endpoint=" + sns.endpoint(),
                            "alerts.sns.max-in-flight=50",
                            "alerts.jsonl-path=" + tmp.resolve("alerts.jsonl"),
                            "source.s3.mode=continuous",
                            "source.s3.discovery-interval=1s");
            JobClient job = PipelineRuns.start(config);
            try {
                waitFor(
                        () -> PipelineRuns.rows(config, Tables.INVOCATIONS).size() == ALERTS,
                        Duration.ofSeconds(90));
                long answeredWhenCommitted = sns.answered();
                long checkpoints = completedCheckpoints(cluster, job.getJobID());
                waitFor(
                        () -> completedCheckpoints(cluster, job.getJobID()) >= checkpoints + 2,
                        Duration.ofSeconds(30));
                assertThat(answeredWhenCommitted)
                        .as("calls committed while alerts waited for SNS")
                        .isLessThan(ALERTS);
                assertThat(sns.answered())
                        .as("checkpoints completed while alerts waited for SNS")
                        .isLessThan(ALERTS);
                assertThat(statuses(config)).containsValue("PENDING");

                waitFor(
                        () ->
                                statuses(config).size() == ALERTS
                                        && statuses(config).values().stream()
                                                .allMatch("DELIVERED"::equals),
                        Duration.ofSeconds(120));
            } finally {
                job.cancel().get();
                waitFor(
                        () -> job.getJobStatus().join().isGloballyTerminalState(),
                        Duration.ofSeconds(60));
            }
            assertThat(sns.requests()).hasSize(ALERTS);
        }
    }

    /** delivery_status by alert id, as committed to the alerts table. */
    private static Map<String, Object> statuses(JobConfig config) {
        return PipelineRuns.rows(config, AlertsTable.NAME).stream()
                .collect(
                        Collectors.toMap(
                                r -> (String) r.getField("alert_id"),
                                r -> r.getField("delivery_status")));
    }

    private static long completedCheckpoints(MiniCluster cluster, JobID job) {
        try {
            return cluster.getExecutionGraph(job)
                    .get()
                    .getCheckpointStatsSnapshot()
                    .getCounts()
                    .getNumberOfCompletedCheckpoints();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(end);
            Thread.sleep(250);
        }
    }
}
