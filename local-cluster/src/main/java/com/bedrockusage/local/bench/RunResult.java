package com.bedrockusage.local.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One measured bounded run. Times are wall-clock epoch millis in the run's JVM; the byte and line
 * counts are the data set's (what the job read), not the job's own counters.
 */
record RunResult(
        String label,
        long bytesUncompressed,
        long bytesCompressed,
        long lines,
        long uniqueRecords,
        long jvmStartMillis,
        long mainStartMillis,
        long submitMillis,
        long firstRecordMillis,
        long lastRecordMillis,
        long doneMillis,
        long recordsSeen,
        long halfRecords,
        long halfMillis,
        double halfCpuSeconds,
        double cpuSeconds,
        double gcSeconds,
        long usageDailyInvocations,
        double halfJitGcSeconds,
        double jitGcSeconds,
        long alertsFired) {

    double startupFromJvmSeconds() {
        return (firstRecordMillis - jvmStartMillis) / 1000.0;
    }

    double startupFromSubmitSeconds() {
        return (firstRecordMillis - submitMillis) / 1000.0;
    }

    /** JVM start to the job's end (its final Iceberg commit included). */
    double totalSeconds() {
        return (doneMillis - jvmStartMillis) / 1000.0;
    }

    double firstToLastRecordSeconds() {
        return (lastRecordMillis - firstRecordMillis) / 1000.0;
    }

    /**
     * Records per second from the half mark to the last record: within one run, past the warm-up.
     */
    double secondHalfRecordsPerSecond() {
        return (recordsSeen - halfRecords) / ((lastRecordMillis - halfMillis) / 1000.0);
    }

    /** The same in MB/s, at the data set's mean record size. */
    double secondHalfMegabytesPerSecond() {
        return secondHalfRecordsPerSecond() * megabytes() / lines;
    }

    /** Process CPU per record from the half mark to the end (the final commit included). */
    double secondHalfCpuMicrosPerRecord() {
        return (cpuSeconds - halfCpuSeconds) * 1e6 / (recordsSeen - halfRecords);
    }

    /** Process CPU from the half mark to the end, in seconds. */
    double secondHalfCpuSeconds() {
        return cpuSeconds - halfCpuSeconds;
    }

    /** CPU of the JIT compiler and GC threads from the half mark to the end (NaN if unknown). */
    double secondHalfJitGcSeconds() {
        return jitGcSeconds - halfJitGcSeconds;
    }

    double megabytes() {
        return bytesUncompressed / 1e6;
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("label", label);
        p.setProperty("bytesUncompressed", Long.toString(bytesUncompressed));
        p.setProperty("bytesCompressed", Long.toString(bytesCompressed));
        p.setProperty("lines", Long.toString(lines));
        p.setProperty("uniqueRecords", Long.toString(uniqueRecords));
        p.setProperty("jvmStartMillis", Long.toString(jvmStartMillis));
        p.setProperty("mainStartMillis", Long.toString(mainStartMillis));
        p.setProperty("submitMillis", Long.toString(submitMillis));
        p.setProperty("firstRecordMillis", Long.toString(firstRecordMillis));
        p.setProperty("lastRecordMillis", Long.toString(lastRecordMillis));
        p.setProperty("doneMillis", Long.toString(doneMillis));
        p.setProperty("recordsSeen", Long.toString(recordsSeen));
        p.setProperty("halfRecords", Long.toString(halfRecords));
        p.setProperty("halfMillis", Long.toString(halfMillis));
        p.setProperty("halfCpuSeconds", Double.toString(halfCpuSeconds));
        p.setProperty("cpuSeconds", Double.toString(cpuSeconds));
        p.setProperty("gcSeconds", Double.toString(gcSeconds));
        p.setProperty("usageDailyInvocations", Long.toString(usageDailyInvocations));
        p.setProperty("halfJitGcSeconds", Double.toString(halfJitGcSeconds));
        p.setProperty("jitGcSeconds", Double.toString(jitGcSeconds));
        p.setProperty("alertsFired", Long.toString(alertsFired));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "bench-pipeline run");
        }
    }

    static RunResult read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new RunResult(
                p.getProperty("label"),
                num(p, "bytesUncompressed"),
                num(p, "bytesCompressed"),
                num(p, "lines"),
                num(p, "uniqueRecords"),
                num(p, "jvmStartMillis"),
                num(p, "mainStartMillis"),
                num(p, "submitMillis"),
                num(p, "firstRecordMillis"),
                num(p, "lastRecordMillis"),
                num(p, "doneMillis"),
                num(p, "recordsSeen"),
                num(p, "halfRecords"),
                num(p, "halfMillis"),
                Double.parseDouble(p.getProperty("halfCpuSeconds")),
                Double.parseDouble(p.getProperty("cpuSeconds")),
                Double.parseDouble(p.getProperty("gcSeconds")),
                num(p, "usageDailyInvocations"),
                optionalDouble(p, "halfJitGcSeconds"),
                optionalDouble(p, "jitGcSeconds"),
                Long.parseLong(p.getProperty("alertsFired", "-1")));
    }

    /** Results written before a figure existed read as NaN. */
    private static double optionalDouble(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    private static long num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("run result without '" + key + "'");
        }
        return Long.parseLong(v);
    }
}
