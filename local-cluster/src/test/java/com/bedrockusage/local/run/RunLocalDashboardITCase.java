package com.bedrockusage.local.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bedrockusage.job.config.ConfigKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local-cluster/bin/run-local} without {@code --bounded} serves the spend dashboard beside
 * the job and prints its URL: the script is started for real (with the classpath {@code mvn
 * package} leaves for it), the URL is read from its output and the dashboard's API answers there,
 * on 127.0.0.1 and the port asked for.
 */
class RunLocalDashboardITCase {

    private static final Path RUN_LOCAL = Path.of("bin/run-local").toAbsolutePath();
    private static final Path CLASSPATH_FILE =
            Path.of("target/runtime-classpath.txt").toAbsolutePath();
    private static final Pattern DASHBOARD_LINE =
            Pattern.compile("run-local: spend dashboard at (http://\\S+)");

    @TempDir Path tmp;

    @Test
    void shouldServeTheDashboardBesideAContinuousJobAndPrintItsUrl() throws Exception {
        // without it the script would build the project itself, inside this build
        assumeTrue(Files.isRegularFile(CLASSPATH_FILE), "run after mvn package (mvn verify does)");
        int dashboardPort = freePort();
        ProcessBuilder builder =
                new ProcessBuilder(
                                RUN_LOCAL.toString(),
                                "--logs",
                                Files.createDirectories(tmp.resolve("logs")).toString(),
                                "--warehouse",
                                tmp.resolve("warehouse").toString(),
                                "--web-ui-port",
                                Integer.toString(freePort()),
                                "--dashboard-port",
                                Integer.toString(dashboardPort),
                                "--set",
                                ConfigKeys.CHECKPOINT_DIR.fullName()
                                        + "="
                                        + tmp.resolve("checkpoints").toUri(),
                                "--set",
                                ConfigKeys.ALERTS_JSONL.fullName()
                                        + "="
                                        + tmp.resolve("alerts.jsonl"))
                        .directory(tmp.toFile())
                        .redirectErrorStream(true);
        builder.environment().put("RUN_LOCAL_HEAP", "1g");
        Process runLocal = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readLines(runLocal, output), "run-local output");
        reader.start();
        try {
            String url = awaitDashboardUrl(runLocal, output, Duration.ofMinutes(5));

            assertThat(String.join("\n", output)).contains("continuous run");
            assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
            assertThat(URI.create(url).getPort()).isEqualTo(dashboardPort);
            HttpResponse<String> meta =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url + "api/meta"))
                                            .timeout(Duration.ofSeconds(60))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(meta.statusCode()).as(meta.body()).isEqualTo(200);
        } finally {
            runLocal.destroy();
            if (!runLocal.waitFor(60, TimeUnit.SECONDS)) {
                runLocal.destroyForcibly();
            }
        }
    }

    private static String awaitDashboardUrl(Process runLocal, List<String> output, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    Matcher m = DASHBOARD_LINE.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            if (!runLocal.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "run-local printed no dashboard URL:\n" + String.join("\n", output));
    }

    private static void readLines(Process process, List<String> into) {
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                into.add(line);
            }
        } catch (java.io.IOException ignored) {
            // the process was stopped
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
