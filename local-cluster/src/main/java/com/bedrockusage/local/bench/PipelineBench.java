package com.bedrockusage.local.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bounded-job benchmark; {@code local-cluster/bin/bench-pipeline} drives it. Each measured run
 * is its own JVM, so both pay the same cold start and the marginal rate between them is the steady
 * state.
 *
 * <pre>
 *   PipelineBench run LABEL LOGS_DIR WAREHOUSE_DIR RESULT_FILE [PARALLELISM]
 *   PipelineBench report SMALL_RESULT LARGE_RESULT GZIP_WALL_SECONDS GZIP_CPU_SECONDS
 *   PipelineBench cells all|CELL[,CELL...]
 *   PipelineBench generate-cell CELL DIR TARGET_MB TARGET_CALLS CALLS_PER_HOUR
 *   PipelineBench matrix-report CAPTION OUT_MD RUNS_DIR CELL...
 * </pre>
 *
 * A matrix cell's runs directory holds {@code result.properties} (the median run), {@code
 * gzip-seconds.txt} (the median {@code gzip -dc} wall time) and {@code job.jfr} (the median run's
 * recording).
 */
public final class PipelineBench {

    static final String USAGE =
            "usage: PipelineBench run LABEL LOGS_DIR WAREHOUSE_DIR RESULT_FILE [PARALLELISM]\n"
                    + "       PipelineBench report SMALL_RESULT LARGE_RESULT GZIP_WALL_SECONDS GZIP_CPU_SECONDS\n"
                    + "       PipelineBench cells all|CELL[,CELL...]\n"
                    + "       PipelineBench generate-cell CELL DIR TARGET_MB TARGET_CALLS CALLS_PER_HOUR\n"
                    + "       PipelineBench matrix-report CAPTION OUT_MD RUNS_DIR CELL...";

    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.currentTimeMillis();
        String command = args.length > 0 ? args[0] : "";
        int status;
        try {
            status =
                    run(
                            command,
                            Arrays.copyOfRange(args, Math.min(1, args.length), args.length),
                            mainStart);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-pipeline: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            // a failed run must end the JVM, whose MiniCluster threads would keep it alive
            e.printStackTrace();
            status = 1;
        }
        // The MiniCluster leaves non-daemon threads behind.
        System.exit(status);
    }

    private static int run(String command, String[] a, long mainStart) throws Exception {
        if (command.equals("run") && a.length >= 4 && a.length <= 5) {
            int parallelism = a.length == 5 ? Integer.parseInt(a[4]) : 2;
            RunResult r = BenchRun.run(a[0], Path.of(a[1]), Path.of(a[2]), parallelism, mainStart);
            r.write(Path.of(a[3]));
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "bench-pipeline: %s: %.0f MB, %,d lines in %.1f s (first record after %.1f s from JVM start, "
                                    + "%.1f s from submit); usage_daily invocations %,d",
                            r.label(),
                            r.megabytes(),
                            r.lines(),
                            r.totalSeconds(),
                            r.startupFromJvmSeconds(),
                            r.startupFromSubmitSeconds(),
                            r.usageDailyInvocations()));
            return 0;
        } else if (command.equals("report") && a.length == 4) {
            BenchReport report =
                    new BenchReport(
                            RunResult.read(Path.of(a[0])),
                            RunResult.read(Path.of(a[1])),
                            Double.parseDouble(a[2]),
                            Double.parseDouble(a[3]));
            report.print(System.out);
            return report.countsMatch() ? 0 : 1;
        } else if (command.equals("cells") && a.length == 1) {
            MatrixCell.select(a[0]).forEach(c -> System.out.println(c.name()));
            return 0;
        } else if (command.equals("generate-cell") && a.length == 5) {
            MatrixData.Sizing sizing =
                    new MatrixData.Sizing(
                            Long.parseLong(a[2]) * 1_000_000L,
                            Integer.parseInt(a[3]),
                            Integer.parseInt(a[4]));
            MatrixData.ensure(MatrixCell.parse(a[0]), Path.of(a[1]), sizing, System.out);
            return 0;
        } else if (command.equals("matrix-report") && a.length >= 4) {
            return matrixReport(a[0], Path.of(a[1]), Path.of(a[2]), a);
        }
        System.err.println(USAGE);
        return 2;
    }

    private static int matrixReport(String caption, Path out, Path runs, String[] a)
            throws Exception {
        List<MatrixRow> rows = new ArrayList<>();
        for (String cell : Arrays.copyOfRange(a, 3, a.length)) {
            Path dir = runs.resolve(cell);
            RunResult r = RunResult.read(dir.resolve("result.properties"));
            double gzip =
                    Double.parseDouble(Files.readString(dir.resolve("gzip-seconds.txt")).trim());
            Path jfr = dir.resolve("job.jfr");
            Map<CpuPart, Double> shares =
                    Files.isRegularFile(jfr)
                            ? JfrParts.read(
                                            jfr,
                                            Instant.ofEpochMilli(r.halfMillis()),
                                            Instant.ofEpochMilli(r.doneMillis()))
                                    .shares()
                            : Map.of();
            rows.add(new MatrixRow(cell, r, gzip, shares));
        }
        MatrixReport report = new MatrixReport(caption, rows);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            report.print(p);
        }
        String text = table.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        return report.countsMatch() ? 0 : 1;
    }
}
