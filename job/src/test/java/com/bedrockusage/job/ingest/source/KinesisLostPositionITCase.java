package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.ingest.parse.KinesisPayloadDecoderTest;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.KinesisMock;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe: what the Kinesis connector (4.3.0-1.19) does when the position it restores is no longer in
 * the shard, as after a stop longer than the stream's retention. kinesis-mock never trims by age,
 * so the probe makes the position vanish another way: after the savepoint the stream is deleted and
 * created again under the same name (same shard id, new records). The test asserts what was
 * observed, so a connector or emulator change that alters it is noticed; docs/operations.md
 * ("Stopped longer than the Kinesis retention") records the outcome.
 */
class KinesisLostPositionITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    private static final String STREAM = "bedrock-logs";

    static final Queue<String> READ = new ConcurrentLinkedQueue<>();

    @TempDir Path tmp;

    @Test
    void shouldShowWhatTheConnectorDoesWithARestoredPositionThatIsGone(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        try (KinesisMock kinesis = KinesisMock.start(STREAM)) {
            putCalls(kinesis, "before", 4);

            JobID first = submit(cluster, kinesis, null);
            waitFor(() -> READ.size() == 4, Duration.ofSeconds(120));
            String savepoint =
                    cluster.triggerSavepoint(
                                    first,
                                    tmp.toUri().toString(),
                                    true,
                                    SavepointFormatType.CANONICAL)
                            .get();
            waitFor(
                    () -> cluster.getJobStatus(first).join().isGloballyTerminalState(),
                    Duration.ofSeconds(60));

            KinesisClient client = kinesis.client();
            client.deleteStream(b -> b.streamName(STREAM));
            waitFor(() -> client.listStreams().streamNames().isEmpty(), Duration.ofSeconds(60));
            kinesis.createStream();
            putCalls(kinesis, "after", 4);

            READ.clear();
            JobID restored = submit(cluster, kinesis, savepoint);
            waitFor(
                    () ->
                            cluster.getJobStatus(restored).join().isGloballyTerminalState()
                                    || !READ.isEmpty(),
                    Duration.ofSeconds(90));
            JobStatus status = cluster.getJobStatus(restored).join();
            String cause = "";
            if (status.isGloballyTerminalState()) {
                JobResult result = cluster.requestJobResult(restored).join();
                cause =
                        result.getSerializedThrowable()
                                .map(
                                        t ->
                                                ExceptionUtils.stringifyException(
                                                        t.deserializeError(
                                                                getClass().getClassLoader())))
                                .orElse("");
            } else {
                cluster.cancelJob(restored).get();
            }
            String observed =
                    "restored job: status="
                            + status
                            + ", read="
                            + READ
                            + ", cause: "
                            + firstLines(cause, "Unable to find record", "Exception");

            // Observed on kinesis-mock 0.6.2: GetShardIterator(AFTER_SEQUENCE_NUMBER) of a sequence
            // number the shard
            // no longer holds answers ResourceNotFoundException, and the connector fails the job
            // with it (with a
            // restart strategy, it fails again on every restart). Real Kinesis instead reads on
            // from the trim horizon.
            assertThat(status).as(observed).isEqualTo(JobStatus.FAILED);
            assertThat(cause)
                    .as(observed)
                    .contains("Unable to find record with provided SequenceNumber");
            assertThat(READ).as(observed).isEmpty();
        }
    }

    private static void putCalls(KinesisMock kinesis, String prefix, int n) throws Exception {
        SyntheticLogs logs = new SyntheticLogs(5);
        for (int i = 0; i < n; i++) {
            kinesis.put(
                    SyntheticLogs.gzip(
                            KinesisPayloadDecoderTest.envelope(
                                    "DATA_MESSAGE",
                                    false,
                                    logs.record(
                                            prefix + "-" + i,
                                            Instant.now().minusSeconds(60),
                                            "us-east-1",
                                            200))),
                    "p" + i);
        }
    }

    private static JobID submit(MiniCluster cluster, KinesisMock kinesis, String savepoint)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(500);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSource(
                        BedrockLogKinesis.source(
                                kinesis.streamArn(), kinesis.sourceConfiguration()),
                        WatermarkStrategy.noWatermarks(),
                        "kinesis",
                        IngestTypes.INGEST_RECORD)
                .uid("bedrock-log-kinesis")
                .map(KinesisLostPositionITCase::remember, Types.STRING)
                .uid("remember")
                .sinkTo(new DiscardingSink<>());
        JobGraph graph = env.getStreamGraph().getJobGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
        }
        return cluster.submitJob(graph).get().getJobID();
    }

    private static String remember(IngestRecord r) {
        String what =
                r.invocation != null ? r.invocation.requestId : "rejected:" + r.rejected.reason;
        READ.add(what);
        return what;
    }

    private static String firstLines(String text, String... containing) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String c : containing) {
                if (line.contains(c) && out.size() < 4) {
                    out.add(line.trim());
                    break;
                }
            }
        }
        return String.join(" | ", out);
    }

    private static void waitFor(BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(end);
            Thread.sleep(250);
        }
    }
}
