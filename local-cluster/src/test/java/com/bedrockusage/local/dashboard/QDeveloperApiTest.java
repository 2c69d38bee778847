package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.local.sql.SampleQDeveloper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/qdeveloper} against a generated warehouse: its numbers equal the Q Developer tables
 * read directly, computed as {@code q_developer_users.sql} computes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QDeveloperApiTest {

    static final String MONTH = "2026-11";
    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension static final DashboardExtension DASHBOARD = new DashboardExtension(60, 200);

    @Test
    @Order(1)
    void usersOfTheMonthEqualTheMonthlyTableAsTheQueryPackReadsIt() throws Exception {
        JsonNode q = fixture().api("qdeveloper?month=" + MONTH);

        List<Record> months = rows(QDeveloperTables.MONTHLY);
        assertThat(q.get("month").asText()).isEqualTo(MONTH);
        assertThat(q.get("has_data").asBoolean()).isTrue();
        assertThat(q.get("rows")).hasSize(months.size()).hasSize(SampleQDeveloper.USERS.length);
        Map<String, JsonNode> byUser = new HashMap<>();
        q.get("rows").forEach(r -> byUser.put(r.get("user_id").asText(), r));
        long chat = 0;
        long input = 0;
        for (Record m : months) {
            JsonNode r = byUser.get((String) m.getField("user_id"));
            assertThat(r.get("account_id").asText()).isEqualTo(m.getField("account_id"));
            assertThat(r.get("chat_events").asLong()).isEqualTo(m.getField("chat_events"));
            assertThat(r.get("chat_events").isNumber()).as("counts are numbers").isTrue();
            assertThat(r.get("inline_events").asLong()).isEqualTo(m.getField("inline_events"));
            assertThat(r.get("dev_uses").asLong()).isEqualTo(m.getField("dev_events"));
            assertThat(r.get("est_input_tokens").asLong()).isEqualTo(m.getField("input_tokens"));
            assertThat(r.get("est_output_tokens").asLong()).isEqualTo(m.getField("output_tokens"));
            assertThat(r.get("dev_uses_limit").asLong()).isEqualTo(m.getField("dev_uses_limit"));
            assertThat(r.get("dev_uses_pct").asText())
                    .isEqualTo(sqlPercent(m.getField("dev_events"), m.getField("dev_uses_limit")));
            assertThat(r.get("transformation_pct").asText())
                    .isEqualTo(
                            sqlPercent(
                                    m.getField("transformation_lines"),
                                    m.getField("transformation_lines_limit")));
            assertThat(r.get("context_window_pct").asText())
                    .isEqualTo(
                            sqlPercent(
                                    m.getField("max_conversation_tokens"),
                                    m.getField("context_window_limit")));
            chat += (Long) m.getField("chat_events");
            input += (Long) m.getField("input_tokens");
        }
        assertThat(q.get("totals").get("users").asLong()).isEqualTo(months.size());
        assertThat(q.get("totals").get("chat_events").asLong()).isEqualTo(chat);
        assertThat(q.get("totals").get("input_tokens").asLong()).isEqualTo(input);
        // ordered as the query pack: dev_uses_pct descending
        assertThat(q.get("rows").get(0).get("user_id").asText()).isEqualTo("d-1.alice");
    }

    @Test
    @Order(2)
    void inlineAcceptanceAndTheDailyChartComeFromTheDailyTable() throws Exception {
        JsonNode q = fixture().api("qdeveloper?month=" + MONTH + "&user=d-1.bob");

        long suggestions = 0;
        long accepted = 0;
        long[] chatPerDay = new long[30];
        long dev = 0;
        for (Record d : rows(QDeveloperTables.DAILY)) {
            if (!"d-1.bob".equals(d.getField("user_id"))) {
                continue;
            }
            suggestions += (Long) d.getField("inline_suggestions");
            accepted += (Long) d.getField("inline_acceptances");
            chatPerDay[((OffsetDateTime) d.getField("day_start")).getDayOfMonth() - 1] +=
                    (Long) d.getField("chat_events");
            dev += (Long) d.getField("dev_events");
        }
        JsonNode bob = q.get("rows").get(0);
        assertThat(q.get("rows")).hasSize(1);
        assertThat(bob.get("inline_suggestions").asLong()).isEqualTo(suggestions);
        assertThat(bob.get("inline_acceptances").asLong()).isEqualTo(accepted);
        assertThat(new BigDecimal(bob.get("inline_acceptance_rate").asText()))
                .isEqualByComparingTo(
                        BigDecimal.valueOf(accepted)
                                .divide(BigDecimal.valueOf(suggestions), 6, RoundingMode.HALF_UP));
        JsonNode daily = q.get("daily");
        assertThat(daily.get("days")).hasSize(30);
        assertThat(daily.get("days").get(0).asText()).isEqualTo("2026-11-01");
        long devSum = 0;
        for (int i = 0; i < 30; i++) {
            assertThat(daily.get("chat_events").get(i).asLong()).isEqualTo(chatPerDay[i]);
            devSum += daily.get("dev_events").get(i).asLong();
        }
        assertThat(devSum).isEqualTo(dev).isPositive();
    }

    @Test
    @Order(3)
    void filtersNarrowAndAnEmptyMonthOrAccountHasNoRows() throws Exception {
        assertThat(fixture().api("qdeveloper?month=2026-10").get("rows")).isEmpty();
        assertThat(fixture().api("qdeveloper?month=2026-10").get("has_data").asBoolean()).isTrue();
        assertThat(fixture().api("qdeveloper?account=999999999999").get("rows")).isEmpty();
        assertThat(fixture().api("qdeveloper?account=" + SampleQDeveloper.ACCOUNT).get("rows"))
                .hasSize(SampleQDeveloper.USERS.length);
        assertThat(fixture().api("qdeveloper").get("month").asText())
                .as("default: the newest month with Q data")
                .isEqualTo(MONTH);
        assertThat(fixture().get("/api/qdeveloper?month=November").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void theMonthsQAlertsOfTheChosenUserAndNoBedrockAlerts() throws Exception {
        List<Record> alerts = new ArrayList<>();
        alerts.add(
                DashboardFixture.alert(
                        fixture().warehouse,
                        "q-1",
                        "q-dev-uses-80pct",
                        "qdeveloper-user",
                        SampleQDeveloper.ACCOUNT + "|d-1.alice",
                        "month",
                        "2026-11-01T00:00:00Z",
                        "2026-12-01T00:00:00Z",
                        "DELIVERED"));
        fixture().warehouse.upsert(AlertsTable.NAME, alerts);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fixture().api("qdeveloper?month=" + MONTH).get("alerts").isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        JsonNode all = fixture().api("qdeveloper?month=" + MONTH).get("alerts");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("rule_id").asText()).isEqualTo("q-dev-uses-80pct");
        assertThat(fixture().api("qdeveloper?month=" + MONTH + "&user=d-1.bob").get("alerts"))
                .isEmpty();
        assertThat(fixture().api("qdeveloper?month=2026-10").get("alerts")).isEmpty();
    }

    @Test
    void aWarehouseWithoutQDataSaysSo() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("q-empty");
        try (DashboardServer empty = DashboardFixture.serve(dir, 60_000)) {
            String body =
                    java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            empty.url() + "api/qdeveloper"))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body();
            JsonNode q = DashboardFixture.JSON.readTree(body);
            assertThat(q.get("has_data").asBoolean()).isFalse();
            assertThat(q.get("rows")).isEmpty();
            assertThat(q.get("totals").get("users").asLong()).isZero();
        }
    }

    /** {@code CAST(100.0 * used / lim AS DECIMAL(10, 1))}, as the query pack writes it. */
    private static String sqlPercent(Object used, Object limit) {
        return new BigDecimal("100.0")
                .multiply(BigDecimal.valueOf((Long) used))
                .divide(BigDecimal.valueOf((Long) limit), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static List<Record> rows(String table) {
        List<Record> out = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(fixture().warehouse.table(table)).build()) {
            records.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static DashboardFixture fixture() {
        return DASHBOARD.fixture();
    }
}
