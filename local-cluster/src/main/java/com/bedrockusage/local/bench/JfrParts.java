package com.bedrockusage.local.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Shares of the job's Java-thread CPU by {@link CpuPart}, from the execution samples of a JFR
 * recording within a time window. Code in native methods (ISA-L inflate, RocksDB, compression) is
 * invisible to execution samples; JFR samples one thread in native code per period, in turn, so a
 * native sample whose top frame does work (not a thread waiting in a system call) counts as many
 * Java samples as there were threads seen in native code in its second.
 */
final class JfrParts {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";

    private final Map<CpuPart, Double> weights = new EnumMap<>(CpuPart.class);
    private final List<NativeSample> natives = new ArrayList<>();
    private long executionSamples;

    private record NativeSample(long second, String thread, CpuPart part) {}

    /** Reads the samples of FILE between FROM and TO. */
    static JfrParts read(Path file, Instant from, Instant to) throws IOException {
        JfrParts parts = new JfrParts();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                String type = e.getEventType().getName();
                boolean execution = type.equals(EXECUTION_SAMPLE);
                if (!execution && !type.equals(NATIVE_SAMPLE)) {
                    continue;
                }
                Instant at = e.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                List<String> frames = frames(e.getStackTrace());
                String thread =
                        e.getThread("sampledThread") == null
                                ? "?"
                                : e.getThread("sampledThread").getJavaName();
                if (execution) {
                    parts.addExecutionSample(frames);
                } else {
                    parts.addNativeSample(at.getEpochSecond(), thread, frames);
                }
            }
        }
        return parts;
    }

    void addExecutionSample(List<String> frames) {
        executionSamples++;
        weights.merge(CpuPart.of(frames), 1.0, Double::sum);
    }

    void addNativeSample(long epochSecond, String thread, List<String> frames) {
        natives.add(new NativeSample(epochSecond, thread, busyNative(frames)));
    }

    long executionSamples() {
        return executionSamples;
    }

    /** Each part's share of the sampled Java-thread time; empty without samples. */
    Map<CpuPart, Double> shares() {
        Map<CpuPart, Double> all = new EnumMap<>(weights);
        Map<Long, Set<String>> threadsBySecond = new HashMap<>();
        for (NativeSample s : natives) {
            threadsBySecond.computeIfAbsent(s.second, k -> new HashSet<>()).add(s.thread);
        }
        for (NativeSample s : natives) {
            if (s.part != null) {
                all.merge(s.part, (double) threadsBySecond.get(s.second).size(), Double::sum);
            }
        }
        double total = all.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<CpuPart, Double> shares = new EnumMap<>(CpuPart.class);
        if (total > 0) {
            all.forEach((part, w) -> shares.put(part, w / total));
        }
        return shares;
    }

    /** The part of a native sample that burns CPU (inflate, RocksDB, compression), else null. */
    static CpuPart busyNative(List<String> frames) {
        if (frames.isEmpty()) {
            return null;
        }
        String top = frames.get(0);
        boolean busy =
                top.startsWith("com.intel.gkl.")
                        || top.startsWith("java.util.zip.")
                        || top.startsWith("org.rocksdb.")
                        || top.startsWith("com.github.luben.zstd.")
                        || top.startsWith("org.xerial.snappy.");
        return busy ? CpuPart.of(frames) : null;
    }

    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            for (RecordedFrame f : stack.getFrames()) {
                if (f.getMethod() != null) {
                    frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
            }
        }
        return frames;
    }
}
