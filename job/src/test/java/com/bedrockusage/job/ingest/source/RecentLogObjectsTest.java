package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class RecentLogObjectsTest {

    private static final long LOOKBACK = Duration.ofHours(24).toMillis();

    private static FileSourceSplit object(String hourFolder, String name) {
        return new FileSourceSplit(
                name,
                new Path(
                        "s3://b/AWSLogs/1/BedrockModelInvocationLogs/us-east-1/"
                                + hourFolder
                                + "/"
                                + name),
                0,
                10,
                0,
                10);
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void shouldHandOutEachObjectOnceAndForgetThoseBelowTheFloor() {
        RecentLogObjects recent =
                new RecentLogObjects(LOOKBACK, Long.MIN_VALUE, Collections.emptyList());
        FileSourceSplit old = object("2026/11/01/00", "a.json.gz");
        FileSourceSplit recentOne = object("2026/11/02/09", "b.json.gz");

        assertThat(recent.accept(Arrays.asList(old, recentOne), at("2026-11-02T10:00:00Z")))
                .containsExactly(old, recentOne);
        assertThat(recent.listFrom()).isEqualTo(at("2026-11-01T10:00:00Z"));
        assertThat(recent.seen()).containsExactly(recentOne.path());

        assertThat(recent.accept(Arrays.asList(recentOne), at("2026-11-02T10:00:30Z"))).isEmpty();
    }

    @Test
    void shouldKeepAnHourFolderUntilItEndsBeforeTheFloor() {
        RecentLogObjects recent =
                new RecentLogObjects(LOOKBACK, Long.MIN_VALUE, Collections.emptyList());
        FileSourceSplit edge = object("2026/11/01/09", "c.json.gz");
        recent.accept(Arrays.asList(edge), at("2026-11-02T09:59:59Z"));
        assertThat(recent.seen()).containsExactly(edge.path());
        recent.accept(Collections.emptyList(), at("2026-11-02T10:00:00Z"));
        assertThat(recent.seen()).isEmpty();
    }

    @Test
    void shouldNeverLowerTheFloorWhenTheClockGoesBack() {
        RecentLogObjects recent =
                new RecentLogObjects(LOOKBACK, at("2026-11-01T10:00:00Z"), Collections.emptyList());
        recent.accept(Collections.emptyList(), at("2026-11-01T12:00:00Z"));
        assertThat(recent.listFrom()).isEqualTo(at("2026-11-01T10:00:00Z"));
    }
}
