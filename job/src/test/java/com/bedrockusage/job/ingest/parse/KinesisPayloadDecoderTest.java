package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.SyntheticLogs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class KinesisPayloadDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SyntheticLogs logs = new SyntheticLogs(9);
    private final KinesisPayloadDecoder decoder = new KinesisPayloadDecoder();

    /**
     * A CloudWatch Logs subscription envelope, serialized by Jackson (so messages are escaped for
     * real).
     */
    public static byte[] envelope(String messageType, boolean typeLast, String... messages)
            throws Exception {
        ObjectNode root = JSON.createObjectNode();
        if (!typeLast) {
            root.put("messageType", messageType);
        }
        root.put("owner", "123456789012");
        root.put("logGroup", "bedrock-invocations");
        root.put("logStream", "aws/bedrock/modelinvocations");
        root.putArray("subscriptionFilters").add("to-kinesis");
        ArrayNode events = root.putArray("logEvents");
        for (int i = 0; i < messages.length; i++) {
            events.addObject()
                    .put("id", "3195310660696698337880902507980421114328961542429822156" + i)
                    .put("timestamp", 1755536233000L)
                    .put("message", messages[i]);
        }
        if (typeLast) {
            root.put("messageType", messageType);
        }
        return JSON.writeValueAsBytes(root);
    }

    private List<IngestRecord> decode(byte[] payload) {
        List<IngestRecord> out = new ArrayList<>();
        decoder.decode(payload, "shardId-000000000000:4959", out::add);
        return out;
    }

    @Test
    void shouldEmitOneRecordPerLogEventInOrder() throws Exception {
        String a = logs.converse("a", Instant.parse("2025-08-18T16:00:00Z"), "us-east-1", 3000);
        String b =
                logs.streamAnthropic("b", Instant.parse("2025-08-18T16:00:01Z"), "us-east-1", 3000);
        String c =
                logs.invokeAnthropic("c", Instant.parse("2025-08-18T16:00:02Z"), "us-east-1", 3000);
        List<IngestRecord> out =
                decode(SyntheticLogs.gzip(envelope("DATA_MESSAGE", false, a, b, c)));
        assertThat(out).extracting(r -> r.invocation.requestId).containsExactly("a", "b", "c");
        assertThat(out)
                .allSatisfy(
                        r -> assertThat(r.invocation.source).isEqualTo(Invocation.SOURCE_KINESIS));

        BedrockRecordParser direct = new BedrockRecordParser(Invocation.SOURCE_KINESIS);
        byte[] bBytes = b.getBytes(StandardCharsets.UTF_8);
        assertThat(out.get(1).invocation).isEqualTo(direct.parse(bBytes, 0, bBytes.length));
    }

    @Test
    void shouldAcceptMessageTypeAfterLogEvents() throws Exception {
        String a =
                logs.converse("late-type", Instant.parse("2025-08-18T16:00:00Z"), "us-east-1", 100);
        assertThat(decode(SyntheticLogs.gzip(envelope("DATA_MESSAGE", true, a))))
                .extracting(r -> r.invocation.requestId)
                .containsExactly("late-type");
        assertThat(
                        decode(
                                SyntheticLogs.gzip(
                                        envelope("CONTROL_MESSAGE", true, "CWL CONTROL MESSAGE"))))
                .isEmpty();
        assertThat(decoder.controlMessages()).isEqualTo(1);
    }

    @Test
    void shouldRejectABadLogEventWithItsIndexAndKeepTheOthers() throws Exception {
        String good =
                logs.converse("good", Instant.parse("2025-08-18T16:00:00Z"), "us-east-1", 100);
        List<IngestRecord> out =
                decode(
                        SyntheticLogs.gzip(
                                envelope("DATA_MESSAGE", false, good, "{truncated", good)));
        assertThat(out).hasSize(3);
        assertThat(out.get(1).rejected.reason).isEqualTo("malformed-json");
        assertThat(out.get(1).rejected.source).isEqualTo("shardId-000000000000:4959/1");
        assertThat(out.get(2).invocation.requestId).isEqualTo("good");
    }

    @Test
    void shouldAcceptPlainAndGzipBedrockRecordsWithoutEnvelope() {
        byte[] record =
                logs.converse("plain", Instant.parse("2025-08-18T16:00:00Z"), "us-east-1", 100)
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(decode(record)).extracting(r -> r.invocation.requestId).containsExactly("plain");
        assertThat(decode(SyntheticLogs.gzip(record)))
                .extracting(r -> r.invocation.requestId)
                .containsExactly("plain");
    }

    @Test
    void shouldRejectDamagedPayloadsOnceWithoutThrowing() throws Exception {
        byte[] gz = SyntheticLogs.gzip(envelope("DATA_MESSAGE", false, "x", "y"));
        assertRejectedOnce(Arrays.copyOf(gz, gz.length / 2), "truncated-gzip");
        byte[] corrupt = gz.clone();
        corrupt[2] = 99; // compression method other than deflate
        assertRejectedOnce(corrupt, "corrupt-gzip");
        assertRejectedOnce(utf8("garbage"), "malformed-json");
        assertRejectedOnce(new byte[0], "malformed-json");
        assertRejectedOnce(utf8("{\"messageType\": \"DATA_MESSAGE\"}"), "invalid-envelope");
        assertRejectedOnce(
                utf8("{\"messageType\": \"OTHER\", \"logEvents\": []}"), "invalid-envelope");
        assertRejectedOnce(
                utf8("{\"messageType\": \"DATA_MESSAGE\", \"logEvents\": [{\"id\": \"1\"}]}"),
                "invalid-envelope");
    }

    private void assertRejectedOnce(byte[] payload, String reason) {
        assertThat(decode(payload)).extracting(r -> r.rejected.reason).containsExactly(reason);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
