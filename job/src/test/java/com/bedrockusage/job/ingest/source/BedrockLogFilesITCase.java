package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.IngestSplitter;
import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bounded read of a generated Bedrock delivery tree on a MiniCluster (parallelism 2). */
class BedrockLogFilesITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @TempDir java.nio.file.Path root;

    private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    private static final Instant FIRST_HOUR = Instant.parse("2025-08-18T15:00:00Z");
    private static final int HOURS = 3;

    /**
     * Reaches back to FIRST_HOUR: the continuous test delivers a new object into that (long past)
     * hour folder.
     */
    private static final Duration LOOKBACK =
            Duration.between(FIRST_HOUR, Instant.now()).plusDays(1);

    private static final int FILES_PER_HOUR = 2;
    private static final int RECORDS_PER_FILE = 40;

    /**
     * 2 regions x 3 hours x 2 objects x 40 records = 480 records, of which: in every object one bad
     * line (alternately garbage and a record without requestId), i.e. 12 rejects; one object
     * truncated after its 20th record (its 20 later records are lost, 1 reject); plus offloaded
     * bodies under data/ and the permission-check marker, which must not be read.
     */
    private List<String> writeTree() {
        SyntheticLogs logs = new SyntheticLogs(21);
        List<String> expectedIds = new ArrayList<>();
        int object = 0;
        for (String region : REGIONS) {
            for (int h = 0; h < HOURS; h++) {
                Instant hour = FIRST_HOUR.plus(Duration.ofHours(h));
                java.nio.file.Path folder =
                        SyntheticLogs.hourFolder(root, SyntheticLogs.ACCOUNT, region, hour);
                for (int f = 0; f < FILES_PER_HOUR; f++, object++) {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < RECORDS_PER_FILE; i++) {
                        String id = region + "-" + h + "-" + f + "-" + i;
                        lines.add(logs.record(id, hour.plusSeconds(i), region, 1500));
                        if (object != 3 || i < 20) {
                            expectedIds.add(id);
                        }
                    }
                    lines.add(7, object % 2 == 0 ? "\u0000garbage}" : logs.error("", hour, region));
                    byte[] gz = SyntheticLogs.gzip(SyntheticLogs.ndjson(lines));
                    if (object == 3) {
                        byte[] upTo20 =
                                SyntheticLogs.gzip(SyntheticLogs.ndjson(lines.subList(0, 21)));
                        gz = cutInsideRecord(lines, upTo20.length, gz);
                    }
                    SyntheticLogs.write(
                            folder.resolve("20250818T1" + h + "0000Z_" + f + ".json.gz"), gz);
                }
                SyntheticLogs.write(
                        folder.resolve("data").resolve("big_input.json.gz"),
                        SyntheticLogs.gzip(
                                logs.converse("offloaded-body", hour, region, 100)
                                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
        SyntheticLogs.write(
                root.resolve("AWSLogs")
                        .resolve(SyntheticLogs.ACCOUNT)
                        .resolve("BedrockModelInvocationLogs")
                        .resolve(BedrockLogPathFilter.PERMISSION_CHECK_MARKER),
                "ok".getBytes(StandardCharsets.UTF_8));
        return expectedIds;
    }

    /**
     * Truncates the object so that 21 lines (20 records + the bad line) are complete and the 22nd
     * is cut.
     */
    private static byte[] cutInsideRecord(List<String> lines, int hint, byte[] gz)
            throws RuntimeException {
        for (int cut = 10; cut < gz.length; cut += 50) {
            try {
                List<IngestRecord> read = LogObjectReaderTest.readAll(Arrays.copyOf(gz, cut));
                if (read.size() == 22 && read.get(21).isRejected()) {
                    return Arrays.copyOf(gz, cut);
                }
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        }
        throw new IllegalStateException("no cut found");
    }

    @Test
    void shouldReadEveryGoodRecordAndRejectEachBadOneExactlyOnce() throws Exception {
        List<String> expectedIds = writeTree();
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);

        DataStream<IngestRecord> records = logFiles(env, false, Duration.ofSeconds(1), null, null);
        SingleOutputStreamOperator<Invocation> invocations =
                records.process(new IngestSplitter())
                        .returns(IngestTypes.INVOCATION)
                        .uid("ingest-splitter")
                        .name("ingest-splitter");
        DataStream<String> tagged =
                invocations
                        .map(i -> "I|" + i.requestId + "|" + i.source)
                        .returns(Types.STRING)
                        .union(
                                invocations
                                        .getSideOutput(IngestSplitter.REJECTED)
                                        .map(r -> "R|" + r.reason + "|" + r.source)
                                        .returns(Types.STRING));

        List<String> out = new ArrayList<>();
        tagged.executeAndCollect().forEachRemaining(out::add);

        List<String> good = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String line : out) {
            (line.startsWith("I|") ? good : rejected).add(line);
        }
        Set<String> ids = new HashSet<>();
        for (String line : good) {
            String[] parts = line.split("\\|");
            ids.add(parts[1]);
            assertThat(parts[2]).isEqualTo(Invocation.SOURCE_S3);
        }
        assertThat(good).hasSize(460);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(ids).doesNotContain("offloaded-body");

        assertThat(rejected).hasSize(13);
        assertThat(rejected.stream().filter(r -> r.startsWith("R|malformed-json|"))).hasSize(6);
        assertThat(rejected.stream().filter(r -> r.startsWith("R|missing-field:requestId|")))
                .hasSize(6);
        assertThat(rejected.stream().filter(r -> r.startsWith("R|truncated-gzip|"))).hasSize(1);
        assertThat(rejected)
                .allSatisfy(r -> assertThat(r).matches("R\\|[^|]+\\|file:.*\\.json\\.gz:\\d+"));
    }

    @Test
    void shouldPickUpObjectsDeliveredWhileRunningInContinuousMode() throws Exception {
        SyntheticLogs logs = new SyntheticLogs(5);
        java.nio.file.Path folder =
                SyntheticLogs.hourFolder(root, SyntheticLogs.ACCOUNT, "us-east-1", FIRST_HOUR);
        SyntheticLogs.write(
                folder.resolve("first.json.gz"),
                SyntheticLogs.gzip(
                        SyntheticLogs.ndjson(
                                Arrays.asList(
                                        logs.converse("first", FIRST_HOUR, "us-east-1", 100)))));
        DataStream<IngestRecord> records =
                logFiles(
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        true,
                        Duration.ofMillis(200),
                        null,
                        null);
        try (CloseableIterator<IngestRecord> running = records.executeAndCollect()) {
            assertThat(running.next().invocation.requestId).isEqualTo("first");
            // delivered only now, while the job runs; written under a hidden name and renamed, as
            // S3 shows
            // objects only once complete
            java.nio.file.Path hidden =
                    SyntheticLogs.write(
                            folder.resolve("_second.json.gz"),
                            SyntheticLogs.gzip(
                                    SyntheticLogs.ndjson(
                                            Arrays.asList(
                                                    logs.converse(
                                                            "second",
                                                            FIRST_HOUR,
                                                            "us-east-1",
                                                            100)))));
            java.nio.file.Files.move(hidden, folder.resolve("second.json.gz"));
            assertThat(running.next().invocation.requestId).isEqualTo("second");
        }
    }

    @Test
    void shouldBackfillOnlyTheHoursInTheRange() throws Exception {
        writeTree();
        DataStream<IngestRecord> records =
                logFiles(
                        StreamExecutionEnvironment.getExecutionEnvironment(),
                        false,
                        Duration.ofSeconds(1),
                        FIRST_HOUR.plus(Duration.ofHours(2)),
                        FIRST_HOUR.plus(Duration.ofHours(3)));
        List<IngestRecord> out = new ArrayList<>();
        records.executeAndCollect().forEachRemaining(out::add);
        // the last hour only: 2 regions x 2 objects x (40 records + 1 bad line)
        assertThat(out).hasSize(2 * 2 * 41);
        assertThat(out)
                .filteredOn(r -> r.invocation != null)
                .allSatisfy(
                        r ->
                                assertThat(r.invocation.requestId)
                                        .matches("(us-east|eu-west)-1-2-[01]-\\d+"));
    }

    /**
     * The tree under {@code root}, read at parallelism 2; {@code from} and {@code to} may be null.
     */
    private DataStream<IngestRecord> logFiles(
            StreamExecutionEnvironment env,
            boolean continuous,
            Duration discoveryInterval,
            Instant from,
            Instant to) {
        env.setParallelism(2);
        return env.fromSource(
                BedrockLogFiles.source(
                        List.of(root.toUri().toString()),
                        continuous,
                        discoveryInterval,
                        LOOKBACK,
                        from,
                        to,
                        true),
                WatermarkStrategy.noWatermarks(),
                "bedrock-log-files",
                IngestTypes.INGEST_RECORD);
    }
}
