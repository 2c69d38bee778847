package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.local.sql.SampleCalls.Call;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every query of {@code local-cluster/queries} against a small generated warehouse. */
class QueryPackITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @RegisterExtension static final SampleWarehouse SAMPLE = SampleWarehouse.of(200, 11);

    static final Path QUERIES = Paths.get("queries");

    static Stream<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    private static CliRun run(Path file) {
        return SAMPLE.sql("--format", "csv", "--parallelism", "2", "-f", file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void shouldRunEveryQueryOfThePack(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0)).as("first line").startsWith("-- description: ");

        CliRun r = run(file);

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .as("a CSV result with at least a header and a row")
                .matches("(?s)[^\\n]+\\n[^\\n]+\\n.*");
        assertMoneyKeepsTwelveDecimals(r.out());
    }

    /**
     * The job's days are UTC: under a zone west of UTC every query gives the same rows (day bounds,
     * CAST AS DATE, HOUR); only the printed offset of timestamps changes, which is compared as
     * instants.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void shouldGiveTheSameRowsUnderATimeZoneWestOfUtc(Path file) throws IOException {
        CliRun utc = SAMPLE.sql("--format", "json", "-f", file.toString());
        CliRun newYork =
                SAMPLE.sql(
                        "--format",
                        "json",
                        "--time-zone",
                        "America/New_York",
                        "-f",
                        file.toString());

        assertThat(newYork.err()).isEmpty();
        assertThat(newYork.exit()).isZero();
        assertThat(instantsAsUtc(newYork.out())).isEqualTo(instantsAsUtc(utc.out()));
    }

    @Test
    void shouldPrintTimestampsInTheChosenZone() {
        CliRun r =
                SAMPLE.sql(
                        "--format",
                        "json",
                        "--time-zone",
                        "America/New_York",
                        "-e",
                        "SELECT MIN(event_time) AS first FROM invocations WHERE event_time >= TIMESTAMP '2026-11-03 00:00:00'");

        assertThat(r.out()).contains("\"first\":\"2026-11-02T").contains("-05:00\"");
    }

    private static List<String> instantsAsUtc(String jsonLines) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : jsonLines.lines().toList()) {
            ObjectNode row = (ObjectNode) mapper.readTree(line);
            List<String> fields = new ArrayList<>();
            row.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String text = row.get(field).isTextual() ? row.get(field).asText() : "";
                if (text.matches("\\d{4}-\\d\\d-\\d\\dT[^ ]*([+-]\\d\\d:\\d\\d|Z)")) {
                    row.put(field, OffsetDateTime.parse(text).toInstant().toString());
                }
            }
            out.add(row.toString());
        }
        return out;
    }

    /**
     * Flink can silently drop decimals of DECIMAL(38, 12) sums (e.g. SUM after a join is rewritten
     * as SUM(x * count), which rounds to 6 places): every money column of every result must keep
     * all 12.
     */
    private static void assertMoneyKeepsTwelveDecimals(String csv) {
        List<String> header = null;
        for (String line : csv.lines().toList()) {
            if (line.isEmpty()) {
                header = null;
                continue;
            }
            List<String> fields = parseCsvLine(line);
            if (header == null) {
                header = fields;
                continue;
            }
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                if ((column.endsWith("cost_usd") || column.equals("Charges incurred"))
                        && !fields.get(i).isEmpty()) {
                    assertThat(new BigDecimal(fields.get(i)).scale())
                            .as("%s in %s", column, line)
                            .isEqualTo(12);
                }
            }
        }
    }

    static List<String> parseCsvLine(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    @Test
    void shouldSumCostPerAccountExactly() {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (Call c : SAMPLE.calls()) {
            expected.merge(
                    c.account(), c.cost() == null ? BigDecimal.ZERO : c.cost(), BigDecimal::add);
        }

        Map<String, BigDecimal> actual =
                column(run(QUERIES.resolve("cost_by_account.sql")), "account_id", "cost_usd");

        assertThat(actual).hasSameSizeAs(expected);
        expected.forEach(
                (account, cost) ->
                        assertThat(actual.get(account)).as(account).isEqualByComparingTo(cost));
    }

    @Test
    void shouldAllocateCostByRequestMetadataTag() {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (Call c : SAMPLE.calls()) {
            expected.merge(
                    c.team() == null ? "(untagged)" : c.team(),
                    c.cost() == null ? BigDecimal.ZERO : c.cost(),
                    BigDecimal::add);
        }

        Map<String, BigDecimal> actual =
                column(run(QUERIES.resolve("cost_by_tag.sql")), "team", "cost_usd");

        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach(
                (team, cost) -> assertThat(actual.get(team)).as(team).isEqualByComparingTo(cost));
    }

    @Test
    void shouldListOnlyTheCallersMatchingTheArnPattern() {
        CliRun r = run(QUERIES.resolve("arn_pattern.sql"));

        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("DataAnalysis-BedrockRole"));
    }

    /** key column → value column of a CSV result whose key and value hold no commas. */
    private static Map<String, BigDecimal> column(CliRun r, String key, String value) {
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, BigDecimal> m = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.put(f[header.indexOf(key)], new BigDecimal(f[header.indexOf(value)]));
        }
        return m;
    }
}
