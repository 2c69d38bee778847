package com.bedrockusage.local.bench;

import com.bedrockusage.local.FileTrees;
import com.bedrockusage.local.generate.GenerateLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A matrix cell's data set: generated once, deterministically (fixed start and seed), and reused
 * while its recipe (the {@link #RECIPE_FILE}) is unchanged. A cell is big enough at a number of
 * bytes or of calls, whichever it reaches first, as the job is bound by bytes (inflate, parse) on
 * large bodies and by calls (state, windows, writers) on small ones.
 */
final class MatrixData {

    static final String START = "2026-11-01T00:00:00Z";
    static final String SEED = "42";
    static final String RECIPE_FILE = "bench-cell.txt";
    static final int CALIBRATION_CALLS = 2_000;

    /**
     * @param targetBytes uncompressed bytes that make a cell big enough
     * @param targetCalls calls that make a cell big enough
     * @param callsPerHour event-time density, the same for every cell
     */
    record Sizing(long targetBytes, int targetCalls, int callsPerHour) {

        /** Calls for the cell: whichever target comes first, rounded up to a thousand. */
        int calls(double bytesPerCall) {
            long byBytes = (long) Math.ceil(targetBytes / bytesPerCall);
            long calls = Math.min(targetCalls, byBytes);
            return (int) Math.min(Integer.MAX_VALUE - 1000, (calls + 999) / 1000 * 1000);
        }

        String hours(int calls) {
            return String.format(Locale.ROOT, "%.6f", (double) calls / callsPerHour);
        }
    }

    private MatrixData() {}

    /** Generates the cell's data into DIR unless the same recipe is already there. */
    static DataSet ensure(MatrixCell cell, Path dir, Sizing sizing, PrintStream log)
            throws IOException {
        String recipe = recipe(cell, sizing);
        Path recipeFile = dir.resolve(RECIPE_FILE);
        if (Files.isRegularFile(dir.resolve(DataSet.TOTALS_FILE))
                && Files.isRegularFile(recipeFile)
                && Files.readString(recipeFile, StandardCharsets.UTF_8).equals(recipe)) {
            log.println("bench-pipeline: reusing " + dir);
            return DataSet.read(dir);
        }
        Files.deleteIfExists(recipeFile);
        Path calibration = dir.resolve(".calibration");
        generate(cell, calibration, CALIBRATION_CALLS, sizing, log);
        DataSet probe = DataSet.read(calibration);
        FileTrees.delete(calibration);
        int calls = sizing.calls((double) probe.bytesUncompressed() / probe.invocations());
        log.println(
                String.format(
                        Locale.ROOT,
                        "bench-pipeline: %s: %,d bytes per call → %,d calls over %s h into %s",
                        cell.name(),
                        probe.bytesUncompressed() / probe.invocations(),
                        calls,
                        sizing.hours(calls),
                        dir));
        long t0 = System.nanoTime();
        generate(cell, dir, calls, sizing, log);
        log.println(
                String.format(
                        Locale.ROOT,
                        "bench-pipeline: %s generated in %.0f s",
                        cell.name(),
                        (System.nanoTime() - t0) / 1e9));
        Files.writeString(recipeFile, recipe, StandardCharsets.UTF_8);
        return DataSet.read(dir);
    }

    static String recipe(MatrixCell cell, Sizing sizing) {
        return String.format(
                Locale.ROOT,
                "cell=%s target-bytes=%d target-calls=%d calls-per-hour=%d start=%s seed=%s args=%s%n",
                cell.name(),
                sizing.targetBytes(),
                sizing.targetCalls(),
                sizing.callsPerHour(),
                START,
                SEED,
                String.join(" ", cell.generatorArgs()));
    }

    private static void generate(
            MatrixCell cell, Path dir, int calls, Sizing sizing, PrintStream log)
            throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--out",
                                dir.toString(),
                                "--overwrite",
                                "--invocations",
                                Integer.toString(calls),
                                "--hours",
                                sizing.hours(calls),
                                "--start",
                                START,
                                "--seed",
                                SEED));
        args.addAll(cell.generatorArgs());
        int status = GenerateLogs.run(args.toArray(new String[0]), log, System.err);
        if (status != 0) {
            throw new IOException("generate-logs " + String.join(" ", args) + " failed");
        }
    }
}
