package com.bedrockusage.job.ingest.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/**
 * The continuous S3 source's enumerator state: each log location's listing floor, the objects not
 * yet read and those already seen (of every location).
 */
final class LookbackCheckpoint {

    /**
     * The key of a floor written before the source read several locations (state version 2): it
     * belongs to the first configured location, which is where {@code source.s3.path} goes.
     */
    static final String UNNAMED_LOCATION = "";

    /**
     * Per location ({@link #locationKey}): hour folders ending after this (epoch millis) are
     * listed; {@link Long#MIN_VALUE}: all. A location without a floor has never been listed and
     * starts at {@code from}.
     */
    final Map<String, Long> floors;

    final Collection<FileSourceSplit> pending;
    final Collection<Path> seen;

    LookbackCheckpoint(
            Map<String, Long> floors, Collection<FileSourceSplit> pending, Collection<Path> seen) {
        this.floors = Collections.unmodifiableMap(new LinkedHashMap<>(floors));
        this.pending = Collections.unmodifiableList(new ArrayList<>(pending));
        this.seen = Collections.unmodifiableList(new ArrayList<>(seen));
    }

    /**
     * The state of a single-location source (version 2): one floor, for the first configured
     * location.
     */
    LookbackCheckpoint(long listFrom, Collection<FileSourceSplit> pending, Collection<Path> seen) {
        this(Collections.singletonMap(UNNAMED_LOCATION, listFrom), pending, seen);
    }

    /**
     * How a location is named in the state: its normalized path, so {@code s3://b/p/} and {@code
     * s3://b/p} agree.
     */
    static String locationKey(String location) {
        return new Path(location).toString();
    }

    @Override
    public String toString() {
        return "LookbackCheckpoint{floors="
                + floors
                + ", pending="
                + pending.size()
                + ", seen="
                + seen.size()
                + "}";
    }
}
