package com.bedrockusage.job.usage;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.model.Invocation;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Exact daily totals whatever the arrival order. Keyed by (usage key, day start) ({@link
 * DailyInput.Selector}), it receives the daily window's rows and the invocations that were too late
 * for that window (its late side output), keeps the window's latest totals and the sum of the
 * too-late calls, and emits window + late on every change. Each emitted row is the complete day so
 * far: upsert it into {@code usage_daily}, and do not also write the daily window's own rows there.
 *
 * <p>Why this is exact: a call is either inside the window's totals or in its late output, never
 * both; each window firing carries the window's complete totals (a later firing replaces the
 * earlier, and a firing with fewer calls than the one kept is stale and ignored); late calls are
 * summed once each (duplicates are removed upstream).
 *
 * <p><b>Retention.</b> State of a (key, day) is kept until the watermark passes {@code day end +
 * retention} (default 35 days), then cleared by an event-time timer. Retention is measured in event
 * time, not with processing-time state TTL, so that "too late to correct" is decided by the same
 * clock that cleared the state: a call whose day ended more than {@code retention} before the
 * current watermark cannot be added to a total this operator no longer has, and writing a row from
 * it alone would overwrite the real day row with a partial one. Such a call is NOT dropped
 * silently: it goes to the {@link #BEYOND_RETENTION} side output (reason: its day is past the
 * retention) and is counted ({@value MetricNames#LATE_BEYOND_RETENTION}); the lead persists it with
 * the other late calls. Pick a retention longer than the allowed lateness and than any backfill you
 * expect.
 */
public class DailyTotals extends KeyedProcessFunction<String, DailyInput, UsageRow> {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);

    /**
     * Invocations whose day ended more than the retention before the watermark: not added to any
     * total.
     */
    public static final OutputTag<Invocation> BEYOND_RETENTION =
            new OutputTag<>("usage-daily-beyond-retention", TypeInformation.of(Invocation.class));

    static final ValueStateDescriptor<UsageAccumulator> WINDOW_TOTALS =
            new ValueStateDescriptor<>(
                    "daily-window-totals", TypeInformation.of(UsageAccumulator.class));
    static final ValueStateDescriptor<UsageAccumulator> LATE_DELTA =
            new ValueStateDescriptor<>(
                    "daily-late-delta", TypeInformation.of(UsageAccumulator.class));

    private final long windowSizeMs;
    private final long retentionMs;
    private final String granularity;

    private transient ValueState<UsageAccumulator> windowTotals;
    private transient ValueState<UsageAccumulator> lateDelta;
    private transient Counter beyondRetention;
    private transient Counter lateCorrections;

    /** Daily totals (one-day windows) kept for 35 days. */
    public DailyTotals() {
        this(Duration.ofDays(1), DEFAULT_RETENTION);
    }

    /**
     * @param windowSize the size of the windows whose rows this corrects (one day for usage_daily)
     */
    public DailyTotals(Duration windowSize, Duration retention) {
        Objects.requireNonNull(windowSize, "windowSize");
        Objects.requireNonNull(retention, "retention");
        if (windowSize.isZero() || windowSize.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException(
                    "window size must be positive and retention not negative: "
                            + windowSize
                            + ", "
                            + retention);
        }
        this.windowSizeMs = windowSize.toMillis();
        this.retentionMs = retention.toMillis();
        this.granularity = UsageWindows.granularity(windowSize);
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        windowTotals = getRuntimeContext().getState(WINDOW_TOTALS);
        lateDelta = getRuntimeContext().getState(LATE_DELTA);
        beyondRetention = MetricNames.counter(metrics, MetricNames.LATE_BEYOND_RETENTION);
        lateCorrections = MetricNames.counter(metrics, MetricNames.LATE_DAILY_CORRECTIONS);
    }

    @Override
    public void processElement(DailyInput in, Context ctx, Collector<UsageRow> out)
            throws Exception {
        long windowStart = DailyInput.windowStartOf(ctx.getCurrentKey());
        long cleanupAt = windowStart + windowSizeMs + retentionMs;
        if (in.late != null) {
            if (cleanupAt <= ctx.timerService().currentWatermark()) {
                beyondRetention.inc();
                ctx.output(BEYOND_RETENTION, in.late);
                return;
            }
            UsageAccumulator delta = lateDelta.value();
            lateDelta.update((delta == null ? new UsageAccumulator() : delta).add(in.late));
            lateCorrections.inc();
        } else {
            UsageAccumulator current = windowTotals.value();
            if (current != null && in.windowRow.invocations < current.invocations) {
                return;
            }
            windowTotals.update(in.windowRow.toAccumulator());
        }
        ctx.timerService().registerEventTimeTimer(cleanupAt);
        out.collect(
                UsageRow.of(
                        DailyInput.usageKeyOf(ctx.getCurrentKey()),
                        windowStart,
                        granularity,
                        total(),
                        false));
    }

    private UsageAccumulator total() throws Exception {
        UsageAccumulator window = windowTotals.value();
        UsageAccumulator late = lateDelta.value();
        UsageAccumulator total = window == null ? new UsageAccumulator() : window.copy();
        return late == null ? total : total.merge(late);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<UsageRow> out) {
        windowTotals.clear();
        lateDelta.clear();
    }
}
