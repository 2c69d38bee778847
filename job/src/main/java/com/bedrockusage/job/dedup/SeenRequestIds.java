package com.bedrockusage.job.dedup;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;

/**
 * The requestIds already metered, in keyed state with a TTL, so that no call is metered twice. The same call can
 * arrive twice from one path (an S3 object re-delivered, a Kinesis retry) or once from each path (S3 and Kinesis both
 * enabled); every copy meets the first one here.
 *
 * <p>The state is a map per key of the operator that owns it. The pipeline keys by usage key (account, region, caller,
 * model), not by requestId: every copy of a call is the same log record, so it carries the same usage key, and keying
 * once lets dedup, pricing and the usage windows run in one task without shipping each call between them.
 *
 * <p>A requestId is remembered for {@code ttl} of processing time after its first occurrence (the TTL is not
 * refreshed by duplicates, so a steady stream of retries cannot keep an entry alive forever); a duplicate arriving
 * later than that is let through again, so pick a TTL longer than any re-delivery delay.
 */
public final class SeenRequestIds {

    public static final Duration DEFAULT_TTL = Duration.ofHours(48);
    public static final String METRIC_GROUP = "kinesisanalytics";
    public static final String DUPLICATES_METRIC = "duplicates";

    private final MapState<String, Boolean> seen;
    private final Counter duplicates;

    private SeenRequestIds(MapState<String, Boolean> seen, Counter duplicates) {
        this.seen = seen;
        this.duplicates = duplicates;
    }

    /** Call from {@code open} of a keyed function. */
    public static SeenRequestIds open(RuntimeContext context, Duration ttl) {
        return new SeenRequestIds(context.getMapState(descriptor(ttl)),
                context.getMetricGroup().addGroup(METRIC_GROUP).counter(DUPLICATES_METRIC));
    }

    /** The seen requestIds of a key; each entry expires {@code ttl} after it was written. */
    public static MapStateDescriptor<String, Boolean> descriptor(Duration ttl) {
        requirePositive(ttl);
        MapStateDescriptor<String, Boolean> descriptor =
                new MapStateDescriptor<>("seen-request-ids", Types.STRING, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        return descriptor;
    }

    public static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("dedup ttl must be positive: " + ttl);
        }
        return ttl;
    }

    /**
     * @return true the first time {@code requestId} is seen under the current key (and remembers it); false, counting a
     *     duplicate, every later time within the TTL
     */
    public boolean firstTime(String requestId) throws Exception {
        if (seen.contains(requestId)) {
            duplicates.inc();
            return false;
        }
        seen.put(requestId, Boolean.TRUE);
        return true;
    }
}
