package com.bedrockusage.local.cluster;

import com.bedrockusage.job.usage.UsageWindows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The few calls of the Flink REST API the local tools need: upload and run a jar, job state, stop
 * with a savepoint, watermarks and checkpoint counts. Plain {@link HttpClient} + Jackson, no Flink
 * client classes, so it talks to any Flink 1.20 session cluster the same way {@code curl} would.
 */
public final class FlinkRest {

    /**
     * Operator metric of a usage window: {@code
     * <subtask>.usage_per_<granularity>.currentInputWatermark}.
     */
    private static final Pattern WINDOW_INPUT_WATERMARK =
            Pattern.compile(
                    "\\d+\\."
                            + UsageWindows.NAME_PREFIX.replace(' ', '_')
                            + "\\w+\\.currentInputWatermark");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public FlinkRest(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    public String baseUrl() {
        String s = base.toString();
        return s.substring(0, s.length() - 1);
    }

    /** Uploads a jar ({@code POST /jars/upload}); returns its id on the cluster. */
    public String uploadJar(Path jar) throws IOException {
        String boundary = "----bedrock" + UUID.randomUUID().toString().replace("-", "");
        byte[] head =
                ("--"
                                + boundary
                                + "\r\n"
                                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\n"
                                + "Content-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // streamed from disk: the shaded job jar is a few hundred MB
        HttpRequest req =
                HttpRequest.newBuilder(base.resolve("jars/upload"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofByteArray(head),
                                        HttpRequest.BodyPublishers.ofFile(jar),
                                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                        .build();
        JsonNode reply = send(req);
        String filename = reply.path("filename").asText("");
        if (!"success".equals(reply.path("status").asText()) || filename.isEmpty()) {
            throw new FlinkRestException("jar upload was not accepted: " + reply);
        }
        return Path.of(filename).getFileName().toString();
    }

    /**
     * Runs an uploaded jar ({@code POST /jars/:id/run}); returns the job id. The main method runs
     * inside the JobManager, so errors in it (bad arguments, unreachable catalog) come back in this
     * call.
     */
    public String runJar(String jarId, RunRequest run) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        if (run.entryClass != null) {
            body.put("entryClass", run.entryClass);
        }
        body.putPOJO("programArgsList", run.programArgs);
        if (run.parallelism != null) {
            body.put("parallelism", run.parallelism);
        }
        if (run.savepointPath != null) {
            body.put("savepointPath", run.savepointPath);
            body.put("allowNonRestoredState", run.allowNonRestoredState);
        }
        if (!run.flinkConfiguration.isEmpty()) {
            body.putPOJO("flinkConfiguration", run.flinkConfiguration);
        }
        JsonNode reply = post("jars/" + jarId + "/run", body, Duration.ofMinutes(3));
        String jobId = reply.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new FlinkRestException("the cluster did not return a job id: " + reply);
        }
        return jobId;
    }

    public void deleteJar(String jarId) throws IOException {
        send(
                HttpRequest.newBuilder(base.resolve("jars/" + jarId))
                        .timeout(Duration.ofSeconds(30))
                        .DELETE()
                        .build());
    }

    /** Jobs known to the cluster, newest first. */
    public List<JobSummary> jobs() throws IOException {
        List<JobSummary> out = new ArrayList<>();
        for (JsonNode j : get("jobs/overview").path("jobs")) {
            out.add(
                    new JobSummary(
                            j.path("jid").asText(),
                            j.path("name").asText(),
                            j.path("state").asText(),
                            j.path("start-time").asLong()));
        }
        out.sort((a, b) -> Long.compare(b.startTime(), a.startTime()));
        return out;
    }

    public String jobState(String jobId) throws IOException {
        return get("jobs/" + jobId).path("state").asText();
    }

    /** The root cause of a failed job, from its exception history, or "" when there is none. */
    public String rootException(String jobId) throws IOException {
        JsonNode ex = get("jobs/" + jobId + "/exceptions?maxExceptions=1");
        String root =
                ex.path("exceptionHistory").path("entries").path(0).path("stacktrace").asText("");
        if (root.isEmpty()) {
            root = ex.path("root-exception").asText("");
        }
        return root;
    }

    /**
     * Stops a job with a savepoint ({@code POST /jobs/:id/stop}, no drain: windows stay open and
     * resume from the savepoint) and waits for it; returns the savepoint path.
     */
    public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        if (targetDirectory != null) {
            body.put("targetDirectory", targetDirectory);
        }
        body.put("drain", false);
        String trigger =
                post("jobs/" + jobId + "/stop", body, Duration.ofSeconds(30))
                        .path("request-id")
                        .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode s = get("jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(s.path("status").path("id").asText())) {
                JsonNode op = s.path("operation");
                if (op.has("location")) {
                    return op.path("location").asText();
                }
                throw new FlinkRestException(
                        "stop-with-savepoint failed: "
                                + firstLine(
                                        op.path("failure-cause")
                                                .path("stack-trace")
                                                .asText(op.toString())));
            }
            if (System.nanoTime() > deadline) {
                throw new FlinkRestException(
                        "stop-with-savepoint did not complete within "
                                + timeout.toSeconds()
                                + " s");
            }
            sleep(500);
        }
    }

