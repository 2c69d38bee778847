package com.bedrockusage.local.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The bounded-job benchmark; {@code local-cluster/bin/bench-pipeline} drives it. Each measured run
 * is its own JVM, so both pay the same cold start and the marginal rate between them is the steady
 * state.
 *
 * <pre>
 *   PipelineBench run LABEL LOGS_DIR WAREHOUSE_DIR RESULT_FILE [PARALLELISM]
 *   PipelineBench report SMALL_RESULT LARGE_RESULT GZIP_WALL_SECONDS GZIP_CPU_SECONDS
 * </pre>
 */
public final class PipelineBench {

    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.currentTimeMillis();
        if (args.length >= 5 && args.length <= 6 && args[0].equals("run")) {
            int parallelism = args.length == 6 ? Integer.parseInt(args[5]) : 2;
            RunResult r =
                    BenchRun.run(
                            args[1], Path.of(args[2]), Path.of(args[3]), parallelism, mainStart);
            r.write(Path.of(args[4]));
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
            // The MiniCluster leaves non-daemon threads behind.
            System.exit(0);
        } else if (args.length == 5 && args[0].equals("report")) {
            BenchReport report =
                    new BenchReport(
                            RunResult.read(Path.of(args[1])),
                            RunResult.read(Path.of(args[2])),
                            Double.parseDouble(args[3]),
                            Double.parseDouble(args[4]));
            report.print(System.out);
            System.exit(report.countsMatch() ? 0 : 1);
        } else {
            System.err.println(
                    "usage: PipelineBench run LABEL LOGS_DIR WAREHOUSE_DIR RESULT_FILE [PARALLELISM]\n"
                            + "       PipelineBench report SMALL_RESULT LARGE_RESULT GZIP_WALL_SECONDS GZIP_CPU_SECONDS");
            System.exit(2);
        }
    }
}
