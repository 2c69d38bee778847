package com.bedrockusage.job.ingest.source;

import static com.bedrockusage.job.testing.KinesisMock.emulatorDir;
import static com.bedrockusage.job.testing.KinesisMock.freePort;
import static com.bedrockusage.job.testing.KinesisMock.startEmulator;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.ingest.parse.KinesisPayloadDecoderTest;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.SdkBytes;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.apache.ApacheHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.regions.Region;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.StreamStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end against kinesis-mock (npm {@code kinesis-local}, pinned in {@code
 * local-cluster/emulators}): the test starts it as a child process on free 127.0.0.1 ports, puts
 * gzip CloudWatch Logs envelopes (data, one CONTROL_MESSAGE, one garbage record), reads them with
 * the real connector and stops the emulator by PID.
 */
class BedrockLogKinesisITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    static final String STREAM = "bedrock-logs";
    static final String ACCESS_KEY = "AKIDLOCAL";
    static final String SECRET_KEY = "local-secret";

    @Test
    void shouldReadCloudWatchEnvelopesFromKinesisEndToEnd() throws Exception {
        File emulators = emulatorDir();
        int plainPort = freePort();
        int tlsPort = freePort();
        Process emulator = startEmulator(emulators, plainPort, tlsPort);
        try {
            waitForPort(plainPort, emulator);
            String endpoint = "http://127.0.0.1:" + plainPort;
            List<String> expectedIds = new ArrayList<>();
            try (KinesisClient kinesis =
                    KinesisClient.builder()
                            .endpointOverride(URI.create(endpoint))
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                            .httpClientBuilder(ApacheHttpClient.builder())
                            .build()) {
                kinesis.createStream(b -> b.streamName(STREAM).shardCount(1));
                waitUntilActive(kinesis);
                SyntheticLogs logs = new SyntheticLogs(17);
                for (int r = 0; r < 3; r++) {
                    List<String> messages = new ArrayList<>();
                    for (int e = 0; e < 4; e++) {
                        String id = "kin-" + r + "-" + e;
                        expectedIds.add(id);
                        messages.add(
                                logs.record(
                                        id,
                                        Instant.parse("2025-08-18T16:00:00Z")
                                                .plusSeconds(r * 10L + e),
                                        "us-east-1",
                                        2000));
                    }
                    put(
                            kinesis,
                            KinesisPayloadDecoderTest.envelope(
                                    "DATA_MESSAGE", false, messages.toArray(new String[0])),
                            "p" + r);
                    if (r == 1) {
                        put(
                                kinesis,
                                KinesisPayloadDecoderTest.envelope(
                                        "CONTROL_MESSAGE",
                                        false,
                                        "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."),
                                "control");
                        put(kinesis, "not a log".getBytes(StandardCharsets.UTF_8), "garbage");
                    }
                }
            }
            String streamArn = "arn:aws:kinesis:us-east-1:000000000000:stream/" + STREAM;

            Configuration config = new Configuration();
            config.setString("aws.endpoint", endpoint);
            config.setString("aws.region", "us-east-1");
            config.setString("aws.credentials.provider", "BASIC");
            config.setString("aws.credentials.provider.basic.accesskeyid", ACCESS_KEY);
            config.setString("aws.credentials.provider.basic.secretkey", SECRET_KEY);
            config.set(
                    KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
                    KinesisStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            List<IngestRecord> out =
                    env.fromSource(
                                    BedrockLogKinesis.source(streamArn, config),
                                    WatermarkStrategy.noWatermarks(),
                                    "bedrock-log-kinesis",
                                    IngestTypes.INGEST_RECORD)
                            .uid("bedrock-log-kinesis")
                            .executeAndCollect(expectedIds.size() + 1);

            assertThat(
                            out.stream()
                                    .filter(r -> r.invocation != null)
                                    .map(r -> r.invocation.requestId)
                                    .collect(Collectors.toList()))
                    .containsExactlyElementsOf(expectedIds);
            List<IngestRecord> rejected =
                    out.stream().filter(IngestRecord::isRejected).collect(Collectors.toList());
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).rejected.reason).isEqualTo("malformed-json");
            assertThat(rejected.get(0).rejected.source).matches("shardId-\\d+:\\d+");
        } finally {
            stop(emulator);
        }
    }

    static void put(KinesisClient kinesis, byte[] payload, String key) {
        byte[] data = payload[0] == '{' ? SyntheticLogs.gzip(payload) : payload;
        kinesis.putRecord(
                b -> b.streamName(STREAM).partitionKey(key).data(SdkBytes.fromByteArray(data)));
    }

    static void waitUntilActive(KinesisClient kinesis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            StreamStatus status =
                    kinesis.describeStreamSummary(b -> b.streamName(STREAM))
                            .streamDescriptionSummary()
                            .streamStatus();
            if (status == StreamStatus.ACTIVE) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("stream not active");
    }

    /**
     * local-cluster/emulators with kinesis-local installed ({@code npm ci} from the lock file if
     * needed).
     */
    static void waitForPort(int port, Process emulator) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!emulator.isAlive()) {
                throw new IllegalStateException("kinesis-mock exited with " + emulator.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("kinesis-mock did not listen on " + port);
    }

    static void stop(Process emulator) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(emulator.pid()).orElse(null);
        if (handle == null) {
            return;
        }
        handle.destroy();
        if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
