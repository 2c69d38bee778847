package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.ingest.parse.KinesisPayloadDecoderTest;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.SdkBytes;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.Record;
import org.junit.jupiter.api.Test;

/**
 * A shard resumed at its trim horizon leaves a kinesis_trimmed row before its first record, which
 * is still read.
 */
class BedrockKinesisDeserializerTest {

    @Test
    void shouldMarkTheGapWhenAShardResumesAtItsTrimHorizonAndStillReadTheRecord() throws Exception {
        BedrockKinesisDeserializer deserializer =
                new BedrockKinesisDeserializer(Duration.ofHours(24));
        List<IngestRecord> out = new ArrayList<>();
        Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
        deserializer.deserialize(
                record("1", dayAgo, "req-1"),
                "bedrock-logs",
                "shardId-000000000000",
                new ListCollector<>(out));
        deserializer.deserialize(
                record("2", dayAgo, "req-2"),
                "bedrock-logs",
                "shardId-000000000000",
                new ListCollector<>(out));

        assertThat(out).hasSize(3);
        assertThat(out.get(0).rejected.reason).isEqualTo(RejectReason.KINESIS_TRIMMED);
        assertThat(out.get(0).rejected.source).isEqualTo("shardId-000000000000");
        assertThat(out.get(1).invocation.requestId).isEqualTo("req-1");
        assertThat(out.get(2).invocation.requestId).isEqualTo("req-2");
    }

    @Test
    void shouldNotMarkAShardResumedWithinTheRetention() throws Exception {
        BedrockKinesisDeserializer deserializer =
                new BedrockKinesisDeserializer(Duration.ofHours(24));
        List<IngestRecord> out = new ArrayList<>();
        deserializer.deserialize(
                record("1", Instant.now().minus(Duration.ofHours(2)), "req-1"),
                "bedrock-logs",
                "shardId-000000000000",
                new ListCollector<>(out));

        assertThat(out).singleElement().satisfies(r -> assertThat(r.isRejected()).isFalse());
    }

    private static Record record(String sequence, Instant arrival, String requestId)
            throws Exception {
        String line = new SyntheticLogs(3).record(requestId, arrival, "us-east-1", 100);
        byte[] envelope = KinesisPayloadDecoderTest.envelope("DATA_MESSAGE", false, line);
        return Record.builder()
                .sequenceNumber(sequence)
                .partitionKey("p")
                .approximateArrivalTimestamp(arrival)
                .data(SdkBytes.fromByteArray(SyntheticLogs.gzip(envelope)))
                .build();
    }
}
