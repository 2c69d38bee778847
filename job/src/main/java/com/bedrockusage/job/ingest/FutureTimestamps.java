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
        if (call == null) {
            return record.qdeveloper != null && record.qdeveloper.event != null
                    ? qDeveloper(record)
                    : record;
        }
        long now = clock.getAsLong();
        if (call.eventTime - now <= maxFutureMillis) {
            return record;
        }
        String excerpt =
                "requestId="
                        + call.requestId
                        + " timestamp="
                        + Instant.ofEpochMilli(call.eventTime)
                        + " ingested="
                        + Instant.ofEpochMilli(now)
                        + " accountId="
                        + call.accountId
                        + " modelId="
                        + call.modelId;
        return IngestRecord.rejected(
                new RejectedRecord(
                        RejectReason.FUTURE_TIMESTAMP,
                        call.source + ":" + call.requestId,
                        now,
                        truncate(excerpt)));
    }

    private IngestRecord qDeveloper(IngestRecord record) {
        QDeveloperEvent e = record.qdeveloper.event;
        long now = clock.getAsLong();
        if (e.eventTime - now <= maxFutureMillis) {
            return record;
        }
        String excerpt =
                "requestId="
                        + e.requestId
                        + " timeStamp="
                        + Instant.ofEpochMilli(e.eventTime)
                        + " ingested="
                        + Instant.ofEpochMilli(now)
                        + " accountId="
                        + e.accountId
                        + " kind="
                        + e.kind;
        return IngestRecord.rejected(
                new RejectedRecord(
                        RejectReason.FUTURE_TIMESTAMP,
                        e.source + ":" + e.requestId,
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
