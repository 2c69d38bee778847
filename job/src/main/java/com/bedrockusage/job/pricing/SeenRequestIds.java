package com.bedrockusage.job.pricing;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;

/**
 * The requestIds already metered, in keyed state, so that no call is metered twice. The same call
 * can arrive twice from one path (an S3 object re-delivered, a Kinesis retry) or once from each
 * path (S3 and Kinesis both enabled); every copy meets the first one here.
 *
 * <p>The state is a map per key of the operator that owns it. The pipeline keys by usage key
 * (account, region, caller, model), not by requestId: every copy of a call is the same log record,
 * so it carries the same usage key, and keying once lets dedup, pricing and the usage windows run
 * in one task without shipping each call between them.
 *
 * <p>A requestId is remembered until the watermark has passed its call's event time by {@code ttl}:
 * retention follows event time, not the wall clock, so stopping the job for days (or restoring an
 * older snapshot) forgets nothing while the data itself has not moved on. Duplicates do not extend
 * it (every copy of a call has the same event time). A copy arriving after that is let through
 * again, so pick a TTL longer than any re-delivery delay. Expired entries are removed by an
 * event-time timer of the key ({@link #sweep}), at most one per {@link #sweepInterval} per key.
 * Flink's own state TTL is not used: it follows processing time, and on the heap backend its
 * incremental cleanup copies a key's whole map on every access.
 */
public final class SeenRequestIds {

    public static final MapStateDescriptor<String, Long> FIRST_SEEN =
            new MapStateDescriptor<>(
                    "request-id-first-seen", Utf8StringTypeInfo.INSTANCE, Types.LONG);

    private final MapState<String, Long> firstSeen;
    private final long ttlMillis;
    private final long sweepMillis;
    private final Counter duplicates;

    private SeenRequestIds(MapState<String, Long> firstSeen, Duration ttl, Counter duplicates) {
        this.firstSeen = firstSeen;
        this.ttlMillis = ttl.toMillis();
        this.sweepMillis = sweepInterval(ttl).toMillis();
        this.duplicates = duplicates;
    }

    /** Call from {@code open} of a keyed function. */
    public static SeenRequestIds open(RuntimeContext context, Duration ttl) {
        return new SeenRequestIds(
                context.getMapState(FIRST_SEEN),
                requirePositive(ttl),
                MetricNames.counter(context.getMetricGroup(), MetricNames.DUPLICATES));
    }

    public static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("dedup ttl must be positive: " + ttl);
        }
        return ttl;
    }

    /** How far apart a key's sweeps are: a twelfth of the TTL, at least a second. */
    public static Duration sweepInterval(Duration ttl) {
        Duration twelfth = ttl.dividedBy(12);
        return twelfth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : twelfth;
    }

    /**
     * @param eventTime the call's event time (epoch millis)
     * @return true the first time {@code requestId} is seen under the current key (and remembers
     *     it); false, counting a duplicate, for every later copy until the watermark passes {@code
     *     eventTime + ttl}
     */
    public boolean firstTime(String requestId, long eventTime, TimerService timers)
            throws Exception {
        if (firstSeen.contains(requestId)) {
            duplicates.inc();
            return false;
        }
        firstSeen.put(requestId, eventTime);
        scheduleSweep(eventTime + ttlMillis, timers);
        return true;
    }

    /**
     * Call from the key's {@code onTimer}: forgets the requestIds whose retention the watermark has
     * passed. A processing-time timer can only come from state written before retention followed
     * event time; its entries are handed to an event-time sweep.
     */
    public void sweep(TimerService timers) throws Exception {
        long watermark = timers.currentWatermark();
        long latestKept = Long.MIN_VALUE;
        Iterator<Map.Entry<String, Long>> entries = firstSeen.iterator();
        while (entries.hasNext()) {
            long expiresAt = entries.next().getValue() + ttlMillis;
            if (expiresAt <= watermark) {
                entries.remove();
            } else {
                latestKept = Math.max(latestKept, expiresAt);
            }
        }
        if (latestKept != Long.MIN_VALUE) {
            scheduleSweep(latestKept, timers);
        }
    }

    /** Rounded up to the sweep interval: the timer service keeps one timer per key and time. */
    private void scheduleSweep(long expiresAt, TimerService timers) {
        timers.registerEventTimeTimer((expiresAt / sweepMillis + 1) * sweepMillis);
    }
}
