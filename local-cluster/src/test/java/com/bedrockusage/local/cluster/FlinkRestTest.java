package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlinkRest} against a stand-in for the Flink REST API on loopback. */
class FlinkRestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dir;

    private HttpServer server;
    private FlinkRest rest;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger savepointPolls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        rest = new FlinkRest("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldUploadTheJarAsMultipartAndReturnItsId() throws IOException {
        Path jar = dir.resolve("job.jar");
        Files.write(jar, "PK-jar-bytes".getBytes(StandardCharsets.UTF_8));

        String id = rest.uploadJar(jar);

        assertThat(id).isEqualTo("abc_job.jar");
        assertThat(bodies.get("POST /jars/upload"))
                .contains("name=\"jarfile\"; filename=\"job.jar\"")
                .contains("Content-Type: application/x-java-archive")
                .contains("PK-jar-bytes");
    }

    @Test
    void shouldRunWithArgumentsSavepointAndPerJobConfiguration() throws IOException {
        String job =
                rest.runJar(
                        "abc_job.jar",
                        new FlinkRest.RunRequest()
                                .entryClass("com.example.Main")
                                .args(List.of("--set", "a.b=c d"))
                                .parallelism(2)
                                .fromSavepoint("file:/sp/savepoint-1", false)
                                .config("execution.checkpointing.interval", "3s"));

        assertThat(job).isEqualTo("j1");
        JsonNode body = MAPPER.readTree(bodies.get("POST /jars/abc_job.jar/run"));
        assertThat(body.path("entryClass").asText()).isEqualTo("com.example.Main");
        assertThat(body.path("programArgsList").toString()).isEqualTo("[\"--set\",\"a.b=c d\"]");
        assertThat(body.path("parallelism").asInt()).isEqualTo(2);
        assertThat(body.path("savepointPath").asText()).isEqualTo("file:/sp/savepoint-1");
        assertThat(body.path("allowNonRestoredState").asBoolean()).isFalse();
        assertThat(
                        body.path("flinkConfiguration")
                                .path("execution.checkpointing.interval")
                                .asText())
                .isEqualTo("3s");
    }

    @Test
    void shouldStopWithASavepointAndWaitForItsLocation() throws IOException {
        String path = rest.stopWithSavepoint("j1", "file:///sp", Duration.ofSeconds(30));

        assertThat(path).isEqualTo("file:/sp/savepoint-j1");
        assertThat(savepointPolls.get()).isEqualTo(2);
        JsonNode body = MAPPER.readTree(bodies.get("POST /jobs/j1/stop"));
        assertThat(body.path("targetDirectory").asText()).isEqualTo("file:///sp");
        assertThat(body.path("drain").asBoolean()).isFalse();
    }

    @Test
    void shouldTurnAFlinkErrorIntoItsMessageAndRootCause() {
        assertThatThrownBy(() -> rest.jobState("missing"))
                .isInstanceOf(FlinkRest.FlinkRestException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("Job missing not found")
                .hasMessageContaining("caused by: java.io.FileNotFoundException: gone")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void shouldSayTheClusterIsNotRunningWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FlinkRest nobody = new FlinkRest("http://127.0.0.1:" + port);

        assertThatThrownBy(nobody::jobs).hasMessageContaining("cluster status");
    }

    @Test
    void shouldReadWatermarksAndTreatNonNumbersAsNone() {
        assertThat(FlinkRest.parseWatermark("1793577834999")).isEqualTo(1793577834999L);
        assertThat(FlinkRest.parseWatermark("n/a")).isEqualTo(Long.MIN_VALUE);
    }

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        bodies.put(
                key, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
        switch (key) {
            case "POST /jars/upload" ->
                    reply(
                            ex,
                            200,
                            "{\"filename\":\"/tmp/flink-web/upload/abc_job.jar\",\"status\":\"success\"}");
            case "POST /jars/abc_job.jar/run" -> reply(ex, 200, "{\"jobid\":\"j1\"}");
            case "POST /jobs/j1/stop" -> reply(ex, 202, "{\"request-id\":\"t1\"}");
            case "GET /jobs/j1/savepoints/t1" ->
                    reply(
                            ex,
                            200,
                            savepointPolls.incrementAndGet() < 2
                                    ? "{\"status\":{\"id\":\"IN_PROGRESS\"}}"
                                    : "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"file:/sp/savepoint-j1\"}}");
            case "GET /jobs/missing" ->
                    reply(
                            ex,
                            404,
                            "{\"errors\":[\"org.apache.flink.runtime.rest.NotFoundException: "
                                    + "Job missing not found\\n\\tat org.apache.flink.X.y(X.java:1)\\n"
                                    + "Caused by: java.io.FileNotFoundException: gone\\n\\tat z\"]}");
            default -> reply(ex, 404, "{\"errors\":[\"Not found: " + key + "\"]}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
