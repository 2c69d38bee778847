package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.local.sql.CliRun;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's numbers equal the SQL query pack's answers (local-cluster/queries) for the same
 * range.
 */
class DashboardQueryPackITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The pack's queries are written for November 2026; the sample calls are 2026-11-02 to
     * 2026-11-04.
     */
    static final String MONTH = "from=2026-11-01&to=2026-12-01";

    @RegisterExtension
    static final DashboardExtension DASHBOARD = new DashboardExtension(400, 60_000);

    @Test
    void summaryEqualsTheSumOfCostByModel() throws Exception {
        List<JsonNode> rows = query("cost_by_model.sql");
        JsonNode s = fixture().api("summary?" + MONTH);

        for (String column :
                new String[] {
                    "invocations",
                    "input_tokens",
                    "output_tokens",
                    "cache_read_tokens",
                    "cache_write_tokens"
                }) {
            assertThat(s.get(column).asLong())
                    .as(column)
                    .isEqualTo(rows.stream().mapToLong(r -> r.get(column).asLong()).sum());
        }
        assertThat(DashboardFixture.money(s.get("cost_usd")))
                .isEqualByComparingTo(sum(rows, "cost_usd"));
        assertThat(s.get("unpriced_invocations").asLong())
                .isEqualTo(
                        query("unpriced_models.sql").stream()
                                .mapToLong(r -> r.get("calls").asLong())
                                .sum());
    }

    @Test
    void topTablesEqualCostByModelAppAndTag() throws Exception {
        assertTop("model", "cost_by_model.sql", "model_id");
        assertTop("app", "cost_by_app.sql", "app");
        assertTop("tag:team", "cost_by_tag.sql", "team");
    }

    @Test
    void monthToDateAndForecastEqualMonthToDateSql() throws Exception {
        // "as of" 2026-11-05 (exclusive): the dashboard's newest day with data is 2026-11-04
        List<JsonNode> accounts = query("month_to_date.sql");
        JsonNode all = fixture().api("overview");
        assertThat(all.get("as_of").asText()).isEqualTo("2026-11-04");
        assertThat(DashboardFixture.money(all.get("month_to_date").get("cost_usd")))
                .isEqualByComparingTo(sum(accounts, "mtd_cost_usd"));
        for (JsonNode a : accounts) {
            JsonNode o = fixture().api("overview?account=" + a.get("account_id").asText());
            assertThat(DashboardFixture.money(o.get("month_to_date").get("cost_usd")))
                    .isEqualByComparingTo(money(a.get("mtd_cost_usd")));
            assertThat(DashboardFixture.money(o.get("forecast").get("month_end_usd")))
                    .isEqualByComparingTo(money(a.get("projected_month_usd")));
            assertThat(o.get("forecast").get("days_elapsed").asLong())
                    .isEqualTo(a.get("days_elapsed").asLong());
        }
    }

    private static void assertTop(String dim, String file, String nameColumn) throws Exception {
        Map<String, JsonNode> sql = new HashMap<>();
        for (JsonNode r : query(file)) {
            sql.put(r.get(nameColumn).asText(), r);
        }
        JsonNode top = fixture().api("top?dim=" + dim + "&" + MONTH);
        assertThat(top.get("rows")).as(dim).hasSize(sql.size());
        for (JsonNode row : top.get("rows")) {
            JsonNode expected = sql.get(row.get("name").asText());
            assertThat(expected).as(dim + " " + row.get("name")).isNotNull();
            assertThat(DashboardFixture.money(row.get("cost_usd")))
                    .as(dim + " " + row.get("name"))
                    .isEqualByComparingTo(money(expected.get("cost_usd")));
            assertThat(row.get("invocations").asLong())
                    .isEqualTo(expected.get("invocations").asLong());
            assertThat(row.get("input_tokens").asLong())
                    .isEqualTo(expected.get("input_tokens").asLong());
        }
    }

    /** Runs a query of the pack as written (its dates are November 2026) and returns its rows. */
    private static List<JsonNode> query(String file) throws Exception {
        String sql = Files.readString(Paths.get("queries", file));
        CliRun r =
                CliRun.sql(
                        "--warehouse",
                        fixture().warehouse.dir().toString(),
                        "--format",
                        "json",
                        "--parallelism",
                        "2",
                        "-e",
                        sql);
        assertThat(r.exit()).as(file + ": " + r.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static BigDecimal sum(List<JsonNode> rows, String column) {
        return rows.stream()
                .map(r -> money(r.get(column)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(JsonNode n) {
        return n == null || n.isNull() ? BigDecimal.ZERO : new BigDecimal(n.asText());
    }

    private static DashboardFixture fixture() {
        return DASHBOARD.fixture();
    }
}
