package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cluster's launcher (local-cluster/bin/cluster) keeps every service it starts on
 * 127.0.0.1: its Flink configuration, and the Kinesis and S3 emulators (started for real, their
 * sockets read from /proc).
 */
class LocalServicesLoopbackTest {

    private static final Path CLUSTER_SCRIPT = Path.of("bin/cluster").toAbsolutePath();
    private static final Path KINESIS_MAIN =
            Path.of("emulators/node_modules/kinesis-local/main.js").toAbsolutePath();

    @TempDir Path tmp;

    @Test
    void shouldWriteAFlinkConfigurationThatListensOnLoopbackOnly() throws Exception {
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("conf"));
        assertThat(bash(home, Map.of(), "write_flink_conf 18081 16123 19090").exit).isZero();

        JsonNode conf =
                new ObjectMapper(new YAMLFactory())
                        .readTree(home.resolve("conf/config.yaml").toFile());
        for (String key :
                List.of(
                        "rest/address",
                        "rest/bind-address",
                        "jobmanager/rpc/address",
                        "jobmanager/bind-host",
                        "taskmanager/host",
                        "taskmanager/bind-host")) {
            assertThat(conf.at("/" + key).asText()).as(key).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldCreateTheClusterFoldersForItsUserOnly() throws Exception {
        Path home = tmp.resolve("cluster");
        // the folder-creating lines of start, run on their own
        String mkdirs =
                Files.readAllLines(CLUSTER_SCRIPT).stream()
                        .filter(
                                l ->
                                        l.contains("mkdir -p \"$CLUSTER_HOME\"/{")
                                                || l.contains("chmod 700 \"$CLUSTER_HOME\""))
                        .reduce("", (a, b) -> a + b + "\n");
        assertThat(mkdirs).contains("umask 077", "chmod 700");
        assertThat(bash(home, Map.of(), mkdirs).exit).isZero();
        for (String dir :
                List.of("", "checkpoints", "savepoints", "warehouse", "s3", "log", "tmp")) {
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(home.resolve(dir))))
                    .as(dir)
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void shouldStartTheKinesisEmulatorOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.supported(), "needs /proc");
        assumeTrue(
                Files.isRegularFile(KINESIS_MAIN),
                "kinesis-local not installed (npm ci in local-cluster/emulators)");
        assumeTrue(onPath("node"), "node is not installed");
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("log"));
        int plain = freePort();
        int tls = freePort();
        assertThat(bash(home, Map.of(), "start_kinesis " + plain + " " + tls).exit).isZero();
        long pid = Long.parseLong(Files.readString(home.resolve("pids/kinesis.pid")).trim());
        try {
            List<ListeningSockets.Socket> sockets = awaitListening(pid, 2, 90);
            assertThat(sockets).extracting(ListeningSockets.Socket::port).contains(plain, tls);
            assertThat(sockets)
                    .as("sockets of the Kinesis emulator")
                    .allMatch(ListeningSockets.Socket::loopback);
            // the guard "cluster start" runs once everything is up finds nothing to complain about
            // either
            Result guard = bash(home, Map.of(), "non_loopback_listeners");
            assertThat(guard.exit).isZero();
            assertThat(guard.out).isEmpty();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void shouldNameAServiceThatListensBeyondLoopback() throws Exception {
        assumeTrue(
                Files.isRegularFile(KINESIS_MAIN),
                "kinesis-local not installed (npm ci in local-cluster/emulators)");
        assumeTrue(onPath("node") && onPath("ss"), "needs node and ss");
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("log"));
        int plain = freePort();
        // the emulator as it binds without the loopback preload
        Path noop = Files.writeString(tmp.resolve("noop.cjs"), "");
        assertThat(
                        bash(
                                        home,
                                        Map.of(),
                                        "KINESIS_LOOPBACK='"
                                                + noop
                                                + "'; start_kinesis "
                                                + plain
                                                + " "
                                                + freePort())
                                .exit)
                .isZero();
        long pid = Long.parseLong(Files.readString(home.resolve("pids/kinesis.pid")).trim());
        try {
            assertThat(awaitListening(pid, 2, 90)).hasSize(2);
            Result guard = bash(home, Map.of(), "non_loopback_listeners");
            assertThat(guard.out).contains("kinesis ").contains(":" + plain);
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void shouldStartS3MockOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.supported(), "needs /proc");
        Path jar = s3MockJar();
        assumeTrue(
                jar != null,
                "S3Mock not resolved (local-cluster/bin/cluster start resolves it, or mvn dependency:get "
                        + "-Dartifact=com.adobe.testing:s3mock:3.12.0:jar:exec)");
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("log"));
        Files.createDirectories(home.resolve("s3"));
        int port = freePort();
        assertThat(bash(home, Map.of(), "S3MOCK_JAR='" + jar + "'; start_s3 " + port).exit)
                .isZero();
        long pid = Long.parseLong(Files.readString(home.resolve("pids/s3.pid")).trim());
        try {
            // generous: Spring Boot on a busy 2-core machine
            List<ListeningSockets.Socket> sockets = awaitListening(pid, 1, 240);
            assertThat(sockets).extracting(ListeningSockets.Socket::port).contains(port);
            assertThat(sockets).as("sockets of S3Mock").allMatch(ListeningSockets.Socket::loopback);
            HttpResponse<String> buckets =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + port + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(buckets.body()).contains("<Name>bedrock-invocation-logs</Name>");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * The jar the cluster resolves into its target folder, else the one in the local Maven
     * repository.
     */
    private static Path s3MockJar() {
        Path resolved = Path.of("cluster/target/s3mock/s3mock-exec.jar").toAbsolutePath();
        Path m2 =
                Path.of(
                        System.getProperty("user.home"),
                        ".m2/repository/com/adobe/testing/s3mock/3.12.0/s3mock-3.12.0-exec.jar");
        return Files.isRegularFile(resolved) ? resolved : Files.isRegularFile(m2) ? m2 : null;
    }

    private static List<ListeningSockets.Socket> awaitListening(long pid, int atLeast, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(pid);
        while (sockets.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            sockets = ListeningSockets.of(pid);
        }
        return sockets;
    }

    record Result(int exit, String out) {}

    /** Runs {@code script} with the cluster's functions defined, its state in {@code home}. */
    private Result bash(Path home, Map<String, String> env, String script) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(
                                "bash",
                                "-c",
                                "source \"$1\"\n" + script,
                                "bash",
                                CLUSTER_SCRIPT.toString())
                        .redirectErrorStream(true);
        pb.environment().put("LOCAL_CLUSTER_HOME", home.toString());
        pb.environment().putAll(env);
        Path out = tmp.resolve("bash.out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + script);
        }
        Result r = new Result(p.exitValue(), Files.readString(out));
        if (r.exit != 0) {
            System.err.println(r.out);
        }
        return r;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
