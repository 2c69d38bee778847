package com.bedrockusage.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FutureTimestampsTest {

    private static final long NOW = Instant.parse("2026-12-02T06:00:00Z").toEpochMilli();
    private final FutureTimestamps guard = new FutureTimestamps(Duration.ofMinutes(15), () -> NOW);

    @Test
    void shouldPassCallsUpToMaxFutureAheadOfTheWallClock() {
        assertThat(guard.map(call(NOW - Duration.ofDays(400).toMillis())).invocation).isNotNull();
        assertThat(guard.map(call(NOW)).invocation).isNotNull();
        assertThat(guard.map(call(NOW + Duration.ofMinutes(15).toMillis())).invocation).isNotNull();
    }

    @Test
    void shouldRejectCallsFurtherAheadWithTheirIdAndTimestamp() {
        IngestRecord out = guard.map(call(NOW + Duration.ofMinutes(15).toMillis() + 1));
        assertThat(out.invocation).isNull();
        assertThat(out.rejected.reason).isEqualTo("future_timestamp");
        assertThat(out.rejected.ingestTime).isEqualTo(NOW);
        assertThat(out.rejected.rawExcerpt)
                .contains("requestId=r-1", "timestamp=2026-12-02T06:15:00.001Z");

        IngestRecord year9999 =
                guard.map(call(Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()));
        assertThat(year9999.rejected.reason).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
    }

    @Test
    void shouldKeepTheExcerptBoundedWhateverTheIdsLength() {
        Invocation call = call(Long.MAX_VALUE / 2).invocation;
        call.modelId = "m".repeat(100_000);
        IngestRecord out = guard.map(IngestRecord.of(call));
        assertThat(out.rejected.rawExcerpt.length())
                .isLessThanOrEqualTo(RejectedRecord.MAX_EXCERPT_BYTES / 4);
    }

    @Test
    void shouldLeaveRejectsAlone() {
        IngestRecord rejected =
                IngestRecord.rejected(new RejectedRecord("malformed-json", "f:1", 1L, "{"));
        assertThat(guard.map(rejected)).isSameAs(rejected);
    }

    private static IngestRecord call(long eventTime) {
        Invocation call = new Invocation();
        call.requestId = "r-1";
        call.eventTime = eventTime;
        call.source = Invocation.SOURCE_S3;
        return IngestRecord.of(call);
    }
}
