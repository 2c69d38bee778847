package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BedrockLogEnumeratorTest {

    @TempDir java.nio.file.Path root;

    @BeforeEach
    void writeTree() {
        byte[] any = SyntheticLogs.gzip(new byte[0]);
        java.nio.file.Path h16 =
                SyntheticLogs.hourFolder(
                        root, "123456789012", "us-east-1", Instant.parse("2025-08-18T16:00:00Z"));
        java.nio.file.Path h17 =
                SyntheticLogs.hourFolder(
                        root, "123456789012", "us-east-1", Instant.parse("2025-08-18T17:00:00Z"));
        java.nio.file.Path next =
                SyntheticLogs.hourFolder(
                        root, "123456789012", "eu-west-1", Instant.parse("2025-08-19T00:00:00Z"));
        SyntheticLogs.write(h16.resolve("a.json.gz"), any);
        SyntheticLogs.write(h16.resolve("data").resolve("a_input.json.gz"), any);
        SyntheticLogs.write(h17.resolve("b.json.gz"), any);
        SyntheticLogs.write(h17.resolve(".b.json.gz.crc"), any);
        SyntheticLogs.write(h17.resolve("_tmp.json.gz"), any);
        SyntheticLogs.write(h17.resolve("notes.txt"), any);
        SyntheticLogs.write(next.resolve("c.json.gz"), any);
        SyntheticLogs.write(
                root.resolve("AWSLogs/123456789012/BedrockModelInvocationLogs")
                        .resolve(BedrockLogPathFilter.PERMISSION_CHECK_MARKER),
                any);
    }

    private List<String> enumerate(Instant from, Instant to) throws IOException {
        BedrockLogPathFilter filter =
                new BedrockLogPathFilter(
                        from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                        to == null ? Long.MAX_VALUE : to.toEpochMilli());
        return new BedrockLogEnumerator.Provider(filter)
                .create().enumerateSplits(new Path[] {new Path(root.toUri())}, 1).stream()
                        .map(FileSourceSplit::path)
                        .map(Path::getName)
                        .sorted()
                        .collect(Collectors.toList());
    }

    @Test
    void shouldSkipBodiesMarkerAndHiddenObjects() throws IOException {
        assertThat(enumerate(null, null)).containsExactly("a.json.gz", "b.json.gz", "c.json.gz");
    }

    @Test
    void shouldKeepOnlyHourFoldersOverlappingTheRange() throws IOException {
        assertThat(
                        enumerate(
                                Instant.parse("2025-08-18T17:00:00Z"),
                                Instant.parse("2025-08-19T00:00:00Z")))
                .containsExactly("b.json.gz");
        assertThat(enumerate(Instant.parse("2025-08-18T16:30:00Z"), null))
                .containsExactly("a.json.gz", "b.json.gz", "c.json.gz");
        assertThat(enumerate(null, Instant.parse("2025-08-18T16:00:00Z"))).isEmpty();
        assertThat(
                        enumerate(
                                Instant.parse("2025-08-19T00:59:59Z"),
                                Instant.parse("2026-01-01T00:00:00Z")))
                .containsExactly("c.json.gz");
    }

    @Test
    void shouldComputeTheSpanOfPartialDatePaths() {
        assertThat(BedrockLogPathFilter.pathSpan(Arrays.asList("us-east-1", "2024", "02"), false))
                .containsExactly(
                        Instant.parse("2024-02-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(BedrockLogPathFilter.pathSpan(Arrays.asList("2024", "12"), false)[1])
                .isEqualTo(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
        assertThat(
                        BedrockLogPathFilter.pathSpan(
                                Arrays.asList("2024", "12", "31", "x.json.gz"), true))
                .isNull();
    }
}
