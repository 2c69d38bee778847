package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session cluster's launcher (local-cluster/bin/cluster) keeps every service it starts on 127.0.0.1: its Flink
 * configuration, the Kinesis emulator (started for real and checked from /proc) and S3Mock's arguments.
 */
class LocalServicesLoopbackTest {

    private static final Path CLUSTER_SCRIPT = Path.of("bin/cluster").toAbsolutePath();
    private static final Path KINESIS_MAIN = Path.of("emulators/node_modules/kinesis-local/main.js").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void shouldWriteAFlinkConfigurationThatListensOnLoopbackOnly() throws Exception {
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("conf"));
        assertThat(bash(home, Map.of(), "write_flink_conf 18081 16123 19090").exit).isZero();

        JsonNode conf = new ObjectMapper(new YAMLFactory()).readTree(home.resolve("conf/config.yaml").toFile());
        for (String key : List.of("rest/address", "rest/bind-address", "jobmanager/rpc/address", "jobmanager/bind-host",
                "taskmanager/host", "taskmanager/bind-host")) {
            assertThat(conf.at("/" + key).asText()).as(key).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldCreateTheClusterFoldersForItsUserOnly() throws Exception {
        Path home = tmp.resolve("cluster");
        // the folder-creating lines of start, run on their own
        String mkdirs = Files.readAllLines(CLUSTER_SCRIPT).stream()
                .filter(l -> l.contains("mkdir -p \"$CLUSTER_HOME\"/{") || l.contains("chmod 700 \"$CLUSTER_HOME\""))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(mkdirs).contains("umask 077", "chmod 700");
        assertThat(bash(home, Map.of(), mkdirs).exit).isZero();
        for (String dir : List.of("", "checkpoints", "savepoints", "warehouse", "s3", "log", "tmp")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(dir))))
                    .as(dir).isEqualTo("rwx------");
        }
    }

    @Test
    void shouldStartTheKinesisEmulatorOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.supported(), "needs /proc");
        assumeTrue(Files.isRegularFile(KINESIS_MAIN), "kinesis-local not installed (npm ci in local-cluster/emulators)");
        assumeTrue(onPath("node"), "node is not installed");
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("log"));
        int plain = freePort();
        int tls = freePort();
        assertThat(bash(home, Map.of(), "start_kinesis " + plain + " " + tls).exit).isZero();
        long pid = Long.parseLong(Files.readString(home.resolve("pids/kinesis.pid")).trim());
        try {
            List<ListeningSockets.Socket> sockets = awaitListening(pid, 2);
            assertThat(sockets).extracting(ListeningSockets.Socket::port).contains(plain, tls);
            assertThat(sockets).as("sockets of the Kinesis emulator").allMatch(ListeningSockets.Socket::loopback);
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void shouldTellS3MockToBindItsAddressToLoopback() throws Exception {
        // a stand-in java records what S3Mock would have been started with
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path args = tmp.resolve("java-args");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path home = tmp.resolve("cluster");
        Files.createDirectories(home.resolve("pids"));
        Files.createDirectories(home.resolve("log"));

        assertThat(bash(home, Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")),
                "start_s3 19090 19091; wait").exit).isZero();
        assertThat(Files.readAllLines(args)).contains("--server.address=127.0.0.1");
    }

    private static List<ListeningSockets.Socket> awaitListening(long pid, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
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
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source \"$1\"\n" + script, "bash", CLUSTER_SCRIPT.toString())
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
