package com.bedrockusage.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.local.sql.CliRun;
import com.bedrockusage.local.sql.SampleWarehouse;
import com.bedrockusage.local.sql.TestWarehouse;
import com.bedrockusage.pricing.PriceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/report --format focus} against the FOCUS 1.2 column rules, and the SQL pack's query
 * against it.
 */
class FocusExportITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @RegisterExtension static final SampleWarehouse SAMPLE = SampleWarehouse.of(200, 11);

    @TempDir static Path tmp;

    @Test
    void everyRowFollowsTheFocusColumnRules() throws Exception {
        Path out = tmp.resolve("focus.csv");
        CliRun run =
                CliRun.of(
                        ReportRunner::run,
                        "--format",
                        "focus",
                        "--from",
                        "2026-11-01",
                        "--to",
                        "2026-11-30",
                        "--warehouse",
                        SAMPLE.dir().toString(),
                        "--out",
                        out.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<String> lines = Files.readAllLines(out);
        List<String> header = FocusSpec.parseCsvLine(lines.get(0));
        FocusSpec.checkHeader(header);
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines.subList(1, lines.size())) {
            FocusSpec.checkRow(header, FocusSpec.parseCsvLine(line));
        }
        assertThat(String.join("\n", lines))
                .contains(",input,")
                .contains(",output,")
                .contains(",cache_read,")
                .contains(",cache_write,");
    }

    @Test
    void theQueryOfTheSqlPackGivesTheSameRows() throws Exception {
        List<FocusRow> expected =
                FocusRows.read(
                                SAMPLE.dir(),
                                TestWarehouse.NAMESPACE,
                                LocalDate.parse("2026-11-01"),
                                LocalDate.parse("2026-11-30"),
                                PriceCatalog.defaultCatalog())
                        .rows();
        CliRun sql = SAMPLE.sql("--format", "json", "-f", "queries/focus_export.sql");
        assertThat(sql.err()).isEmpty();
        List<String> got = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : sql.out().lines().toList()) {
            JsonNode n = mapper.readTree(line);
            List<String> cells = new ArrayList<>();
            for (String column : FocusCsv.COLUMNS) {
                cells.add(normal(n.get(column)));
            }
            got.add(String.join(" | ", cells));
        }
        List<String> want = new ArrayList<>();
        for (FocusRow r : expected) {
            List<String> cells = new ArrayList<>();
            for (Object v : FocusCsv.values(r)) {
                cells.add(normal(v));
            }
            want.add(String.join(" | ", cells));
        }
        assertThat(got).hasSizeGreaterThan(10).containsExactlyElementsOf(want);
    }

    /** Decimals by value, times as UTC instants, null as null. */
    private static String normal(Object v) {
        if (v == null || (v instanceof JsonNode && ((JsonNode) v).isNull())) {
            return "null";
        }
        if (v instanceof JsonNode) {
            JsonNode n = (JsonNode) v;
            String t = n.isTextual() ? n.asText() : n.toString();
            if (n.isNumber() || t.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return new BigDecimal(t).stripTrailingZeros().toPlainString();
            }
            if (t.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                return OffsetDateTime.parse(t).toInstant().toString();
            }
            return t;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Instant) {
            return v.toString();
        }
        return v.toString();
    }
}
