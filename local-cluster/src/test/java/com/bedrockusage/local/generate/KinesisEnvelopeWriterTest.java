package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an in-process stand-in for the Kinesis PutRecords API on 127.0.0.1. */
class KinesisEnvelopeWriterTest {

    private static final String STREAM =
            "arn:aws:kinesis:us-east-1:000000000000:stream/bedrock-logs";

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    /** Entries to reject with ProvisionedThroughputExceededException, counted across calls. */
    private final AtomicInteger throttleNext = new AtomicInteger();

    private final AtomicInteger status = new AtomicInteger(200);

    /** Envelopes the fake accepted, gunzipped and parsed. */
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeKinesis() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    JsonNode request = GeneratedLogs.MAPPER.readTree(body);
                    requests.add(request);
                    authorizations.add(
                            exchange.getRequestHeaders().getFirst("Authorization")
                                    + " | "
                                    + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                    byte[] reply;
                    if (status.get() != 200) {
                        reply =
                                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no such stream\"}"
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(status.get(), reply.length);
                    } else {
                        ObjectNode response = GeneratedLogs.MAPPER.createObjectNode();
                        ArrayNode results = response.putArray("Records");
                        int failed = 0;
                        for (JsonNode record : request.path("Records")) {
                            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                failed++;
                                results.addObject()
                                        .put("ErrorCode", "ProvisionedThroughputExceededException")
                                        .put(
                                                "ErrorMessage",
                                                "Rate exceeded for shard shardId-000000000000");
                            } else {
                                accepted.add(gunzip(record.path("Data").asText()));
                                results.addObject()
                                        .put("SequenceNumber", "4963" + accepted.size())
                                        .put("ShardId", "shardId-000000000000");
                            }
                        }
                        response.put("FailedRecordCount", failed);
                        reply = GeneratedLogs.MAPPER.writeValueAsBytes(response);
                        exchange.sendResponseHeaders(200, reply.length);
                    }
                    exchange.getResponseBody().write(reply);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stopFakeKinesis() {
        server.stop(0);
    }

    @Test
    void shouldPutRecordsAsEnvelopesGroupedByOwnerAccount() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            records.add(record(i % 2 == 0 ? "111111111111" : "222222222222", i));
        }

        try (KinesisEnvelopeWriter writer = writer(50)) {
            writer.write(records);
        }

        assertThat(requests).isNotEmpty();
        assertThat(requests.get(0).path("StreamARN").asText()).isEqualTo(STREAM);
        assertThat(authorizations.get(0))
                .startsWith("AWS4-HMAC-SHA256 Credential=test-key/")
                .contains("/us-east-1/kinesis/aws4_request")
                .endsWith("| Kinesis_20131202.PutRecords");
        // 60 records per account, at most 50 events per envelope: two envelopes each
        assertThat(accepted).hasSize(4);
        List<String> messages = new ArrayList<>();
        for (JsonNode envelope : accepted) {
            assertThat(envelope.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
            assertThat(envelope.path("logStream").asText())
                    .isEqualTo("aws/bedrock/modelinvocations");
            assertThat(envelope.path("logEvents").size()).isLessThanOrEqualTo(50);
            for (JsonNode event : envelope.path("logEvents")) {
                String message = event.path("message").asText();
                assertThat(GeneratedLogs.MAPPER.readTree(message).path("accountId").asText())
                        .isEqualTo(envelope.path("owner").asText());
                assertThat(event.path("id").asText()).matches("\\d{56}");
                assertThat(event.path("timestamp").asLong())
                        .isEqualTo(
                                Instant.parse(
                                                GeneratedLogs.MAPPER
                                                        .readTree(message)
                                                        .path("timestamp")
                                                        .asText())
                                        .toEpochMilli());
                messages.add(message);
            }
        }
        assertThat(messages).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void shouldResendOnlyTheThrottledEntries() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record("111111111111", i));
        }
        throttleNext.set(4);

        try (KinesisEnvelopeWriter writer = writer(3)) {
            writer.write(records);
            writer.flush();
            assertThat(writer.retries()).isEqualTo(4);
            assertThat(writer.envelopesSent()).isEqualTo(10);
        }

        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).path("Records")).hasSize(4);
        assertThat(accepted).hasSize(10);
        assertThat(
                        accepted.stream()
                                .flatMap(KinesisEnvelopeWriterTest::events)
                                .map(e -> e.path("message").asText()))
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void shouldFailClearlyOnANonRetryableError() {
        status.set(400);

        assertThatThrownBy(
                        () -> {
                            try (KinesisEnvelopeWriter writer = writer(50)) {
                                writer.write(List.of(record("111111111111", 1)));
                            }
                        })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void shouldSendTheGeneratorsRecordsInKinesisMode() throws Exception {
        GenerateLogs.Result result =
                GenerateLogs.generate(
                        GeneratorOptions.parse(
                                "--kinesis-stream",
                                STREAM,
                                "--endpoint",
                                endpoint().toString(),
                                "--invocations",
                                "300",
                                "--body-kb",
                                "0.3",
                                "--seed",
                                "5"));

        assertThat(accepted.get(0).path("messageType").asText()).isEqualTo("CONTROL_MESSAGE");
        List<JsonNode> data = accepted.subList(1, accepted.size());
        assertThat(data).allMatch(e -> e.path("messageType").asText().equals("DATA_MESSAGE"));
        assertThat(result.envelopes()).isEqualTo(data.size());
        long events = data.stream().mapToLong(e -> e.path("logEvents").size()).sum();
        assertThat(events)
                .isEqualTo(result.totals().uniqueRecords + result.totals().duplicateLines);
        assertThat(
                        data.stream()
                                .flatMap(KinesisEnvelopeWriterTest::events)
                                .map(e -> e.path("message").asText())
                                .distinct()
                                .count())
                .isEqualTo(result.totals().uniqueRecords);
    }

    private KinesisEnvelopeWriter writer(int eventsPerEnvelope) {
        return KinesisEnvelopeWriter.builder(endpoint(), STREAM)
                .region("us-east-1")
                .credentials("test-key", "test-secret")
                .maxEventsPerEnvelope(eventsPerEnvelope)
                .build();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String record(String account, int i) {
        return "{\"timestamp\":\"2026-11-01T00:00:"
                + String.format("%02d", i % 60)
                + "Z\",\"accountId\":\""
                + account
                + "\",\"region\":\"us-east-1\",\"requestId\":\"req-"
                + i
                + "\",\"input\":{\"inputBodyJson\":{\"t\":\"a \\\"q\\\"\\n\"}}}";
    }

    private static java.util.stream.Stream<JsonNode> events(JsonNode envelope) {
        return java.util.stream.StreamSupport.stream(
                envelope.path("logEvents").spliterator(), false);
    }

    private static JsonNode gunzip(String base64) throws IOException {
        return GeneratedLogs.MAPPER.readTree(
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64))));
    }
}
