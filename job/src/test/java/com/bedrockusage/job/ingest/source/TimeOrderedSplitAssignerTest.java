package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class TimeOrderedSplitAssignerTest {

    private static final String ROOT = "s3://logs/AWSLogs/";

    private static FileSourceSplit split(String relative) {
        return new FileSourceSplit(relative, new Path(ROOT + relative), 0, 1, 0, 1);
    }

    private static List<String> drain(TimeOrderedSplitAssigner assigner) {
        List<String> order = new ArrayList<>();
        for (Optional<FileSourceSplit> next = assigner.getNext(null);
                next.isPresent();
                next = assigner.getNext(null)) {
            order.add(next.get().splitId());
        }
        return order;
    }

    @Test
    void shouldHandOutObjectsOldestFirstAcrossAccountsAndRegions() {
        // Listed in path order: account by account, region by region.
        TimeOrderedSplitAssigner assigner =
                new TimeOrderedSplitAssigner(
                        Arrays.asList(
                                split(
                                        "111/BedrockModelInvocationLogs/eu-west-1/2026/11/01/01/20261101T010500000Z_a.json.gz"),
                                split(
                                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/00/20261101T000500000Z_b.json.gz"),
                                split(
                                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/01/20261101T011000000Z_c.json.gz"),
                                split(
                                        "222/BedrockModelInvocationLogs/us-east-1/2026/11/01/00/20261101T000100000Z_d.json.gz"),
                                split(
                                        "222/BedrockModelInvocationLogs/us-east-1/2026/11/01/00/20261101T003000000Z_e.json.gz")));

        assertThat(drain(assigner))
                .extracting(id -> id.substring(id.length() - 9, id.length() - 8))
                .containsExactly("d", "b", "e", "a", "c");
    }

    @Test
    void shouldOrderObjectsWithoutATimestampNameByTheirHourFolderAndUndatedOnesLast() {
        TimeOrderedSplitAssigner assigner =
                new TimeOrderedSplitAssigner(
                        Arrays.asList(
                                split("manual/upload.json.gz"),
                                split(
                                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/02/custom.json.gz"),
                                split(
                                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/01/20261101T015900000Z_x.json.gz")));
        assigner.addSplits(
                List.of(
                        split(
                                "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/00/20261101T000000000Z_y.json.gz")));

        assertThat(drain(assigner))
                .containsExactly(
                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/00/20261101T000000000Z_y.json.gz",
                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/01/20261101T015900000Z_x.json.gz",
                        "111/BedrockModelInvocationLogs/us-east-1/2026/11/01/02/custom.json.gz",
                        "manual/upload.json.gz");
    }

    @Test
    void shouldReadTheDeliveryTimeFromTheNameOrTheHourFolder() {
        assertThat(
                        TimeOrderedSplitAssigner.deliveredAt(
                                new Path(
                                        ROOT
                                                + "1/B/us-east-1/2026/11/01/00/20261101T000437232Z_55e245ee88c0171f.json.gz")))
                .isEqualTo(Instant.parse("2026-11-01T00:04:37.232Z").toEpochMilli());
        assertThat(
                        TimeOrderedSplitAssigner.deliveredAt(
                                new Path(ROOT + "1/B/us-east-1/2026/11/01/07/other.json.gz")))
                .isEqualTo(Instant.parse("2026-11-01T07:00:00Z").toEpochMilli());
        assertThat(
                        TimeOrderedSplitAssigner.deliveredAt(
                                new Path(ROOT + "1/B/us-east-1/2026/13/01/07/x.json.gz")))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldKeepWhatIsLeftForACheckpoint() {
        TimeOrderedSplitAssigner assigner =
                new TimeOrderedSplitAssigner(
                        Arrays.asList(
                                split("1/B/r/2026/11/01/00/20261101T000000000Z_a.json.gz"),
                                split("1/B/r/2026/11/01/00/20261101T000100000Z_b.json.gz")));
        assigner.getNext(null);

        assertThat(assigner.remainingSplits())
                .extracting(FileSourceSplit::splitId)
                .containsExactly("1/B/r/2026/11/01/00/20261101T000100000Z_b.json.gz");
    }
}
