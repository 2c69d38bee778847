package com.bedrockusage.job.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/** The continuous S3 source's enumerator state: the listing floor, the objects not yet read and those already seen. */
final class LookbackCheckpoint {

    /** Hour folders ending after this (epoch millis) are listed; {@link Long#MIN_VALUE}: all. */
    final long listFrom;
    final Collection<FileSourceSplit> pending;
    final Collection<Path> seen;

    LookbackCheckpoint(long listFrom, Collection<FileSourceSplit> pending, Collection<Path> seen) {
        this.listFrom = listFrom;
        this.pending = Collections.unmodifiableList(new ArrayList<>(pending));
        this.seen = Collections.unmodifiableList(new ArrayList<>(seen));
    }

    @Override
    public String toString() {
        return "LookbackCheckpoint{listFrom=" + listFrom + ", pending=" + pending.size() + ", seen=" + seen.size() + "}";
    }
}
