package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.local.sql.SampleCalls;
import com.bedrockusage.local.sql.SampleCalls.Call;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JSON API against a generated warehouse: numbers equal the generated calls, filters narrow
 * them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiTest {

    @RegisterExtension
    static final DashboardExtension DASHBOARD = new DashboardExtension(600, 60_000);

    @Test
    void summaryAnswersTheRangesTotalsFromUsageDaily() throws Exception {
        JsonNode s = fixture().api("summary?from=2026-11-02&to=2026-11-05");

        List<Call> all = fixture().calls;
        assertThat(s.get("cost_usd").isTextual()).as("money is a decimal string").isTrue();
        assertThat(DashboardFixture.money(s.get("cost_usd")))
                .isEqualByComparingTo(cost(all, c -> true));
        assertThat(s.get("invocations").asLong()).isEqualTo(all.size());
        assertThat(s.get("input_tokens").asLong())
                .isEqualTo(all.stream().mapToLong(Call::input).sum());
        assertThat(s.get("output_tokens").asLong())
                .isEqualTo(all.stream().mapToLong(Call::output).sum());
        assertThat(s.get("cache_read_tokens").asLong())
                .isEqualTo(all.stream().mapToLong(Call::cacheRead).sum());
        assertThat(s.get("cache_write_tokens").asLong())
                .isEqualTo(all.stream().mapToLong(Call::cacheWrite).sum());
        assertThat(s.get("unpriced_invocations").asLong())
                .isEqualTo(all.stream().filter(c -> !c.price().isPriced()).count());
        assertThat(s.get("data_up_to").asText()).isEqualTo("2026-11-05T00:00:00Z");
    }

    @Test
    void summaryCountsOnlyTheDaysOfTheRangeWithToExclusive() throws Exception {
        JsonNode s = fixture().api("summary?from=2026-11-03&to=2026-11-04");

        Instant from = Instant.parse("2026-11-03T00:00:00Z");
        Predicate<Call> day =
                c -> !c.time().isBefore(from) && c.time().isBefore(from.plus(Duration.ofDays(1)));
        assertThat(DashboardFixture.money(s.get("cost_usd")))
                .isEqualByComparingTo(cost(fixture().calls, day));
        assertThat(s.get("invocations").asLong())
                .isEqualTo(fixture().calls.stream().filter(day).count());
    }

    @Test
    void filtersNarrowTheNumbers() throws Exception {
        String range = "from=2026-11-02&to=2026-11-05";
        JsonNode all = fixture().api("overview?" + range);
        JsonNode one = fixture().api("overview?" + range + "&account=222222222222");
        JsonNode team = fixture().api("overview?" + range + "&tag=team:search");

        BigDecimal accountCost = cost(fixture().calls, c -> c.account().equals("222222222222"));
        BigDecimal teamCost = cost(fixture().calls, c -> "search".equals(c.team()));
        assertThat(DashboardFixture.money(one.get("range").get("cost_usd")))
                .isEqualByComparingTo(accountCost)
                .isLessThan(DashboardFixture.money(all.get("range").get("cost_usd")));
        assertThat(DashboardFixture.money(team.get("range").get("cost_usd")))
                .isEqualByComparingTo(teamCost);
    }

    @Test
    void topTableHasSharesAndTheChangeFromThePreviousPeriod() throws Exception {
        JsonNode t = fixture().api("top?dim=account&from=2026-11-04&to=2026-11-05");

        BigDecimal shares = BigDecimal.ZERO;
        for (JsonNode row : t.get("rows")) {
            String account = row.get("name").asText();
            Instant day = Instant.parse("2026-11-04T00:00:00Z");
            BigDecimal now =
                    cost(fixture().calls, c -> c.account().equals(account) && inDay(c, day));
            BigDecimal before =
                    cost(
                            fixture().calls,
                            c ->
                                    c.account().equals(account)
                                            && inDay(c, day.minus(Duration.ofDays(1))));
            assertThat(DashboardFixture.money(row.get("cost_usd"))).isEqualByComparingTo(now);
            assertThat(DashboardFixture.money(row.get("previous_cost_usd")))
                    .isEqualByComparingTo(before);
            assertThat(DashboardFixture.money(row.get("change_usd")))
                    .isEqualByComparingTo(now.subtract(before));
            shares = shares.add(DashboardFixture.money(row.get("share")));
        }
        assertThat(shares).isBetween(new BigDecimal("0.99999"), new BigDecimal("1.00001"));
    }

    @Test
    void topTableDownloadsAsCsv() throws Exception {
        HttpResponse<String> r =
                fixture().get("/api/top?dim=caller&from=2026-11-02&to=2026-11-05&format=csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .contains("top-caller.csv");
        List<String> lines = r.body().lines().toList();
        assertThat(lines.get(0)).startsWith("caller,cost_usd,share,invocations");
        assertThat(lines).hasSize(1 + SampleCalls.CALLERS.length);
        assertThat(r.body())
                .contains(
                        "\"arn:aws:sts::111111111111:assumed-role/DataAnalysis-BedrockRole/ops,night\"");
    }

    @Test
    void spendOverTimeFollowsTheRange() throws Exception {
        assertThat(
                        fixture()
                                .api("timeseries?from=2026-11-02&to=2026-11-05")
                                .get("granularity")
                                .asText())
                .isEqualTo("hour");
        assertThat(
                        fixture()
                                .api("timeseries?from=2026-10-01&to=2026-11-05")
                                .get("granularity")
                                .asText())
                .isEqualTo("day");
        JsonNode minutes =
                fixture()
                        .api(
                                "timeseries?from=2026-11-03T10:00:00Z&to=2026-11-03T12:00:00Z&by=caller");
        assertThat(minutes.get("granularity").asText()).isEqualTo("minute");
        assertThat(minutes.get("buckets")).hasSize(120);
        Instant from = Instant.parse("2026-11-03T10:00:00Z");
        assertThat(DashboardFixture.money(minutes.get("cost_usd")))
                .isEqualByComparingTo(
                        cost(
                                fixture().calls,
                                c ->
                                        !c.time().isBefore(from)
                                                && c.time()
                                                        .isBefore(from.plus(Duration.ofHours(2)))));
    }

    @Test
    void aRangeWithoutDataAnswersZerosNotErrors() throws Exception {
        JsonNode s = fixture().api("summary?from=2020-01-01&to=2020-01-02");
        JsonNode ts = fixture().api("timeseries?from=2020-01-01&to=2020-01-02");

        assertThat(s.get("cost_usd").asText()).isEqualTo("0");
        assertThat(s.get("invocations").asLong()).isZero();
        assertThat(ts.get("series")).isEmpty();
        assertThat(fixture().api("top?from=2020-01-01&to=2020-01-02").get("rows")).isEmpty();
    }

    @Test
    void alertsFeedHasEveryStatusAndFiltersByIt() throws Exception {
        JsonNode a = fixture().api("alerts?from=2026-11-02&to=2026-11-05");

        assertThat(a.get("alerts")).hasSize(3);
        assertThat(a.get("alerts").get(0).get("alert_id").asText())
                .as("newest first")
                .isEqualTo("a-3");
        assertThat(a.get("by_status").get("delivered").asLong()).isEqualTo(1);
        assertThat(a.get("by_status").get("failed").asLong()).isEqualTo(1);
        assertThat(a.get("by_status").get("suppressed").asLong()).isEqualTo(1);
        assertThat(
                        fixture()
                                .api("alerts?from=2026-11-02&to=2026-11-05&status=failed")
                                .get("alerts"))
                .hasSize(1);
    }

    @Test
    void badRequestsAreClearAndTheServerIsReadOnly() throws Exception {
        assertThat(fixture().get("/api/summary?from=2026-13-01").statusCode()).isEqualTo(400);
        assertThat(fixture().get("/api/summary?from=2026-11-05&to=2026-11-01").body())
                .contains("before");
        assertThat(fixture().get("/api/top?dim=color").statusCode()).isEqualTo(400);
        assertThat(
                        fixture()
                                .get(
                                        "/api/timeseries?from=2020-01-01&to=2026-01-01&granularity=minute")
                                .statusCode())
                .as("years of minutes")
                .isEqualTo(400);
        assertThat(fixture().get("/api/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> post =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(fixture().url("/api/summary")))
                                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void pagesAndTheBundledChartLibraryAreServedFromTheJar() throws Exception {
        for (String page : new String[] {"/", "/spend", "/top", "/models", "/alerts"}) {
            HttpResponse<String> r = fixture().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body())
                    .as(page)
                    .contains("/static/echarts.min.js")
                    .doesNotContain("https://");
        }
        assertThat(fixture().get("/static/echarts.min.js").body()).contains("echarts");
    }

    @Test
    @Order(Integer.MAX_VALUE) // adds data: the other tests see the warehouse as generated
    void aNewSnapshotIsPushedToOpenPages() throws Exception {
        HttpURLConnection events =
                (HttpURLConnection)
                        URI.create(fixture().url("/api/events")).toURL().openConnection();
        events.setReadTimeout(60_000);
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8))) {
            long first = nextVersion(in);

            List<Call> more = new ArrayList<>();
            for (Call c : SampleCalls.generate(20, 99)) {
                more.add(DashboardFixture.shifted(c, Duration.ofDays(10), "later-"));
            }
            fixture().appendDailyUsage(more);
            fixture().server.refresher().refresh();

            assertThat(nextVersion(in)).isGreaterThan(first);
        }
        JsonNode s = fixture().api("summary?from=2026-11-12&to=2026-11-16");
        assertThat(s.get("invocations").asLong()).isEqualTo(20);
    }

    private static long nextVersion(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return Long.parseLong(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("event stream ended");
    }

    private static boolean inDay(Call c, Instant day) {
        return !c.time().isBefore(day) && c.time().isBefore(day.plus(Duration.ofDays(1)));
    }

    static BigDecimal cost(List<Call> calls, Predicate<Call> which) {
        return calls.stream()
                .filter(which)
                .filter(c -> c.price().isPriced())
                .map(Call::cost)
                .collect(Collectors.reducing(BigDecimal.ZERO, BigDecimal::add));
    }

    private static DashboardFixture fixture() {
        return DASHBOARD.fixture();
    }
}
