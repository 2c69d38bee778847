package com.bedrockusage.local.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The figures the issue asks for, from a small and a large run and one {@code gzip -dc} over the
 * large set. The steady-state rate is the marginal one between the two runs, so the fixed cost
 * (JVM, MiniCluster, job graph, table creation, final commit) cancels out; the fixed cost is then
 * the intercept of that line.
 */
record BenchReport(RunResult small, RunResult large, double gzipSeconds, double gzipCpuSeconds) {

    static final double STARTUP_TARGET_SECONDS = 10.0;

    /**
     * MB/s (10^6 bytes, uncompressed) of the whole job between the small and the large run; NaN if
     * not slower.
     */
    double marginalMegabytesPerSecond() {
        double dt = large.totalSeconds() - small.totalSeconds();
        return dt > 0 ? (large.megabytes() - small.megabytes()) / dt : Double.NaN;
    }

    double marginalRecordsPerSecond() {
        double dt = large.totalSeconds() - small.totalSeconds();
        return dt > 0 ? (large.lines() - small.lines()) / dt : Double.NaN;
    }

    /**
     * MB per CPU-second the job spends per extra MB: a figure the machine's other load disturbs
     * less.
     */
    double marginalMegabytesPerCpuSecond() {
        double dc = large.cpuSeconds() - small.cpuSeconds();
        return dc > 0 ? (large.megabytes() - small.megabytes()) / dc : Double.NaN;
    }

    /** The two-point line's intercept: seconds the job needs for no data at all. */
    double fixedCostSeconds() {
        return small.totalSeconds() - small.megabytes() / marginalMegabytesPerSecond();
    }

    double gzipMegabytesPerSecond() {
        return large.megabytes() / gzipSeconds;
    }

    double gzipMegabytesPerCpuSecond() {
        return large.megabytes() / gzipCpuSeconds;
    }

    boolean throughputMet() {
        return marginalMegabytesPerSecond() >= gzipMegabytesPerSecond();
    }

    boolean startupMet() {
        return small.startupFromJvmSeconds() < STARTUP_TARGET_SECONDS
                && large.startupFromJvmSeconds() < STARTUP_TARGET_SECONDS;
    }

    boolean countsMatch() {
        return large.usageDailyInvocations() == large.uniqueRecords();
    }

    void print(PrintStream out) {
        out.println(
                "| run | MB (uncompressed) | lines | startup: JVM → first record s | submit → first record s "
                        + "| total s | records/s | MB/s | first → last record s | CPU s | GC s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row(out, small);
        row(out, large);
        out.println();
        out.println(
                f(
                        "steady state (marginal, large − small): %.1f MB/s, %,.0f records/s, %.1f MB per CPU-second",
                        marginalMegabytesPerSecond(),
                        marginalRecordsPerSecond(),
                        marginalMegabytesPerCpuSecond()));
        out.println(f("fixed cost (intercept of the two runs): %.1f s", fixedCostSeconds()));
        out.println(
                f(
                        "check within one run, second half of the large run: %.1f MB/s, %,.0f records/s, %.0f µs CPU per "
                                + "record",
                        large.secondHalfMegabytesPerSecond(),
                        large.secondHalfRecordsPerSecond(),
                        large.secondHalfCpuMicrosPerRecord()));
        out.println(
                f(
                        "gzip -dc, one core, large set: %.1f s wall, %.1f s CPU → %.1f MB/s (%.1f MB per CPU-second)",
                        gzipSeconds,
                        gzipCpuSeconds,
                        gzipMegabytesPerSecond(),
                        gzipMegabytesPerCpuSecond()));
        out.println(
                f(
                        "target steady-state MB/s ≥ gzip -dc MB/s: %s (%.1f vs %.1f, ratio %.2f)",
                        throughputMet() ? "MET" : "MISSED",
                        marginalMegabytesPerSecond(),
                        gzipMegabytesPerSecond(),
                        marginalMegabytesPerSecond() / gzipMegabytesPerSecond()));
        out.println(
                f(
                        "target startup < %.0f s to the first record: %s (small %.1f s, large %.1f s from JVM start)",
                        STARTUP_TARGET_SECONDS,
                        startupMet() ? "MET" : "MISSED",
                        small.startupFromJvmSeconds(),
                        large.startupFromJvmSeconds()));
        out.println(
                f(
                        "sanity: usage_daily invocations %,d, generator unique records %,d: %s",
                        large.usageDailyInvocations(),
                        large.uniqueRecords(),
                        countsMatch() ? "equal" : "DIFFERENT"));
    }

    private static void row(PrintStream out, RunResult r) {
        out.println(
                f(
                        "| %s | %,.0f | %,d | %.1f | %.1f | %.1f | %,.0f | %.1f | %.1f | %.1f | %.1f |",
                        r.label(),
                        r.megabytes(),
                        r.lines(),
                        r.startupFromJvmSeconds(),
                        r.startupFromSubmitSeconds(),
                        r.totalSeconds(),
                        r.lines() / r.totalSeconds(),
                        r.megabytes() / r.totalSeconds(),
                        r.firstToLastRecordSeconds(),
                        r.cpuSeconds(),
                        r.gcSeconds()));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
