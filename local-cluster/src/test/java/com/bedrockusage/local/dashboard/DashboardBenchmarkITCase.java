package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.sql.SampleCalls;
import com.bedrockusage.local.sql.TestWarehouse;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * docs/benchmarks.md, "Dashboard": API answer times and the overview's first full paint on a
 * generated warehouse of {@code DASHBOARD_BENCH_INVOCATIONS} calls over 30 days (skipped without
 * it). Prints figures; asserts nothing about speed (the machine is shared), only that every answer
 * is a 200.
 */
class DashboardBenchmarkITCase {

    static final int DAYS = 30;
    static final int RUNS = 7;
    static final String RANGE = "from=2026-11-02&to=2026-12-02";
    static final List<String> ENDPOINTS =
            List.of(
                    "summary?" + RANGE,
                    "overview?" + RANGE,
                    "timeseries?by=model&" + RANGE,
                    "timeseries?by=caller&from=2026-11-20&to=2026-11-27",
                    "timeseries?by=model&from=2026-11-20T10:00:00Z&to=2026-11-20T16:00:00Z",
                    "top?dim=caller&" + RANGE,
                    "top?dim=tag:team&" + RANGE,
                    "models?" + RANGE,
                    "alerts?" + RANGE,
                    "meta");

    @Test
    void measure() throws Exception {
        String size = System.getenv("DASHBOARD_BENCH_INVOCATIONS");
        Assumptions.assumeTrue(
                size != null, "set DASHBOARD_BENCH_INVOCATIONS=1000000 to run the benchmark");
        int invocations = Integer.parseInt(size);
        Path dir = Paths.get("target", "dashboard-bench-" + invocations).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            long t0 = System.nanoTime();
            generate(dir, invocations);
            System.out.printf(
                    "bench: generated %d calls over %d days in %.1f s%n",
                    invocations, DAYS, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        try (DashboardServer server = DashboardFixture.serve(dir, 60_000)) {
            System.out.printf(
                    "bench: usage tables read in %.2f s%n", (System.nanoTime() - t0) / 1e9);
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (!server.refresher().data().tagsReady() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(server.refresher().data().tagsReady()).as("invocations read").isTrue();
            System.out.printf(
                    "bench: invocations read for tags after %.2f s%n",
                    (System.nanoTime() - t0) / 1e9);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String endpoint : ENDPOINTS) {
                long[] ms = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r =
                            http.send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            server.url() + "api/" + endpoint))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                    assertThat(r.statusCode()).as(endpoint + ": " + r.body()).isEqualTo(200);
                }
                long first = ms[0];
                Arrays.sort(ms);
                System.out.printf(
                        "bench: api %-70s first %5d ms, median %5d ms, max %5d ms%n",
                        endpoint, first, ms[RUNS / 2], ms[RUNS - 1]);
            }
            paint(server);
        }
    }

    private static void paint(DashboardServer server) throws Exception {
        if (!Files.isExecutable(Chromium.BROWSER)) {
            System.out.println("bench: no chromium, paint not measured");
            return;
        }
        Path profile = Files.createTempDirectory("bench-chromium");
        ChromeDriver browser = Chromium.start(profile);
        try {
            List<Long> painted = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                browser.get(server.url() + "?" + RANGE + "&run=" + i);
                Object ms =
                        new WebDriverWait(browser, Duration.ofMinutes(2))
                                .until(
                                        d ->
                                                ((JavascriptExecutor) d)
                                                        .executeScript(
                                                                "return document.body.dataset.paintedMs || null;"));
                painted.add(Long.parseLong(ms.toString()));
            }
            long first = painted.get(0);
            System.out.println("bench: overview paints in order (ms): " + painted);
            painted.sort(null);
            System.out.printf(
                    "bench: overview first full paint: first %d ms, median %d ms, max %d ms%n",
                    first, painted.get(RUNS / 2), painted.get(RUNS - 1));
        } finally {
            browser.quit();
        }
    }

    /** Calls of SampleCalls (three days each) shifted into ten consecutive three-day blocks. */
    private static void generate(Path dir, int invocations) throws Exception {
        try (TestWarehouse w = TestWarehouse.create(dir)) {
            int blocks = DAYS / SampleCalls.DAYS;
            for (int b = 0; b < blocks; b++) {
                List<SampleCalls.Call> calls = new ArrayList<>();
                for (SampleCalls.Call c : SampleCalls.generate(invocations / blocks, 1000 + b)) {
                    calls.add(
                            DashboardFixture.shifted(
                                    c, Duration.ofDays((long) b * SampleCalls.DAYS), b + "-"));
                }
                w.append(Tables.INVOCATIONS, SampleCalls.invocationRecords(w, calls));
                for (String table :
                        List.of(Tables.USAGE_MINUTE, Tables.USAGE_HOURLY, Tables.USAGE_DAILY)) {
                    Duration window =
                            table.equals(Tables.USAGE_MINUTE)
                                    ? Duration.ofMinutes(1)
                                    : table.equals(Tables.USAGE_HOURLY)
                                            ? Duration.ofHours(1)
                                            : Duration.ofDays(1);
                    List<Record> rows = SampleCalls.usageRecords(w, table, window, calls);
                    w.append(table, rows);
                }
            }
        }
    }
}
