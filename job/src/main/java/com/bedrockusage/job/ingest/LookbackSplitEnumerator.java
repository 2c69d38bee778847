package com.bedrockusage.job.ingest;

import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous S3 source's enumerator: every discovery interval it lists only the hour folders inside the lookback
 * ({@link RecentLogObjects}), hands new objects to the readers oldest first and checkpoints the floor, the pending
 * objects and the objects seen inside the lookback. Listing runs off the coordinator thread; a failed listing is
 * logged and retried at the next interval, with the floor unchanged.
 */
final class LookbackSplitEnumerator implements SplitEnumerator<FileSourceSplit, LookbackCheckpoint> {

    private static final Logger LOG = LoggerFactory.getLogger(LookbackSplitEnumerator.class);

    /** Lists the log objects in the hour folders ending after {@code listFrom} (epoch millis). */
    @FunctionalInterface
    interface Lister {
        Collection<FileSourceSplit> list(long listFrom) throws IOException;
    }

    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final Lister lister;
    private final long discoveryIntervalMillis;
    private final LongSupplier clock;
    private final RecentLogObjects recent;
    private final FileSplitAssigner assigner;
    private final LinkedHashMap<Integer, String> readersAwaitingSplit = new LinkedHashMap<>();

    LookbackSplitEnumerator(SplitEnumeratorContext<FileSourceSplit> context, Lister lister,
            long discoveryIntervalMillis, long lookbackMillis, LongSupplier clock, LookbackCheckpoint restored) {
        this.context = context;
        this.lister = lister;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.clock = clock;
        this.recent = new RecentLogObjects(lookbackMillis, restored.listFrom, restored.seen);
        this.assigner = new TimeOrderedSplitAssigner(restored.pending);
    }

    @Override
    public void start() {
        context.callAsync(this::listNow, this::onListed, discoveryIntervalMillis, discoveryIntervalMillis);
    }

    /** Runs on a worker thread; reads the floor the coordinator thread last set. */
    private Listing listNow() throws IOException {
        long startedAt = clock.getAsLong();
        long listFrom;
        synchronized (recent) {
            listFrom = recent.listFrom();
        }
        return new Listing(lister.list(listFrom), startedAt);
    }

    private void onListed(Listing listing, Throwable error) {
        if (error != null) {
            LOG.error("Listing the Bedrock log objects failed; retrying at the next discovery", error);
            return;
        }
        List<FileSourceSplit> fresh;
        synchronized (recent) {
            fresh = recent.accept(listing.splits, listing.startedAt);
        }
        LOG.debug("Listed {} log objects, {} new; remembering {}", listing.splits.size(), fresh.size(), recent.size());
        assigner.addSplits(fresh);
        assignSplits();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        readersAwaitingSplit.put(subtaskId, requesterHostname);
        assignSplits();
    }

    private void assignSplits() {
        for (Iterator<Map.Entry<Integer, String>> it = readersAwaitingSplit.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, String> reader = it.next();
            if (!context.registeredReaders().containsKey(reader.getKey())) {
                it.remove();
                continue;
            }
            Optional<FileSourceSplit> next = assigner.getNext(reader.getValue());
            if (next.isEmpty()) {
                return;
            }
            context.assignSplit(next.get(), reader.getKey());
            it.remove();
        }
    }

    @Override
    public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
        assigner.addSplits(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        // readers ask for splits
    }

    @Override
    public LookbackCheckpoint snapshotState(long checkpointId) {
        synchronized (recent) {
            return new LookbackCheckpoint(recent.listFrom(), assigner.remainingSplits(), recent.seen());
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static final class Listing {
        final Collection<FileSourceSplit> splits;
        final long startedAt;

        Listing(Collection<FileSourceSplit> splits, long startedAt) {
            this.splits = splits;
            this.startedAt = startedAt;
        }
    }
}
