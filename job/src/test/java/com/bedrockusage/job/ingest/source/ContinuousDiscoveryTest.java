package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.FileSourceSplitSerializer;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.PendingSplitsCheckpointSerializer;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * The continuous S3 source's enumerator over synthetic buckets: bounded state, flat listings,
 * restores.
 */
class ContinuousDiscoveryTest {

    private static final Duration LOOKBACK = Duration.ofHours(24);
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int PER_HOUR = 5;

    /**
     * The state a checkpoint holds and the LIST calls of one discovery, once the source has caught
     * up.
     */
    static long[] steadyState(String root, Duration lookback) throws Exception {
        return steadyState(continuousSource(root, lookback), root);
    }

    /** The job's continuous source over one root, listing every 30 s, unbounded in time. */
    static Source<IngestRecord, FileSourceSplit, ?> continuousSource(
            String root, Duration lookback) {
        return BedrockLogFiles.source(
                List.of(root), true, Duration.ofSeconds(30), lookback, null, null, false);
    }

    static <C> long[] steadyState(Source<IngestRecord, FileSourceSplit, C> source, String root)
            throws Exception {
        ManualEnumeratorContext context = new ManualEnumeratorContext();
        SplitEnumerator<FileSourceSplit, C> enumerator = source.createEnumerator(context);
        enumerator.start();
        context.discover();
        readAll(enumerator, context);
        SyntheticLogFileSystem fs = SyntheticLogFileSystem.of(root);
        long listsBefore = fs.listCalls();
        context.discover();
        readAll(enumerator, context);
        long lists = fs.listCalls() - listsBefore;
        byte[] state =
                source.getEnumeratorCheckpointSerializer().serialize(enumerator.snapshotState(1));
        return new long[] {state.length, lists, context.assigned.size()};
    }

    /** The reader asks for splits until none is left. */
    private static void readAll(
            SplitEnumerator<FileSourceSplit, ?> enumerator, ManualEnumeratorContext context) {
        int before;
        do {
            before = context.assigned.size();
            enumerator.handleSplitRequest(0, "localhost");
        } while (context.assigned.size() > before);
    }

    @Test
    void shouldKeepTheCheckpointedStateAndTheListingsFlatAsTheBucketGrows() throws Exception {
        long[] tenDays = steadyState(SyntheticLogFileSystem.root(10, PER_HOUR), LOOKBACK);
        long[] ninetyDays = steadyState(SyntheticLogFileSystem.root(90, PER_HOUR), LOOKBACK);

        assertThat(tenDays[2]).as("every object read once").isEqualTo(10 * 24 * PER_HOUR);
        assertThat(ninetyDays[2]).isEqualTo(90 * 24 * PER_HOUR);
        // Only the ~25 hour folders inside the lookback, whatever the history (a day or month
        // boundary adds a LIST).
        assertThat(ninetyDays[0])
                .as("state bytes")
                .isLessThanOrEqualTo(tenDays[0] + 26 * PER_HOUR * 200L);
        assertThat(ninetyDays[1])
                .as("LIST calls per discovery")
                .isLessThanOrEqualTo(tenDays[1] + 2)
                .isLessThan(40);
    }

    @Test
    void shouldRestoreTheStateOfFlinksContinuousFileSourceWithoutReadingAnythingAgain()
            throws Exception {
        String root = SyntheticLogFileSystem.root(3, PER_HOUR);
        List<FileSourceSplit> all =
                new ArrayList<>(
                        new BedrockLogEnumerator(BedrockLogPathFilter.all())
                                .enumerateSplits(new Path[] {new Path(root)}, 1));
        FileSourceSplit notYetRead = all.get(all.size() - 1);
        List<Path> processed = new ArrayList<>();
        all.forEach(s -> processed.add(s.path()));
        byte[] written =
                new PendingSplitsCheckpointSerializer<>(FileSourceSplitSerializer.INSTANCE)
                        .serialize(
                                PendingSplitsCheckpoint.fromCollectionSnapshot(
                                        Collections.singletonList(notYetRead), processed));

        Collection<Path> remembered =
                restoreAndDiscover(continuousSource(root, LOOKBACK), written, all.size());

        assertThat(remembered.size())
                .as("objects remembered after the first listing")
                .isBetween(24 * PER_HOUR, 26 * PER_HOUR);
    }

    private static <C> Collection<Path> restoreAndDiscover(
            Source<IngestRecord, FileSourceSplit, C> source, byte[] flinkState, int objects)
            throws Exception {
        C restored = source.getEnumeratorCheckpointSerializer().deserialize(1, flinkState);
        ManualEnumeratorContext context = new ManualEnumeratorContext();
        SplitEnumerator<FileSourceSplit, C> enumerator =
                source.restoreEnumerator(context, restored);
        enumerator.start();
        context.discover();
        readAll(enumerator, context);
        assertThat(context.assigned).as("only the split pending at the checkpoint").hasSize(1);
        C snapshot = enumerator.snapshotState(2);
        byte[] bytes = source.getEnumeratorCheckpointSerializer().serialize(snapshot);
        C again =
                source.getEnumeratorCheckpointSerializer()
                        .deserialize(
                                source.getEnumeratorCheckpointSerializer().getVersion(), bytes);
        if (again instanceof LookbackCheckpoint) {
            return ((LookbackCheckpoint) again).seen;
        }
        return ((PendingSplitsCheckpoint<?>) again).getAlreadyProcessedPaths();
    }

    @Test
    void shouldListTheHoursOfADowntimeLongerThanTheLookbackAfterARestore() throws Exception {
        String root = SyntheticLogFileSystem.root(10, PER_HOUR);
        long stoppedAt = System.currentTimeMillis() - Duration.ofDays(5).toMillis();
        long floorAtStop = stoppedAt - LOOKBACK.toMillis();
        LookbackCheckpoint atStop =
                new LookbackCheckpoint(
                        floorAtStop, Collections.emptyList(), Collections.emptyList());
        BedrockLogSource source = (BedrockLogSource) continuousSource(root, LOOKBACK);
        ManualEnumeratorContext context = new ManualEnumeratorContext();
        SplitEnumerator<FileSourceSplit, LookbackCheckpoint> enumerator =
                source.restoreEnumerator(
                        context,
                        LookbackCheckpointSerializer.INSTANCE.deserialize(
                                LookbackCheckpointSerializer.VERSION,
                                LookbackCheckpointSerializer.INSTANCE.serialize(atStop)));
        enumerator.start();
        context.discover();
        readAll(enumerator, context);

        // Six days of hour folders (the five days stopped and the lookback before the stop), not
        // just the last one.
        long hours = context.assigned.size() / PER_HOUR;
        assertThat(hours).isBetween(6 * 24L, 6 * 24L + 2);
        assertThat(context.assigned)
                .allSatisfy(
                        split ->
                                assertThat(BedrockLogPathFilter.hourOf(split.path())[1])
                                        .isGreaterThan(floorAtStop));
        assertThat(enumerator.snapshotState(1).floors.get(LookbackCheckpoint.locationKey(root)))
                .isGreaterThanOrEqualTo(System.currentTimeMillis() - LOOKBACK.toMillis() - HOUR);
    }
}
