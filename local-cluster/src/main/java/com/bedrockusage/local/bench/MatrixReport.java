package com.bedrockusage.local.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The throughput matrix as a markdown table, ready for docs/benchmarks.md. */
final class MatrixReport {

    private final String caption;
    private final List<MatrixRow> rows;

    MatrixReport(String caption, List<MatrixRow> rows) {
        this.caption = caption;
        this.rows = rows;
    }

    boolean countsMatch() {
        return rows.stream().allMatch(MatrixRow::countsMatch);
    }

    void print(PrintStream out) {
        out.println(caption);
        out.println();
        StringBuilder head =
                new StringBuilder(
                        "| cell | calls | MB | calls/s | MB/s | `gzip -dc` MB/s | ratio | µs CPU/call |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (CpuPart part : CpuPart.values()) {
            head.append(' ').append(part.label).append(" |");
            rule.append("---:|");
        }
        head.append(" alerts fired | committed invocations / truth |");
        rule.append("---:|---|");
        out.println(head);
        out.println(rule);
        for (MatrixRow row : rows) {
            out.println(line(row));
        }
        out.println();
        out.println(
                "Steady state: the second half of the median run's records (calls = log lines, re-deliveries"
                        + " included); CPU from the half mark to the end of the job. Parts in µs of CPU per call:"
                        + " JIT+GC from the compiler and collector threads, the rest split by JFR samples.");
    }

    private static String line(MatrixRow row) {
        RunResult r = row.run();
        StringBuilder b =
                new StringBuilder(
                        f(
                                "| %s | %,d | %,.0f | %,.0f | %.1f | %.1f | %.2f | %.0f |",
                                row.cell(),
                                r.uniqueRecords(),
                                r.megabytes(),
                                row.callsPerSecond(),
                                row.megabytesPerSecond(),
                                row.gzipMegabytesPerSecond(),
                                row.ratioToGzip(),
                                row.cpuMicrosPerCall()));
        Map<CpuPart, Double> parts = row.cpuMicrosPerCallByPart();
        for (CpuPart part : CpuPart.values()) {
            Double micros = parts.get(part);
            b.append(micros == null || micros.isNaN() ? " – |" : f(" %.1f |", micros));
        }
        b.append(r.alertsFired() < 0 ? " – |" : f(" %,d |", r.alertsFired()));
        b.append(
                f(
                        " %,d / %,d %s |",
                        r.usageDailyInvocations(),
                        r.uniqueRecords(),
                        row.countsMatch() ? "equal" : "**DIFFERENT**"));
        return b.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
