package com.bedrockusage.local.bench;

import java.util.List;

/**
 * The parts of the job the throughput matrix reports CPU for, and which part a sampled stack
 * belongs to: the frame nearest the top that names a part decides (by its prefixes, tried in the
 * order of the parts), so a JSON parser called by the alert path counts as alerts and a state
 * lookup inside a window as state.
 */
enum CpuPart {
    PARSE("parse", "com.bedrockusage.job.ingest.parse."),
    READ_INFLATE(
            "read+inflate",
            "com.bedrockusage.job.ingest.source.",
            "com.intel.gkl.",
            "org.apache.flink.connector.file.src."),
    DEDUP_PRICE("dedup+price", "com.bedrockusage.job.pricing.", "com.bedrockusage.pricing."),
    WINDOWS("windows", "com.bedrockusage.job.usage."),
    ALERTS("alerts", "com.bedrockusage.job.alerts."),
    WRITERS("writers", "com.bedrockusage.job.sink.", "org.apache.iceberg.", "org.apache.parquet."),
    CHECKPOINTS_STATE(
            "checkpoints/state",
            "com.bedrockusage.job.state.",
            "org.apache.flink.runtime.state.",
            "org.apache.flink.runtime.checkpoint.",
            "org.apache.flink.contrib.streaming.state.",
            "org.rocksdb.",
            "org.apache.flink.streaming.api.operators.InternalTimerService",
            "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinator"),
    /** Not from samples: the CPU of the compiler and collector threads ({@link ThreadCpu}). */
    JIT_GC("JIT+GC"),
    OTHER("other");

    final String label;
    private final List<String> prefixes;

    CpuPart(String label, String... prefixes) {
        this.label = label;
        this.prefixes = List.of(prefixes);
    }

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
        for (CpuPart part : values()) {
            for (String prefix : part.prefixes) {
                if (frame.startsWith(prefix)) {
                    return part;
                }
            }
        }
        return frame.endsWith(".snapshotState") ? CHECKPOINTS_STATE : null;
    }
}
