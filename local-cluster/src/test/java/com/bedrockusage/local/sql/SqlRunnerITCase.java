package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqlRunnerITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @RegisterExtension static final SampleWarehouse SAMPLE = SampleWarehouse.of(40, 3);

    private static final String ARN =
            "arn:aws:sts::111111111111:assumed-role/Checkout-BedrockRole/s1";

    @TempDir static Path tmp;

    private static CliRun sql(String format, String statements) {
        return SAMPLE.sql("--parallelism", "2", "--format", format, "-e", statements);
    }

    @Test
    void shouldPrintAnAlignedTableWithTheFunctionsRegistered() {
        CliRun r =
                sql(
                        "table",
                        "SELECT CALLER_APP('"
                                + ARN
                                + "') AS app, CAST(1.5 AS DECIMAL(10, 4)) AS usd, "
                                + "CAST(NULL AS STRING) AS nothing");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        String.join(
                                "\n",
                                "+----------+--------+---------+",
                                "| app      | usd    | nothing |",
                                "+----------+--------+---------+",
                                "| Checkout | 1.5000 | NULL    |",
                                "+----------+--------+---------+",
                                "1 row",
                                ""));
    }

    @Test
    void shouldPrintEveryQueryOfAScriptAsCsvWithAHeader() throws Exception {
        Path script = tmp.resolve("two.sql");
        Files.writeString(
                script,
                "-- two queries; a semicolon in a string ';' is not a separator\n"
                        + "CREATE TEMPORARY VIEW v AS SELECT 'a;b' AS s, 'say \"hi\", ok' AS q;\n"
                        + "SELECT * FROM v;\n"
                        + "SELECT COUNT(*) AS n FROM invocations;\n");

        CliRun r = SAMPLE.sql("--format", "csv", "-f", script.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("s,q\na;b,\"say \"\"hi\"\", ok\"\n\nn\n40\n");
    }

    @Test
    void shouldPrintJsonLinesWithExactDecimalsAndUtcTimestamps() {
        CliRun r =
                sql(
                        "json",
                        "SELECT CAST('0.000000000001' AS DECIMAL(38, 12)) AS usd, "
                                + "CAST(TIMESTAMP '2026-11-03 10:15:00' AS TIMESTAMP_LTZ(3)) AS t, MAP['team', 'search'] AS m, "
                                + "CAST(NULL AS BIGINT) AS n");

        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .isEqualTo(
                        "{\"usd\":0.000000000001,\"t\":\"2026-11-03T10:15:00Z\",\"m\":{\"team\":\"search\"},\"n\":null}\n");
    }

    @Test
    void shouldReadStatementsFromStandardInput() {
        CliRun r =
                CliRun.sqlWithInput(
                        "SELECT COUNT(*) AS n FROM rejected_records;",
                        "--warehouse",
                        SAMPLE.dir().toString(),
                        "--format",
                        "csv",
                        "-f",
                        "-");

        assertThat(r.out()).isEqualTo("n\n2\n");
    }

    @Test
    void shouldReportBadSqlOnOneLineWithoutAStackTrace() {
        CliRun typo = sql("table", "SELEC 1");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err())
                .startsWith("error: SQL parse failed")
                .hasLineCount(1)
                .doesNotContain("\tat ");

        CliRun unknown = sql("table", "SELECT * FROM no_such_table");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err())
                .startsWith("error: SQL validation failed")
                .contains("no_such_table")
                .hasLineCount(1);

        CliRun second = sql("csv", "SELECT 1 AS x; SELECT nope FROM invocations");
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).isEqualTo("x\n1\n");
        assertThat(second.err())
                .startsWith("error in statement at line 1: SQL validation failed")
                .hasLineCount(1);
    }

    @Test
    void shouldRefuseAMissingWarehouseOrBadOptions() {
        CliRun missing =
                CliRun.sql("--warehouse", tmp.resolve("nowhere").toString(), "-e", "SELECT 1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: warehouse not found: ").hasLineCount(1);

        CliRun noNamespace = CliRun.sql("--warehouse", tmp.toString(), "-e", "SELECT 1");
        assertThat(noNamespace.exit()).isEqualTo(2);
        assertThat(noNamespace.err()).startsWith("error: no namespace 'bedrock' in warehouse");

        assertThat(CliRun.sql("--format", "xml", "-e", "SELECT 1").err())
                .isEqualTo("error: unknown --format 'xml' (use table, csv or json)\n");
        assertThat(SAMPLE.sql().err())
                .isEqualTo("error: give exactly one of -e \"SQL\" or -f FILE (see --help)\n");
        assertThat(SAMPLE.sql("-f", tmp.resolve("none.sql").toString()).err())
                .startsWith("error: SQL file not found: ");
    }
}
