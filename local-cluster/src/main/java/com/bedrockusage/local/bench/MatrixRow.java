package com.bedrockusage.local.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * One cell's figures in the steady state (the second half of the median run): rates, the ratio to
 * one core of {@code gzip -dc} over the same log objects, and CPU per call by part.
 */
record MatrixRow(String cell, RunResult run, double gzipSeconds, Map<CpuPart, Double> shares) {

    long steadyCalls() {
        return run.recordsSeen() - run.halfRecords();
    }

    double callsPerSecond() {
        return run.secondHalfRecordsPerSecond();
    }

    double megabytesPerSecond() {
        return run.secondHalfMegabytesPerSecond();
    }

    double gzipMegabytesPerSecond() {
        return run.megabytes() / gzipSeconds;
    }

    double ratioToGzip() {
        return megabytesPerSecond() / gzipMegabytesPerSecond();
    }

    double cpuMicrosPerCall() {
        return run.secondHalfCpuSeconds() * 1e6 / steadyCalls();
    }

    /**
     * µs of CPU per call by part: JIT+GC as measured per thread, the rest of the process's CPU
     * split by the samples' shares. Empty without samples.
     */
    Map<CpuPart, Double> cpuMicrosPerCallByPart() {
        Map<CpuPart, Double> parts = new EnumMap<>(CpuPart.class);
        if (shares.isEmpty()) {
            return parts;
        }
        for (CpuPart part : CpuPart.values()) {
            parts.put(part, 0.0);
        }
        double jitGc = run.secondHalfJitGcSeconds();
        double javaThreads = run.secondHalfCpuSeconds() - (Double.isNaN(jitGc) ? 0 : jitGc);
        shares.forEach((part, share) -> parts.put(part, javaThreads * share * 1e6 / steadyCalls()));
        parts.put(CpuPart.JIT_GC, jitGc * 1e6 / steadyCalls());
        return parts;
    }

    boolean countsMatch() {
        return run.usageDailyInvocations() == run.uniqueRecords();
    }
}
