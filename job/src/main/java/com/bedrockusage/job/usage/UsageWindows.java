package com.bedrockusage.job.usage;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * Builds the windowed usage aggregates.
 *
 * <pre>
 *   priced invocations (keyed by UsageKey) --> tumbling event-time window (UsageAggregate + EmitUsageRow) --> UsageRow
 *                                                     |  allowed lateness: each late call re-fires -> upsert the row
 *                                                     +-- later than that -> side output lateTag
 *
 *   exactTotals():  window rows  --map--+
 *                                       +--union--keyBy(key, day)--> DailyTotals --> exact UsageRow (upsert)
 *                   late calls   --map--+                              +-- BEYOND_RETENTION side output
 * </pre>
 */
public final class UsageWindows {

    /**
     * Window operator names start with this ({@code usage per minute}); metrics show it as {@code
     * usage_per_}.
     */
    public static final String NAME_PREFIX = "usage per ";

    private UsageWindows() {}

    /**
     * The metered calls as a keyed stream without another shuffle. Only for the output of {@link
     * com.bedrockusage.job.pricing.DedupAndPrice}, which is keyed by {@link UsageKey} already: then
     * the windows chain onto it.
     */
    public static KeyedStream<Invocation, String> byUsageKey(
            DataStream<Invocation> meteredByUsageKey) {
        return byUsageKey(meteredByUsageKey, CallerKey.ARN);
    }

    /**
     * @param callerKey the one {@link DedupAndPrice#apply} keyed by
     */
    public static KeyedStream<Invocation, String> byUsageKey(
            DataStream<Invocation> meteredByUsageKey, CallerKey callerKey) {
        return DataStreamUtils.reinterpretAsKeyedStream(
                meteredByUsageKey, new UsageKey.Selector(callerKey), Utf8StringTypeInfo.INSTANCE);
    }

    /** Rows per usage key and window, as the lead sinks them for the minute and hour tables. */
    public static SingleOutputStreamOperator<UsageRow> apply(
            KeyedStream<Invocation, String> priced,
            Duration size,
            Duration allowedLateness,
            OutputTag<Invocation> lateTag,
            String uidSuffix) {
        return apply(priced, size, allowedLateness, lateTag, uidSuffix, false);
    }

    /**
     * @param carrySketch put the latency sketch on each row (only needed when the rows feed {@link
     *     DailyTotals})
     * @return the rows; {@code getSideOutput(lateTag)} on it gives the calls later than the allowed
     *     lateness
     */
    public static SingleOutputStreamOperator<UsageRow> apply(
            KeyedStream<Invocation, String> priced,
            Duration size,
            Duration allowedLateness,
            OutputTag<Invocation> lateTag,
            String uidSuffix,
            boolean carrySketch) {
        String granularity = granularity(size);
        return priced.window(TumblingEventTimeWindows.of(size))
                .allowedLateness(allowedLateness)
                .sideOutputLateData(lateTag)
                .aggregate(
                        new UsageAggregate(),
                        new EmitUsageRow(granularity, carrySketch),
                        TypeInformation.of(UsageAccumulator.class),
                        TypeInformation.of(UsageAccumulator.class),
                        TypeInformation.of(UsageRow.class))
                .uid(OperatorIds.usageWindow(uidSuffix))
                .name(NAME_PREFIX + granularity);
    }

    /**
     * Totals per usage key and window that stay exact whatever the arrival order: window rows
     * corrected by the calls too late for the window ({@link DailyTotals}). Use with a one-day size
     * for {@code usage_daily}.
     */
    public static ExactUsage exactTotals(
            KeyedStream<Invocation, String> priced,
            Duration size,
            Duration allowedLateness,
            Duration retention,
            OutputTag<Invocation> lateTag,
            String uidSuffix) {
        return exactTotals(
                priced, size, allowedLateness, retention, lateTag, uidSuffix, CallerKey.ARN);
    }

    /**
     * @param callerKey the one {@code priced} is keyed by
     */
    public static ExactUsage exactTotals(
            KeyedStream<Invocation, String> priced,
            Duration size,
            Duration allowedLateness,
            Duration retention,
            OutputTag<Invocation> lateTag,
            String uidSuffix,
            CallerKey callerKey) {
        if (retention.compareTo(allowedLateness) <= 0) {
            throw new IllegalArgumentException(
                    "retention ("
                            + retention
                            + ") must be longer than the allowed "
                            + "lateness ("
                            + allowedLateness
                            + ")");
        }
        SingleOutputStreamOperator<UsageRow> windowRows =
                apply(priced, size, allowedLateness, lateTag, uidSuffix, true);
        DataStream<Invocation> late = windowRows.getSideOutput(lateTag);
        DataStream<DailyInput> rowInputs =
                windowRows
                        .map(new RowInput())
                        .returns(DailyInput.class)
                        .uid(OperatorIds.usageExactRows(uidSuffix))
                        .name("window rows to correct");
        DataStream<DailyInput> lateInputs =
                late.map(new LateInput(size.toMillis(), callerKey))
                        .returns(DailyInput.class)
                        .uid(OperatorIds.usageExactLate(uidSuffix))
                        .name("late calls to add");
        SingleOutputStreamOperator<UsageRow> exact =
                rowInputs
                        .union(lateInputs)
                        .keyBy(new DailyInput.Selector(), Utf8StringTypeInfo.INSTANCE)
                        .process(
                                new DailyTotals(size, retention),
                                TypeInformation.of(UsageRow.class))
                        .uid(OperatorIds.usageExactTotals(uidSuffix))
                        .name("exact usage per " + granularity(size));
        return new ExactUsage(exact, late, exact.getSideOutput(DailyTotals.BEYOND_RETENTION));
    }

    /** "minute", "hour", "day" for those sizes, else the ISO-8601 duration (e.g. PT5M). */
    public static String granularity(Duration size) {
        if (size.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (size.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (size.equals(Duration.ofDays(1))) {
            return "day";
        }
        return size.toString();
    }

    private static final class RowInput implements MapFunction<UsageRow, DailyInput> {
        private static final long serialVersionUID = 1L;

        @Override
        public DailyInput map(UsageRow row) {
            return DailyInput.ofRow(row);
        }
    }

    private static final class LateInput implements MapFunction<Invocation, DailyInput> {
        private static final long serialVersionUID = 1L;
        private final long windowSizeMs;
        private final CallerKey callerKey;

        LateInput(long windowSizeMs, CallerKey callerKey) {
            this.windowSizeMs = windowSizeMs;
            this.callerKey = callerKey;
        }

        @Override
        public DailyInput map(Invocation inv) {
            return DailyInput.ofLate(inv, windowSizeMs, callerKey);
        }
    }
}
