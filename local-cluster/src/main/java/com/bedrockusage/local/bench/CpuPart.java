package com.bedrockusage.local.bench;

import java.util.List;

/**
 * The parts of the job the throughput matrix reports CPU for, and which part a sampled stack
 * belongs to: the frame nearest the top that names a part decides, so a JSON parser called by the
 * alert path counts as alerts and a state lookup inside a window as state.
 */
enum CpuPart {
    PARSE("parse"),
    READ_INFLATE("read+inflate"),
    DEDUP_PRICE("dedup+price"),
    WINDOWS("windows"),
    ALERTS("alerts"),
    WRITERS("writers"),
    CHECKPOINTS_STATE("checkpoints/state"),
    /** Not from samples: the CPU of the compiler and collector threads ({@link ThreadCpu}). */
    JIT_GC("JIT+GC"),
    OTHER("other");

    final String label;

    CpuPart(String label) {
        this.label = label;
    }

    private static final String JOB = "com.bedrockusage.job.";

    /**
     * @param frames the stack's frames, top first, each {@code class.method}
     */
    static CpuPart of(List<String> frames) {
        for (String frame : frames) {
            CpuPart part = ofFrame(frame);
            if (part != null) {
                return part;
            }
        }
        return OTHER;
    }

    /** The part one frame names, or null for code every part uses (JDK, Jackson, Flink's core). */
    static CpuPart ofFrame(String frame) {
        if (frame.startsWith(JOB + "ingest.parse.")) {
            return PARSE;
        }
        if (frame.startsWith(JOB + "ingest.source.")
                || frame.startsWith("com.intel.gkl.")
                || frame.startsWith("org.apache.flink.connector.file.src.")) {
            return READ_INFLATE;
        }
        if (frame.startsWith(JOB + "pricing.") || frame.startsWith("com.bedrockusage.pricing.")) {
            return DEDUP_PRICE;
        }
        if (frame.startsWith(JOB + "usage.")) {
            return WINDOWS;
        }
        if (frame.startsWith(JOB + "alerts.")) {
            return ALERTS;
        }
        if (frame.startsWith(JOB + "sink.")
                || frame.startsWith("org.apache.iceberg.")
                || frame.startsWith("org.apache.parquet.")) {
            return WRITERS;
        }
        if (isCheckpointOrState(frame)) {
            return CHECKPOINTS_STATE;
        }
        return null;
    }

    private static boolean isCheckpointOrState(String frame) {
        return frame.startsWith(JOB + "state.")
                || frame.startsWith("org.apache.flink.runtime.state.")
                || frame.startsWith("org.apache.flink.runtime.checkpoint.")
                || frame.startsWith("org.apache.flink.contrib.streaming.state.")
                || frame.startsWith("org.rocksdb.")
                || frame.startsWith("org.apache.flink.streaming.api.operators.InternalTimerService")
                || frame.startsWith(
                        "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinator")
                || frame.endsWith(".snapshotState");
    }
}
