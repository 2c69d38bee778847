package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class ResultPrintersTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final List<String> COLUMNS = List.of("arn", "usd", "t", "m");

    private static String print(OutputFormat format, Row... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.printer(UTC)
                .print(
                        COLUMNS,
                        List.of(rows).iterator(),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final Row ROW =
            Row.of(
                    "arn:aws:sts::1:assumed-role/R/a,\"b\"",
                    new BigDecimal("1E-12"),
                    Instant.parse("2026-11-03T10:15:00.250Z"),
                    Map.of("team", "x"));

    @Test
    void shouldQuoteCsvFieldsWithCommasAndQuotesAndWriteDecimalsPlain() {
        assertThat(print(OutputFormat.CSV, ROW, Row.of(null, null, null, null)))
                .isEqualTo(
                        "arn,usd,t,m\n"
                                + "\"arn:aws:sts::1:assumed-role/R/a,\"\"b\"\"\",0.000000000001,2026-11-03 10:15:00.25,{team=x}\n"
                                + ",,,\n");
    }

    @Test
    void shouldAlignTableColumnsAndRightAlignNumbers() {
        assertThat(
                        print(
                                OutputFormat.TABLE,
                                Row.of("x", new BigDecimal("12.5"), null, null),
                                Row.of(
                                        "longer",
                                        new BigDecimal("1"),
                                        LocalDateTime.of(2026, 1, 2, 3, 4),
                                        null)))
                .isEqualTo(
                        "+--------+------+---------------------+------+\n"
                                + "| arn    | usd  | t                   | m    |\n"
                                + "+--------+------+---------------------+------+\n"
                                + "| x      | 12.5 | NULL                | NULL |\n"
                                + "| longer |    1 | 2026-01-02 03:04:00 | NULL |\n"
                                + "+--------+------+---------------------+------+\n"
                                + "2 rows\n");
        assertThat(print(OutputFormat.TABLE)).endsWith("0 rows\n");
    }

    @Test
    void shouldWriteOneJsonObjectPerRow() {
        assertThat(print(OutputFormat.JSON, ROW))
                .isEqualTo(
                        "{\"arn\":\"arn:aws:sts::1:assumed-role/R/a,\\\"b\\\"\","
                                + "\"usd\":0.000000000001,\"t\":\"2026-11-03T10:15:00.25Z\",\"m\":{\"team\":\"x\"}}\n");
    }

    @Test
    void shouldShowTimestampsInTheSessionTimeZone() {
        assertThat(
                        new Values(ZoneId.of("Europe/Paris"))
                                .text(Instant.parse("2026-11-03T10:15:00Z")))
                .isEqualTo("2026-11-03 11:15:00");
    }
}
