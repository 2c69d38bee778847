package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CloudWatchEnvelopeTest {

    static final String RECORD =
            "{\"timestamp\":\"2026-11-01T00:00:05Z\",\"accountId\":\"123456789012\","
                    + "\"region\":\"us-east-1\",\"requestId\":\"r-1\",\"operation\":\"Converse\",\"modelId\":\"amazon.nova-lite-v1:0\","
                    + "\"input\":{\"inputBodyJson\":{\"messages\":[{\"text\":\"say \\\"hi\\\"\\n\\tZ\u00fcrich \\u00e9 \\\\ \uD83D\uDE80\"}]},"
                    + "\"inputTokenCount\":3},\"output\":{\"outputTokenCount\":2}}";

    @Test
    void shouldEncodeAGzipDataMessageWhoseMessagesAreTheRecordsVerbatim() throws Exception {
        byte[] data =
                CloudWatchEnvelope.encode(
                        "123456789012",
                        "/aws/bedrock/invocation-logs",
                        CloudWatchEnvelope.BEDROCK_LOG_STREAM,
                        List.of("to-kinesis"),
                        List.of(
                                new CloudWatchEnvelope.LogEvent("1", 1_793_491_205_000L, RECORD),
                                new CloudWatchEnvelope.LogEvent(
                                        "2",
                                        1_793_491_206_000L,
                                        "{\"accountId\":\"123456789012\"}")));

        JsonNode envelope =
                GeneratedLogs.MAPPER.readTree(new GZIPInputStream(new ByteArrayInputStream(data)));

        assertThat(envelope.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
        assertThat(envelope.path("owner").asText()).isEqualTo("123456789012");
        assertThat(envelope.path("logGroup").asText()).isEqualTo("/aws/bedrock/invocation-logs");
        assertThat(envelope.path("logStream").asText()).isEqualTo("aws/bedrock/modelinvocations");
        assertThat(envelope.path("subscriptionFilters").path(0).asText()).isEqualTo("to-kinesis");
        JsonNode events = envelope.path("logEvents");
        assertThat(events).hasSize(2);
        assertThat(events.path(0).path("id").asText()).isEqualTo("1");
        assertThat(events.path(0).path("timestamp").asLong()).isEqualTo(1_793_491_205_000L);
        assertThat(events.path(0).path("message").isTextual()).isTrue();
        assertThat(events.path(0).path("message").asText()).isEqualTo(RECORD);
        assertThat(
                        GeneratedLogs.MAPPER
                                .readTree(events.path(0).path("message").asText())
                                .path("input")
                                .path("inputBodyJson")
                                .path("messages")
                                .path(0)
                                .path("text")
                                .asText())
                .isEqualTo("say \"hi\"\n\tZ\u00fcrich \u00e9 \\ \uD83D\uDE80");
    }

    @Test
    void shouldEncodeTheControlMessageConsumersMustSkip() throws Exception {
        JsonNode envelope =
                GeneratedLogs.MAPPER.readTree(
                        new GZIPInputStream(
                                new ByteArrayInputStream(
                                        CloudWatchEnvelope.controlMessage(1_793_491_200_000L))));

        assertThat(envelope.path("messageType").asText()).isEqualTo("CONTROL_MESSAGE");
        assertThat(envelope.path("owner").asText()).isEqualTo("CloudwatchLogs");
        assertThat(envelope.path("logEvents").path(0).path("message").asText())
                .startsWith("CWL CONTROL MESSAGE");
    }
}
