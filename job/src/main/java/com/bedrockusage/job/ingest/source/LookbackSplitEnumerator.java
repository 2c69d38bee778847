package com.bedrockusage.job.ingest.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous S3 source's enumerator: every discovery interval it lists, in each log location
 * (one per account and region, or one prefix holding them all), only the hour folders inside the
 * lookback ({@link RecentLogObjects}), hands new objects of all locations to the readers oldest
 * first and checkpoints each location's floor, the pending objects and the objects seen inside the
 * lookback. Listing runs off the coordinator thread.
 *
 * <p>A location whose listing fails (bucket policy or KMS grant withdrawn, bucket deleted) is
 * reported ({@link UnreadableLogLocations}) and retried at the next interval with its floor
 * unchanged, so it resumes where it stopped once it can be read again; the other locations go on. A
 * location the restored state does not know (a spoke added by a stack update) starts at {@code
 * source.s3.from}, as a new job would, not at the others' floor.
 */
final class LookbackSplitEnumerator
        implements SplitEnumerator<FileSourceSplit, LookbackCheckpoint> {

    private static final Logger LOG = LoggerFactory.getLogger(LookbackSplitEnumerator.class);

    /**
     * Lists the log objects of one location in the hour folders ending after {@code listFrom}
     * (epoch millis).
     */
    @FunctionalInterface
    interface Lister {
        Collection<FileSourceSplit> list(String location, long listFrom) throws IOException;
    }

    private final SplitEnumeratorContext<FileSourceSplit> context;
    private final Lister lister;
    private final long discoveryIntervalMillis;
    private final LongSupplier clock;

    /**
     * Per location key, in configuration order; guarded by itself (floors are read on the listing
     * thread).
     */
    private final LinkedHashMap<String, RecentLogObjects> locations = new LinkedHashMap<>();

    private final UnreadableLogLocations unreadable;
    private final FileSplitAssigner assigner;
    private final LinkedHashMap<Integer, String> readersAwaitingSplit = new LinkedHashMap<>();

    /**
     * @param locations the configured log locations (roots holding {@code AWSLogs/}), at least one
     * @param fromMillis where a location the restored state has no floor for starts ({@link
     *     Long#MIN_VALUE}: all)
     */
    LookbackSplitEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context,
            List<String> locations,
            Lister lister,
            long discoveryIntervalMillis,
            long lookbackMillis,
            long fromMillis,
            LongSupplier clock,
            LookbackCheckpoint restored) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no log location");
        }
        this.context = context;
        this.lister = lister;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.clock = clock;
        Map<String, Long> floors = new HashMap<>(restored.floors);
        Long unnamed = floors.remove(LookbackCheckpoint.UNNAMED_LOCATION);
        Map<String, List<Path>> seen = seenByLocation(locations, restored.seen);
        for (String location : locations) {
            String key = LookbackCheckpoint.locationKey(location);
            if (unnamed != null && this.locations.isEmpty() && !floors.containsKey(key)) {
                floors.put(key, unnamed);
            }
            long floor = floors.getOrDefault(key, fromMillis);
            this.locations.putIfAbsent(
                    key,
                    new RecentLogObjects(
                            lookbackMillis,
                            floor,
                            seen.getOrDefault(key, Collections.emptyList())));
        }
        this.unreadable = new UnreadableLogLocations(context);
        this.assigner = new TimeOrderedSplitAssigner(restored.pending);
    }

    /**
     * Each seen object under the location whose root is the longest prefix of its path; others are
     * dropped.
     */
    private static Map<String, List<Path>> seenByLocation(
            List<String> locations, Collection<Path> seen) {
        Map<String, List<Path>> byLocation = new HashMap<>();
        for (Path path : seen) {
            String owner = ownerOf(locations, path);
            if (owner != null) {
                byLocation.computeIfAbsent(owner, k -> new ArrayList<>()).add(path);
            }
        }
        return byLocation;
    }

    private static String ownerOf(List<String> locations, Path path) {
        String p = path.toString();
        String owner = null;
        for (String location : locations) {
            String key = LookbackCheckpoint.locationKey(location);
            String prefix = key.endsWith("/") ? key : key + "/";
            if ((p.startsWith(prefix) || p.equals(key))
                    && (owner == null || key.length() > owner.length())) {
                owner = key;
            }
        }
        return owner;
    }

    @Override
    public void start() {
        context.callAsync(
                this::listNow, this::onListed, discoveryIntervalMillis, discoveryIntervalMillis);
    }

    /** Runs on a worker thread; reads the floors the coordinator thread last set. */
    private Listing listNow() {
        long startedAt = clock.getAsLong();
        Map<String, Long> floors = new LinkedHashMap<>();
        synchronized (locations) {
            locations.forEach((key, recent) -> floors.put(key, recent.listFrom()));
        }
        Listing listing = new Listing(startedAt);
        for (Map.Entry<String, Long> floor : floors.entrySet()) {
            try {
                listing.listed.put(floor.getKey(), lister.list(floor.getKey(), floor.getValue()));
            } catch (IOException | RuntimeException e) {
                listing.failed.put(floor.getKey(), e);
            }
        }
        return listing;
    }

    private void onListed(Listing listing, Throwable error) {
        if (error != null) {
            LOG.error(
                    "Listing the Bedrock log objects failed; retrying at the next discovery",
                    error);
            return;
        }
        List<FileSourceSplit> fresh = new ArrayList<>();
        synchronized (locations) {
            for (Map.Entry<String, Collection<FileSourceSplit>> listed :
                    listing.listed.entrySet()) {
                fresh.addAll(
                        locations
                                .get(listed.getKey())
                                .accept(listed.getValue(), listing.startedAt));
                unreadable.listed(listed.getKey());
            }
        }
        listing.failed.forEach(unreadable::failed);
        LOG.debug(
                "Listed {} log locations ({} unreadable), {} new objects",
                listing.listed.size(),
                listing.failed.size(),
                fresh.size());
        assigner.addSplits(fresh);
        assignSplits();
    }

    /** Locations whose last listing failed. */
    int unreadableLocations() {
        return unreadable.count();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        readersAwaitingSplit.put(subtaskId, requesterHostname);
        assignSplits();
    }

    private void assignSplits() {
        for (Iterator<Map.Entry<Integer, String>> it = readersAwaitingSplit.entrySet().iterator();
                it.hasNext(); ) {
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
        synchronized (locations) {
            Map<String, Long> floors = new LinkedHashMap<>();
            List<Path> seen = new ArrayList<>();
            locations.forEach(
                    (key, recent) -> {
                        floors.put(key, recent.listFrom());
                        seen.addAll(recent.seen());
                    });
            return new LookbackCheckpoint(floors, assigner.remainingSplits(), seen);
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static final class Listing {
        final Map<String, Collection<FileSourceSplit>> listed = new LinkedHashMap<>();
        final Map<String, Exception> failed = new LinkedHashMap<>();
        final long startedAt;

        Listing(long startedAt) {
            this.startedAt = startedAt;
        }
    }
}
