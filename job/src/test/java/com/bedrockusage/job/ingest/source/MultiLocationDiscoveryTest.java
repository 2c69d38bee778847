package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuous S3 source over several log locations (one per spoke account): one time order
 * across them, a location that cannot be listed reported and caught up later, and a location added
 * on restore starting at its own {@code from}.
 */
class MultiLocationDiscoveryTest {

    private static final Duration LOOKBACK = Duration.ofHours(24);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir Path tmp;

    private final List<Path> denied = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @AfterEach
    void allowAll() {
        denied.forEach(DeniableLogFileSystem::allow);
    }

    @Test
    void shouldHandOutTheObjectsOfEveryLocationInOneTimeOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // accounts take turns: a per-location order would read 111… to its end first
            expected.add(
                    object(
                            "acct-" + (i % 3),
                            "11111111111" + (i % 3),
                            now.minus(Duration.ofMinutes(90 - i))));
        }
        Enumerated run = new Enumerated(locations("acct-0", "acct-1", "acct-2"), null);

        run.discoverAndRead();

        assertThat(run.assignedNames()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldGoOnWithTheOtherLocationsWhileOneIsUnreadableAndCatchUpWhenItIsReadableAgain()
            throws Exception {
        String a1 = object("acct-a", "111111111111", now.minus(Duration.ofMinutes(50)));
        String b1 = object("acct-b", "222222222222", now.minus(Duration.ofMinutes(40)));
        Enumerated run = new Enumerated(locations("acct-a", "acct-b"), null);
        run.discoverAndRead();
        assertThat(run.assignedNames()).containsExactly(a1, b1);

        deny("acct-b");
        String a2 = object("acct-a", "111111111111", now.minus(Duration.ofMinutes(30)));
        String b2 = object("acct-b", "222222222222", now.minus(Duration.ofMinutes(20)));
        run.discoverAndRead();
        run.discoverAndRead();
        assertThat(run.assignedNames()).containsExactly(a1, b1, a2);
        assertThat(run.enumerator.unreadableLocations()).isEqualTo(1);

        // a restart while it is unreadable keeps its place too
        Enumerated restored = run.restartWith(locations("acct-a", "acct-b"));
        allow("acct-b");
        restored.discoverAndRead();
        assertThat(restored.assignedNames()).containsExactly(b2);
        assertThat(restored.enumerator.unreadableLocations()).isZero();
    }

    @Test
    void shouldStartALocationAddedOnRestoreAtItsOwnFromAndReadNothingOfTheOthersAgain()
            throws Exception {
        Instant from = now.minus(Duration.ofDays(10));
        String a1 = object("acct-a", "111111111111", now.minus(Duration.ofDays(3)));
        String a2 = object("acct-a", "111111111111", now.minus(Duration.ofMinutes(30)));
        Enumerated run = new Enumerated(locations("acct-a"), from);
        run.discoverAndRead();
        assertThat(run.assignedNames()).containsExactly(a1, a2);

        // A spoke whose bucket has history beyond the lookback joins; acct-a gets an object in an
        // old folder, which
        // its floor (a lookback before its last listing) no longer covers.
        object("acct-c", "333333333333", now.minus(Duration.ofDays(20)));
        String c1 = object("acct-c", "333333333333", now.minus(Duration.ofDays(5)));
        String c2 = object("acct-c", "333333333333", now.minus(Duration.ofMinutes(10)));
        object("acct-a", "111111111111", now.minus(Duration.ofDays(4)));
        String a3 = object("acct-a", "111111111111", now.minus(Duration.ofMinutes(5)));

        Enumerated restored = run.restartWith(locations("acct-a", "acct-c"));
        restored.discoverAndRead();

        assertThat(restored.assignedNames()).containsExactly(c1, c2, a3);
        LookbackCheckpoint state = restored.enumerator.snapshotState(2);
        assertThat(state.floors)
                .hasSize(2)
                .allSatisfy(
                        (location, floor) ->
                                assertThat(floor)
                                        .isGreaterThanOrEqualTo(
                                                now.minus(LOOKBACK).toEpochMilli()));
    }

    @Test
    void shouldGiveTheFloorOfSingleLocationStateToTheFirstLocationOnly() throws Exception {
        String oldA = object("acct-a", "111111111111", now.minus(Duration.ofDays(3)));
        String oldB = object("acct-b", "222222222222", now.minus(Duration.ofDays(3)));
        String a = object("acct-a", "111111111111", now.minus(Duration.ofMinutes(30)));
        long floorAtStop = now.minus(Duration.ofHours(2)).toEpochMilli();
        byte[] versionTwo = singleLocationState(floorAtStop);

        BedrockLogSource source = source(locations("acct-a", "acct-b"), null);
        LookbackCheckpoint restored =
                source.getEnumeratorCheckpointSerializer()
                        .deserialize(
                                LookbackCheckpointSerializer.SINGLE_LOCATION_VERSION, versionTwo);
        Enumerated run = new Enumerated(source, restored);
        run.discoverAndRead();

        assertThat(run.assignedNames()).doesNotContain(oldA).containsExactly(oldB, a);
    }

    /**
     * What version 2 wrote: the floor, then Flink's pending-splits format (nothing pending, nothing
     * seen).
     */
    private static byte[] singleLocationState(long floor) throws Exception {
        byte[] v3 =
                LookbackCheckpointSerializer.INSTANCE.serialize(
                        new LookbackCheckpoint(
                                Collections.emptyMap(),
                                Collections.emptyList(),
                                Collections.emptyList()));
        byte[] v2 = new byte[v3.length + 4];
        java.nio.ByteBuffer.wrap(v2).putLong(floor).put(v3, 4, v3.length - 4);
        return v2;
    }

    private String object(String location, String account, Instant deliveredAt) throws Exception {
        Path dir =
                tmp.resolve(location)
                        .resolve("AWSLogs")
                        .resolve(account)
                        .resolve("BedrockModelInvocationLogs/us-east-1")
                        .resolve(HOUR.format(deliveredAt));
        Files.createDirectories(dir);
        String name = NAME.format(deliveredAt) + "_" + account + ".json.gz";
        Files.write(dir.resolve(name), new byte[] {1});
        return name;
    }

    private List<String> locations(String... names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(DeniableLogFileSystem.location(tmp.resolve(name)) + "/");
        }
        return out;
    }

    private void deny(String location) {
        denied.add(tmp.resolve(location));
        DeniableLogFileSystem.deny(tmp.resolve(location));
    }

    private void allow(String location) {
        DeniableLogFileSystem.allow(tmp.resolve(location));
    }

    private static BedrockLogSource source(List<String> locations, Instant from) {
        Source<IngestRecord, FileSourceSplit, ?> source =
                BedrockLogFiles.source(
                        locations, true, Duration.ofSeconds(30), LOOKBACK, from, null, false);
        return (BedrockLogSource) source;
    }

    /**
     * An enumerator of a source, driven by hand, with a reader that reads everything it is given.
     */
    private final class Enumerated {
        final BedrockLogSource source;
        final ManualEnumeratorContext context = new ManualEnumeratorContext();
        final LookbackSplitEnumerator enumerator;
        final Instant from;

        Enumerated(List<String> locations, Instant from) {
            this.source = source(locations, from);
            this.from = from;
            this.enumerator = (LookbackSplitEnumerator) source.createEnumerator(context);
            enumerator.start();
        }

        Enumerated(BedrockLogSource source, LookbackCheckpoint restored) {
            this.source = source;
            this.from = null;
            this.enumerator = (LookbackSplitEnumerator) source.restoreEnumerator(context, restored);
            enumerator.start();
        }

        /**
         * A new job graph (other locations) restored from this one's checkpoint, through the
         * serializer.
         */
        Enumerated restartWith(List<String> locations) throws Exception {
            byte[] state =
                    LookbackCheckpointSerializer.INSTANCE.serialize(enumerator.snapshotState(1));
            BedrockLogSource next = source(locations, from);
            return new Enumerated(
                    next,
                    next.getEnumeratorCheckpointSerializer()
                            .deserialize(LookbackCheckpointSerializer.VERSION, state));
        }

        void discoverAndRead() {
            context.discover();
            int before;
            do {
                before = context.assigned.size();
                enumerator.handleSplitRequest(0, "localhost");
            } while (context.assigned.size() > before);
        }

        List<String> assignedNames() {
            return context.assigned.stream()
                    .map(s -> s.path().getName())
                    .collect(Collectors.toList());
        }
    }
}
