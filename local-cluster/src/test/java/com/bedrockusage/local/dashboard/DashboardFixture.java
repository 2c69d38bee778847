package com.bedrockusage.local.dashboard;

import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.sink.TableDefinition;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.sql.SampleCalls;
import com.bedrockusage.local.sql.TestWarehouse;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.udf.CallerApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * A generated warehouse (SampleCalls, 2026-11-02 to 2026-11-04, plus three alerts) with a dashboard
 * serving it.
 */
final class DashboardFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    final TestWarehouse warehouse;
    final List<SampleCalls.Call> calls;
    final DashboardServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private DashboardFixture(
            TestWarehouse warehouse, List<SampleCalls.Call> calls, DashboardServer server) {
        this.warehouse = warehouse;
        this.calls = calls;
        this.server = server;
    }

    static DashboardFixture start(Path dir, int calls, long refreshMillis) throws IOException {
        TestWarehouse w = TestWarehouse.create(dir);
        List<SampleCalls.Call> sample = SampleCalls.generate(calls, 11);
        SampleCalls.writeAll(w, sample);
        writeAlerts(w);
        DashboardServer server = serve(dir, refreshMillis);
        awaitTags(server);
        return new DashboardFixture(w, sample, server);
    }

    /**
     * Tag questions answer 503 until the invocations are read (in the background, after the start).
     */
    private static void awaitTags(DashboardServer server) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!server.refresher().data().tagsReady() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A new snapshot of usage_daily with {@code calls}' totals, as the job's next commit. */
    void appendDailyUsage(List<SampleCalls.Call> calls) {
        warehouse.append(
                Tables.USAGE_DAILY,
                SampleCalls.usageRecords(warehouse, Tables.USAGE_DAILY, Duration.ofDays(1), calls));
    }

    /** A dashboard over an existing warehouse directory, on a free port. */
    static DashboardServer serve(Path dir, long refreshMillis) throws IOException {
        HadoopCatalog catalog = new HadoopCatalog(new Configuration(), dir.toUri().toString());
        WarehouseLoader loader =
                new WarehouseLoader(
                        catalog,
                        TestWarehouse.NAMESPACE,
                        new FactReader(
                                Pattern.compile(CallerApp.DEFAULT_PATTERN),
                                PriceCatalog.defaultCatalog()));
        return DashboardServer.start(loader, Budgets.none(), "127.0.0.1", 0, refreshMillis, CLOCK);
    }

    String url(String path) {
        return server.url() + path.replaceFirst("^/", "");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/" + pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError(
                    "GET /api/" + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The same call, {@code by} later (its price as before). */
    static SampleCalls.Call shifted(SampleCalls.Call c, java.time.Duration by, String idPrefix) {
        return new SampleCalls.Call(
                idPrefix + c.requestId(),
                c.time().plus(by),
                c.account(),
                c.region(),
                c.caller(),
                c.model(),
                c.input(),
                c.output(),
                c.cacheRead(),
                c.cacheWrite(),
                c.cacheWrite1h(),
                c.latencyMs(),
                c.errorCode(),
                c.team(),
                c.price());
    }

    static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    private static void writeAlerts(TestWarehouse w) {
        TableDefinition def = AlertsTable.definition();
        try (HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), w.dir().toUri().toString())) {
            catalog.createTable(
                    TableIdentifier.of(TestWarehouse.NAMESPACE, def.name()),
                    def.schema(),
                    def.partitionSpec(),
                    Map.of(TableProperties.FORMAT_VERSION, "2"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Record> rows = new ArrayList<>();
        rows.add(
                alert(
                        w,
                        "a-1",
                        "daily-budget",
                        "account",
                        "111111111111",
                        "1d",
                        "2026-11-03T00:00:00Z",
                        "2026-11-04T00:00:00Z",
                        "DELIVERED"));
        rows.add(
                alert(
                        w,
                        "a-2",
                        "sonnet-errors",
                        "model",
                        "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        "1h",
                        "2026-11-03T10:00:00Z",
                        "2026-11-03T11:00:00Z",
                        "FAILED"));
        rows.add(
                alert(
                        w,
                        "a-3",
                        "team-tokens",
                        "tag:team",
                        "search",
                        "1d",
                        "2026-11-04T00:00:00Z",
                        "2026-11-05T00:00:00Z",
                        "SUPPRESSED"));
        w.upsert(AlertsTable.NAME, rows);
    }

    static Record alert(
            TestWarehouse w,
            String id,
            String rule,
            String scope,
            String key,
            String window,
            String start,
            String end,
            String status) {
        GenericRecord r = w.newRecord(AlertsTable.NAME);
        BigDecimal zero = SampleCalls.money(BigDecimal.ZERO);
        r.setField("alert_id", id);
        r.setField("rule_id", rule);
        r.setField("kind", "threshold");
        r.setField("severity", "high");
        r.setField("metric", "cost_usd");
        r.setField("scope", scope);
        r.setField("scope_key", key);
        r.setField("window", window);
        r.setField("window_start", SampleCalls.ts(Instant.parse(start)));
        r.setField("window_end", SampleCalls.ts(Instant.parse(end)));
        r.setField("observed_value", SampleCalls.money(new BigDecimal("12.5")));
        r.setField("threshold", SampleCalls.money(BigDecimal.TEN));
        r.setField("window_cost_usd", zero);
        r.setField("window_invocations", 10L);
        r.setField("account_id", scope.equals("account") ? key : null);
        r.setField("event_time", SampleCalls.ts(Instant.parse(start).plusSeconds(60)));
        r.setField("fired_at", SampleCalls.ts(Instant.parse(start).plusSeconds(61)));
        r.setField("subject", "[HIGH] Bedrock " + rule + ": " + scope + " " + key);
        r.setField("delivery_status", status);
        r.setField("delivery_attempts", 1);
        r.setField("delivery_error", status.equals("FAILED") ? "AuthorizationError" : null);
        r.setField("completed_at", SampleCalls.ts(Instant.parse(start).plusSeconds(62)));
        return r;
    }

    @Override
    public void close() throws Exception {
        server.close();
        warehouse.close();
    }
}