    /** Completed checkpoints of a job so far. */
    public long completedCheckpoints(String jobId) throws IOException {
        return get("jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /**
     * The current input watermark of every operator chain (vertex) of a job that has inputs, as the
     * minimum over its subtasks; vertices whose subtasks report none yet are {@link
     * Long#MIN_VALUE}. Sources are left out.
     */
    public Map<String, Long> inputWatermarks(String jobId) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        JsonNode plan = get("jobs/" + jobId + "/plan").path("plan").path("nodes");
        for (JsonNode node : plan) {
            if (!node.has("inputs") || node.path("inputs").isEmpty()) {
                continue;
            }
            String id = node.path("id").asText();
            Long windows = windowInputWatermark(jobId, id);
            long min = Long.MAX_VALUE;
            int reported = 0;
            if (windows != null) {
                min = windows;
                reported = 1;
            } else {
                for (JsonNode w : get("jobs/" + jobId + "/vertices/" + id + "/watermarks")) {
                    if (w.path("id").asText().endsWith(".currentInputWatermark")) {
                        reported++;
                        min = Math.min(min, parseWatermark(w.path("value").asText()));
                    }
                }
            }
            out.put(
                    node.path("description").asText(id).replaceAll("<br/>", " "),
                    reported == 0 ? Long.MIN_VALUE : min);
        }
        return out;
    }

    /**
     * The lowest input watermark of the usage window operators ({@code usage per …}) in a vertex,
     * or null when it has none. Needed because the windows are chained behind a broadcast operator:
     * the task's own input watermark is the minimum over both inputs, and the idle broadcast input
     * never reports one.
     */
    private Long windowInputWatermark(String jobId, String vertexId) throws IOException {
        List<String> wanted = new ArrayList<>();
        for (JsonNode m : get("jobs/" + jobId + "/vertices/" + vertexId + "/metrics")) {
            String name = m.path("id").asText();
            if (WINDOW_INPUT_WATERMARK.matcher(name).matches()) {
                wanted.add(name);
            }
        }
        if (wanted.isEmpty()) {
            return null;
        }
        long min = Long.MAX_VALUE;
        for (JsonNode m :
                get(
                        "jobs/"
                                + jobId
                                + "/vertices/"
                                + vertexId
                                + "/metrics?get="
                                + String.join(",", wanted))) {
            min = Math.min(min, parseWatermark(m.path("value").asText()));
        }
        return min;
    }

    /**
     * Per source subtask: its output watermark and how long it has emitted nothing ({@code
     * sourceIdleTime}), for finding the source that holds the watermark back.
     */
    public List<String> sourceWatermarks(String jobId) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode node : get("jobs/" + jobId + "/plan").path("plan").path("nodes")) {
            if (node.has("inputs") && !node.path("inputs").isEmpty()) {
                continue;
            }
            String id = node.path("id").asText();
            List<String> wanted = new ArrayList<>();
            for (JsonNode m : get("jobs/" + jobId + "/vertices/" + id + "/metrics")) {
                String name = m.path("id").asText();
                if (name.endsWith(".currentOutputWatermark") || name.endsWith(".sourceIdleTime")) {
                    wanted.add(name);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Map<String, String> values = new java.util.TreeMap<>();
            for (JsonNode m :
                    get(
                            "jobs/"
                                    + jobId
                                    + "/vertices/"
                                    + id
                                    + "/metrics?get="
                                    + String.join(",", wanted))) {
                values.put(m.path("id").asText(), m.path("value").asText());
            }
            String label = node.path("description").asText(id);
            values.forEach(
                    (k, v) ->
                            out.add(
                                    label.substring(0, Math.min(40, label.length()))
                                            + " subtask "
                                            + k.substring(0, k.indexOf('.'))
                                            + " "
                                            + k.substring(k.lastIndexOf('.') + 1)
                                            + "="
                                            + (k.endsWith("Watermark")
                                                    ? java.time.Instant.ofEpochMilli(
                                                                    parseWatermark(v))
                                                            .toString()
                                                    : v + " ms")));
        }
        return out;
    }

    static long parseWatermark(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    public JsonNode get(String path) throws IOException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build());
    }

    private JsonNode post(String path, JsonNode body, Duration timeout) throws IOException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                        .build());
    }

    private JsonNode send(HttpRequest req) throws IOException {
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new FlinkRestException(
                    "cannot reach the Flink REST API at "
                            + baseUrl()
                            + " (is the cluster running? local-cluster/bin/cluster status)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode json =
                resp.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(resp.body());
        if (resp.statusCode() >= 400) {
            throw new FlinkRestException(
                    req.method()
                            + " "
                            + req.uri().getPath()
                            + " failed with HTTP "
                            + resp.statusCode()
                            + ": "
                            + errors(json));
        }
        return json;
    }

    /**
     * Flink puts errors in {@code errors[]}; the first line of each is the message, the rest a
     * stack trace.
     */
    static String errors(JsonNode json) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : json.path("errors")) {
            out.add(causes(e.asText()));
        }
        return out.isEmpty() ? json.toString() : String.join("; ", out);
    }

    /**
     * The first line of a stack trace and its root cause ("Caused by: ..."), without frames: what a
     * user reads.
     */
    static String causes(String trace) {
        String first = null;
        String root = null;
        for (String line : trace.split("\n")) {
            String t = line.strip();
            if (first == null && !t.isEmpty()) {
                first = t;
            } else if (t.startsWith("Caused by: ")) {
                root = t.substring("Caused by: ".length());
            }
        }
        if (first == null) {
            return "";
        }
        return root == null || first.endsWith(root) ? first : first + "\n  caused by: " + root;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Thread.sleep; an interrupt is kept and reported as an IOException. */
    static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One row of {@code /jobs/overview}. */
    public record JobSummary(String id, String name, String state, long startTime) {}

    /** The body of {@code /jars/:id/run}. */
    public static final class RunRequest {
        String entryClass;
        final List<String> programArgs = new ArrayList<>();
        Integer parallelism;
        String savepointPath;
        boolean allowNonRestoredState;
        final Map<String, String> flinkConfiguration = new LinkedHashMap<>();

        public RunRequest entryClass(String c) {
            this.entryClass = c;
            return this;
        }

        public RunRequest args(List<String> args) {
            programArgs.addAll(args);
            return this;
        }

        public RunRequest parallelism(int p) {
            this.parallelism = p;
            return this;
        }

        public RunRequest fromSavepoint(String path, boolean allowNonRestored) {
            this.savepointPath = path;
            this.allowNonRestoredState = allowNonRestored;
            return this;
        }

        public RunRequest config(String key, String value) {
            flinkConfiguration.put(key, value);
            return this;
        }
    }

    /** A REST call failed; the message is meant for the user. */
    public static final class FlinkRestException extends IOException {
        private static final long serialVersionUID = 1L;

        public FlinkRestException(String message) {
            super(message);
        }

        public FlinkRestException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
