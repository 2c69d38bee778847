package com.bedrockusage.job.ingest;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import com.bedrockusage.job.qdeveloper.QDeveloperEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Rejects calls whose timestamp is more than {@code maxFuture} ahead of the wall clock at ingest,
 * before they reach the watermark. One call from year 9999 (clock skew, a foreign producer on the
 * log group) would otherwise move the watermark there and make every later call late: minute and
 * hour rows and alerts would stop until a restart.
 */
public final class FutureTimestamps implements MapFunction<IngestRecord, IngestRecord> {

    private static final long serialVersionUID = 1L;

    /** A wall clock that can be stood in for in tests; serializable because the function is. */
    public interface Clock extends LongSupplier, java.io.Serializable {}

    private final long maxFutureMillis;
    private final Clock clock;

    public FutureTimestamps(Duration maxFuture) {
        this(maxFuture, System::currentTimeMillis);
    }

    FutureTimestamps(Duration maxFuture, Clock clock) {
        this.maxFutureMillis = maxFuture.toMillis();
        this.clock = clock;
    }

    @Override
    public IngestRecord map(IngestRecord record) {
        Invocation call = record.invocation;
        QDeveloperEvent q =
                call == null && record.qdeveloper != null ? record.qdeveloper.event : null;
        if (call == null && q == null) {
            return record;
        }
        long eventTime = call != null ? call.eventTime : q.eventTime;
        long now = clock.getAsLong();
        if (eventTime - now <= maxFutureMillis) {
            return record;
        }
        return call != null
                ? rejected(
                        call.source,
                        call.requestId,
                        " timestamp=",
                        eventTime,
                        now,
                        " accountId=" + call.accountId + " modelId=" + call.modelId)
                : rejected(
                        q.source,
                        q.requestId,
                        " timeStamp=",
                        eventTime,
                        now,
                        " accountId=" + q.accountId + " kind=" + q.kind);
    }

    /** {@code timeField} as the log names it, so the excerpt points at the field to look at. */
    private static IngestRecord rejected(
            String source,
            String requestId,
            String timeField,
            long eventTime,
            long now,
            String details) {
        String excerpt =
                "requestId="
                        + requestId
                        + timeField
                        + Instant.ofEpochMilli(eventTime)
                        + " ingested="
                        + Instant.ofEpochMilli(now)
                        + details;
        return IngestRecord.rejected(
                new RejectedRecord(
                        RejectReason.FUTURE_TIMESTAMP,
                        source + ":" + requestId,
                        now,
                        truncate(excerpt)));
    }

    /**
     * At most {@link RejectedRecord#MAX_EXCERPT_BYTES} bytes even when every character takes four
     * in UTF-8.
     */
    private static String truncate(String s) {
        int max = RejectedRecord.MAX_EXCERPT_BYTES / 4;
        return s.length() <= max ? s : s.substring(0, max);
    }
}
