package com.bedrockusage.job.ingest.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/**
 * What the continuous S3 source remembers between listings: the hour folders it still lists (those
 * ending after {@link #listFrom()}) and the objects already handed out from them. Everything older
 * is forgotten, so the state is bounded by the lookback, not by the bucket's history.
 *
 * <p>The floor only rises after a listing succeeded, to that listing's start minus the lookback: a
 * job stopped for a week resumes listing where it stopped and reads the week (its floor is in the
 * checkpoint), and an object Bedrock delivers into an hour folder up to one lookback after the
 * folder's hour is still found.
 */
final class RecentLogObjects {

    private final long lookbackMillis;
    private long listFrom;
    private final Set<Path> seen;

    /**
     * @param listFrom epoch millis: hour folders ending after it are listed ({@link
     *     Long#MIN_VALUE}: all of them, the first listing of a new job or of state written by
     *     Flink's own continuous enumerator)
     * @param seen objects already handed out (paths outside the lookback are dropped after the next
     *     listing)
     */
    RecentLogObjects(long lookbackMillis, long listFrom, Collection<Path> seen) {
        if (lookbackMillis <= 0) {
            throw new IllegalArgumentException("lookback must be positive: " + lookbackMillis);
        }
        this.lookbackMillis = lookbackMillis;
        this.listFrom = listFrom;
        this.seen = new HashSet<>(seen);
    }

    /** The lower bound of the next listing (epoch millis): hour folders ending after it. */
    long listFrom() {
        return listFrom;
    }

    /**
     * Takes a listing that started at {@code listedAt} from {@link #listFrom()}: returns the
     * objects not handed out before, raises the floor to {@code listedAt - lookback} and forgets
     * the objects below it.
     */
    List<FileSourceSplit> accept(Collection<FileSourceSplit> listed, long listedAt) {
        List<FileSourceSplit> fresh = new ArrayList<>();
        for (FileSourceSplit split : listed) {
            if (seen.add(split.path())) {
                fresh.add(split);
            }
        }
        long floor = listedAt - lookbackMillis;
        if (floor > listFrom) {
            listFrom = floor;
        }
        forgetBelowFloor();
        return fresh;
    }

    private void forgetBelowFloor() {
        for (Iterator<Path> it = seen.iterator(); it.hasNext(); ) {
            long[] hour = BedrockLogPathFilter.hourOf(it.next());
            // Only objects in hour folders are ever listed; a folder ending at or before the floor
            // is not listed again.
            if (hour == null || hour[1] <= listFrom) {
                it.remove();
            }
        }
    }

    /** The objects handed out that a later listing can still return. */
    Collection<Path> seen() {
        return new ArrayList<>(seen);
    }

    int size() {
        return seen.size();
    }
}
