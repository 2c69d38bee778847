package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.RejectedRecord;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Notices a shard resumed at its trim horizon. When the job was stopped for longer than the
 * stream's retention, the position it restores has been trimmed and Kinesis silently reads on from
 * the oldest record left: the calls in between are gone. The first record a task reads from a shard
 * then has an arrival age of about the retention. That record becomes a {@link
 * RejectReason#KINESIS_TRIMMED} row (a durable, alarmed marker of the gap); it is still decoded as
 * usual.
 */
final class TrimHorizonCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Kinesis trims a little after the retention; a resume this close to it is at (or about to
     * lose) the horizon.
     */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private final Duration retention;
    private transient Set<String> seenShards;

    TrimHorizonCheck(Duration retention) {
        this.retention = retention;
    }

    /**
     * @return the gap marker when this is the shard's first record here and it arrived about a
     *     retention ago
     */
    Optional<RejectedRecord> firstRecord(
            String stream, String shardId, Instant arrival, Instant now) {
        if (seenShards == null) {
            seenShards = new HashSet<>();
        }
        if (arrival == null || !seenShards.add(shardId)) {
            return Optional.empty();
        }
        Duration age = Duration.between(arrival, now);
        if (age.compareTo(retention.minus(MARGIN)) < 0) {
            return Optional.empty();
        }
        String excerpt =
                "shard "
                        + shardId
                        + " of "
                        + stream
                        + " resumed at its trim horizon: its first record arrived "
                        + arrival
                        + " ("
                        + age.toMinutes()
                        + " min ago, retention "
                        + retention.toHours()
                        + " h); records"
                        + " between the restored position and this one were trimmed unread unless the S3 source reads them";
        return Optional.of(
                new RejectedRecord(
                        RejectReason.KINESIS_TRIMMED, shardId, now.toEpochMilli(), excerpt));
    }
}
