package com.bedrockusage.job.dedup;

import com.bedrockusage.job.model.Invocation;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first invocation of each {@code requestId} through and drops (and counts) every later one.
 *
 * <p>Key the stream by {@code requestId} before this function. The same call can arrive twice from one path (an S3
 * object re-delivered, a Kinesis retry) or once from each path (S3 and Kinesis both enabled); all of them meet here,
 * so no call is metered twice. "Seen" is remembered for {@code ttl} of processing time after the first occurrence
 * (the TTL is not refreshed by duplicates, so a steady stream of retries cannot keep a key alive forever); a
 * duplicate arriving later than that is let through again, so pick a TTL longer than any re-delivery delay.
 */
public class DeduplicateByRequestId extends KeyedProcessFunction<String, Invocation, Invocation> {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TTL = Duration.ofHours(48);
    public static final String UID = "dedup-request-id";
    public static final String METRIC_GROUP = "kinesisanalytics";
    public static final String DUPLICATES_METRIC = "duplicates";

    private final Duration ttl;

    private transient ValueState<Boolean> seen;
    private transient Counter duplicates;

    public DeduplicateByRequestId() {
        this(DEFAULT_TTL);
    }

    public DeduplicateByRequestId(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("dedup ttl must be positive: " + ttl);
        }
        this.ttl = ttl;
    }

    /** {@code calls.keyBy(requestId).process(new DeduplicateByRequestId(ttl))} with uid {@value #UID}. */
    public static SingleOutputStreamOperator<Invocation> apply(DataStream<Invocation> calls, Duration ttl) {
        return calls.keyBy(new RequestId(), Types.STRING)
                .process(new DeduplicateByRequestId(ttl), TypeInformation.of(Invocation.class))
                .uid(UID)
                .name("drop duplicate requestIds");
    }

    /** The "already seen" flag per requestId; expires {@code ttl} after it was first written. */
    public static ValueStateDescriptor<Boolean> seenDescriptor(Duration ttl) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen-request-id", Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(seenDescriptor(ttl));
        duplicates = getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP).counter(DUPLICATES_METRIC);
    }

    @Override
    public void processElement(Invocation invocation, Context ctx, Collector<Invocation> out) throws Exception {
        if (seen.value() != null) {
            duplicates.inc();
            return;
        }
        seen.update(Boolean.TRUE);
        out.collect(invocation);
    }

    /** Keys calls by requestId. */
    public static final class RequestId implements KeySelector<Invocation, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Invocation inv) {
            return inv.requestId;
        }
    }
}
