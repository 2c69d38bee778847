package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kinesis mode against kinesis-mock (npm {@code kinesis-local}, installed by {@code
 * local-cluster/emulators}), on 127.0.0.1. Skipped when node or the emulator is not installed.
 */
class KinesisEnvelopeWriterITCase {

    private static final String STREAM =
            "arn:aws:kinesis:us-east-1:000000000000:stream/generator-it";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Process emulator;
    private static URI endpoint;

    @BeforeAll
    static void startEmulator() throws Exception {
        Path main =
                Path.of(
                        System.getProperty(
                                "kinesis.local.main",
                                "emulators/node_modules/kinesis-local/main.js"));
        assumeTrue(
                Files.isRegularFile(main),
                "kinesis-local not installed at " + main.toAbsolutePath());
        assumeTrue(onPath("node"), "node not installed");
        int plain = freePort();
        int tls = freePort();
        Path log =
                Files.createDirectories(Path.of("target"))
                        .resolve("kinesis-local-generator-it.log");
        // kinesis-mock hard-codes 0.0.0.0; the project's preload keeps it on 127.0.0.1
        Path loopbackOnly = Path.of("emulators/loopback-only.cjs").toAbsolutePath();
        ProcessBuilder pb =
                new ProcessBuilder("node", "--require", loopbackOnly.toString(), main.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plain));
        pb.environment().put("KINESIS_MOCK_TLS_PORT", Integer.toString(tls));
        pb.environment()
                .put("KINESIS_MOCK_CERT_PATH", main.resolveSibling("server.json").toString());
        pb.environment().put("INITIALIZE_STREAMS", "generator-it:2");
        pb.environment().put("LOG_LEVEL", "WARN");
        emulator = pb.start();
        endpoint = URI.create("http://127.0.0.1:" + plain);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (call("ListShards", Map.of("StreamARN", STREAM)).path("Shards").size() == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // starting, or the stream is still being created
            }
            if (System.nanoTime() > deadline || !emulator.isAlive()) {
                throw new IllegalStateException(
                        "kinesis-local did not come up; see " + log.toAbsolutePath());
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopEmulator() throws InterruptedException {
        if (emulator != null) {
            emulator.destroy();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldDeliverEveryGeneratedLineAsALogEventOfItsOwnersEnvelope() throws Exception {
        GenerateLogs.Result result =
                GenerateLogs.generate(
                        GeneratorOptions.parse(
                                "--kinesis-stream",
                                STREAM,
                                "--endpoint",
                                endpoint.toString(),
                                "--invocations",
                                "400",
                                "--body-kb",
                                "1",
                                "--seed",
                                "3"));

        List<JsonNode> all = readAll();
        assertThat(all)
                .filteredOn(e -> e.path("messageType").asText().equals("CONTROL_MESSAGE"))
                .hasSize(1);
        List<JsonNode> envelopes =
                all.stream()
                        .filter(e -> !e.path("messageType").asText().equals("CONTROL_MESSAGE"))
                        .toList();
        assertThat(envelopes).hasSize((int) result.envelopes());
        long events = 0;
        Set<String> requestIds = new HashSet<>();
        for (JsonNode envelope : envelopes) {
            assertThat(envelope.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
            for (JsonNode event : envelope.path("logEvents")) {
                JsonNode record = GeneratedLogs.MAPPER.readTree(event.path("message").asText());
                assertThat(record.path("accountId").asText())
                        .isEqualTo(envelope.path("owner").asText());
                requestIds.add(record.path("requestId").asText());
                events++;
            }
        }
        assertThat(events)
                .isEqualTo(result.totals().uniqueRecords + result.totals().duplicateLines);
        assertThat(requestIds).hasSize(400);
    }

    private static List<JsonNode> readAll() throws Exception {
        List<JsonNode> envelopes = new ArrayList<>();
        for (JsonNode shard : call("ListShards", Map.of("StreamARN", STREAM)).path("Shards")) {
            String iterator =
                    call(
                                    "GetShardIterator",
                                    Map.of(
                                            "StreamARN",
                                            STREAM,
                                            "ShardId",
                                            shard.path("ShardId").asText(),
                                            "ShardIteratorType",
                                            "TRIM_HORIZON"))
                            .path("ShardIterator")
                            .asText();
            while (true) {
                JsonNode page =
                        call(
                                "GetRecords",
                                Map.of(
                                        "StreamARN",
                                        STREAM,
                                        "ShardIterator",
                                        iterator,
                                        "Limit",
                                        1000));
                for (JsonNode record : page.path("Records")) {
                    byte[] data = Base64.getDecoder().decode(record.path("Data").asText());
                    envelopes.add(
                            GeneratedLogs.MAPPER.readTree(
                                    new GZIPInputStream(new ByteArrayInputStream(data))));
                }
                if (page.path("Records").isEmpty() || !page.hasNonNull("NextShardIterator")) {
                    break;
                }
                iterator = page.path("NextShardIterator").asText();
            }
        }
        return envelopes;
    }

    private static JsonNode call(String action, Map<String, Object> request) throws IOException {
        ObjectNode body = GeneratedLogs.MAPPER.valueToTree(request);
        byte[] bytes = GeneratedLogs.MAPPER.writeValueAsBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("x-amz-target", "Kinesis_20131202." + action);
        HttpRequest.Builder req =
                HttpRequest.newBuilder(endpoint.resolve("/"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        new SigV4("local", "local", null, "us-east-1", "kinesis")
                .sign(
                        endpoint.getHost() + ":" + endpoint.getPort(),
                        "/",
                        headers,
                        bytes,
                        Instant.now())
                .forEach(req::header);
        try {
            HttpResponse<String> response =
                    HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(
                        action + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return GeneratedLogs.MAPPER.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        for (String dir :
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
