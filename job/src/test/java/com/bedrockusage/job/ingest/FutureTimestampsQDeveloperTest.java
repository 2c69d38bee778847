package com.bedrockusage.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.qdeveloper.QDeveloperEvent;
import com.bedrockusage.job.qdeveloper.QDeveloperRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Q Developer record from the future must not reach the shared watermark either. */
class FutureTimestampsQDeveloperTest {

    private static final long NOW = Instant.parse("2026-12-02T06:00:00Z").toEpochMilli();
    private final FutureTimestamps guard = new FutureTimestamps(Duration.ofMinutes(15), () -> NOW);

    private static IngestRecord event(long time) {
        QDeveloperEvent e = new QDeveloperEvent();
        e.requestId = "q-1";
        e.accountId = "111122223333";
        e.userId = "d-1.alice";
        e.kind = "chat";
        e.eventTime = time;
        e.source = "s3://b/AWSLogs/111122223333/QDeveloperLogs/x.json.gz";
        return IngestRecord.of(QDeveloperRecord.of(e));
    }

    @Test
    void shouldRejectQDeveloperRecordsFurtherAheadThanMaxFuture() {
        assertThat(guard.map(event(NOW + Duration.ofMinutes(15).toMillis())).qdeveloper)
                .isNotNull();
        IngestRecord out = guard.map(event(Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()));
        assertThat(out.qdeveloper).isNull();
        assertThat(out.rejected.reason).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
        assertThat(out.rejected.rawExcerpt).contains("requestId=q-1", "kind=chat");
    }
}
