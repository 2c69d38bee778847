package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.ingest.parse.KinesisPayloadDecoderTest;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.KinesisMock;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end against kinesis-mock ({@link KinesisMock}): the test starts it, puts gzip CloudWatch
 * Logs envelopes (data, one CONTROL_MESSAGE, one garbage record), reads them with the real
 * connector and stops the emulator by PID.
 */
class BedrockLogKinesisITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @Test
    void shouldReadCloudWatchEnvelopesFromKinesisEndToEnd() throws Exception {
        try (KinesisMock kinesis = KinesisMock.start("bedrock-logs")) {
            List<String> expectedIds = new ArrayList<>();
            SyntheticLogs logs = new SyntheticLogs(17);
            for (int r = 0; r < 3; r++) {
                List<String> messages = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    String id = "kin-" + r + "-" + e;
                    expectedIds.add(id);
                    messages.add(
                            logs.record(
                                    id,
                                    Instant.parse("2025-08-18T16:00:00Z").plusSeconds(r * 10L + e),
                                    "us-east-1",
                                    2000));
                }
                kinesis.put(
                        SyntheticLogs.gzip(
                                KinesisPayloadDecoderTest.envelope(
                                        "DATA_MESSAGE", false, messages.toArray(new String[0]))),
                        "p" + r);
                if (r == 1) {
                    kinesis.put(
                            SyntheticLogs.gzip(
                                    KinesisPayloadDecoderTest.envelope(
                                            "CONTROL_MESSAGE",
                                            false,
                                            "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.")),
                            "control");
                    kinesis.put("not a log".getBytes(StandardCharsets.UTF_8), "garbage");
                }
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            List<IngestRecord> out =
                    env.fromSource(
                                    BedrockLogKinesis.source(
                                            kinesis.streamArn(), kinesis.sourceConfiguration()),
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
        }
    }
}
