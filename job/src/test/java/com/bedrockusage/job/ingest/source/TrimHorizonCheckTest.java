package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.RejectedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrimHorizonCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private final TrimHorizonCheck check = new TrimHorizonCheck(Duration.ofHours(24));

    @Test
    void shouldMarkAShardWhoseFirstRecordArrivedAboutARetentionAgo() {
        Optional<RejectedRecord> gap =
                check.firstRecord(
                        "bedrock-logs",
                        "shardId-000000000001",
                        NOW.minus(Duration.ofHours(24)).plusSeconds(60),
                        NOW);
        assertThat(gap)
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.reason).isEqualTo(RejectReason.KINESIS_TRIMMED);
                            assertThat(r.source).isEqualTo("shardId-000000000001");
                            assertThat(r.rawExcerpt)
                                    .contains(
                                            "bedrock-logs", "trim horizon", "2026-12-01T09:01:00Z");
                        });
    }

    @Test
    void shouldMarkEachShardOnlyForItsFirstRecord() {
        Instant old = NOW.minus(Duration.ofHours(30));
        assertThat(check.firstRecord("s", "shard-1", old, NOW)).isPresent();
        assertThat(check.firstRecord("s", "shard-1", old, NOW)).isEmpty();
        assertThat(check.firstRecord("s", "shard-2", old, NOW)).isPresent();
    }

    @Test
    void shouldLeaveAResumeWellInsideTheRetentionAlone() {
        assertThat(check.firstRecord("s", "shard-1", NOW.minus(Duration.ofHours(23)), NOW))
                .isEmpty();
        assertThat(check.firstRecord("s", "shard-2", null, NOW)).isEmpty();
    }
}
