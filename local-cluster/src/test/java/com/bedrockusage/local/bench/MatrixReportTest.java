package com.bedrockusage.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixReportTest {

    /**
     * 200,000 lines of 10,000 bytes; the second half (100,000) in 4 s with 10 s of process CPU, 2 s
     * of it JIT and GC.
     */
    private static RunResult run(long committed) {
        return new RunResult(
                "4kb-stream-3",
                2_000_000_000L,
                500_000_000L,
                200_000,
                196_000,
                0,
                100,
                1_000,
                10_000,
                18_000,
                20_000,
                200_000,
                100_000,
                14_000,
                30.0,
                40.0,
                3.0,
                committed,
                5.0,
                7.0,
                42);
    }

    @Test
    void shouldGiveCpuPerCallByPartFromThreadTimesAndSampleShares() {
        MatrixRow row =
                new MatrixRow(
                        "4kb-stream-3",
                        run(196_000),
                        10.0,
                        Map.of(CpuPart.PARSE, 0.25, CpuPart.WINDOWS, 0.75));

        assertThat(row.callsPerSecond()).isCloseTo(25_000, within(1e-6));
        assertThat(row.megabytesPerSecond()).isCloseTo(250, within(1e-6));
        assertThat(row.gzipMegabytesPerSecond()).isCloseTo(200, within(1e-6));
        assertThat(row.ratioToGzip()).isCloseTo(1.25, within(1e-9));
        assertThat(row.cpuMicrosPerCall()).isCloseTo(100, within(1e-9));
        Map<CpuPart, Double> parts = row.cpuMicrosPerCallByPart();
        assertThat(parts.get(CpuPart.JIT_GC)).isCloseTo(20, within(1e-9));
        assertThat(parts.get(CpuPart.PARSE)).isCloseTo(20, within(1e-9));
        assertThat(parts.get(CpuPart.WINDOWS)).isCloseTo(60, within(1e-9));
        assertThat(parts.get(CpuPart.ALERTS)).as("no samples").isZero();
        assertThat(parts.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(row.cpuMicrosPerCall(), within(1e-9));
    }

    @Test
    void shouldPrintOneRowPerCellAndFlagCountsThatDiffer() {
        MatrixReport report =
                new MatrixReport(
                        "**caption**",
                        List.of(
                                new MatrixRow("4kb-stream-3", run(196_000), 10.0, Map.of()),
                                new MatrixRow("1kb-converse-3", run(195_999), 10.0, Map.of())));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(table)
                .startsWith("**caption**")
                .contains("| parse | read+inflate | dedup+price | windows | alerts | writers |")
                .contains(
                        "| 4kb-stream-3 | 196,000 | 2,000 | 25,000 | 250.0 | 200.0 | 1.25 | 100 |")
                .contains("| 42 | 196,000 / 196,000 equal |")
                .contains("195,999 / 196,000 **DIFFERENT**");
        assertThat(report.countsMatch()).isFalse();
    }
}
