package com.bedrockusage.job.alerts.evaluate;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.KeyMeta;
import com.bedrockusage.job.alerts.RuleKind;
import com.bedrockusage.job.alerts.ScopeType;
import com.bedrockusage.job.alerts.WindowAccumulator;
import com.bedrockusage.job.alerts.rules.AlertWindows;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the running value of each rule, scope key and window, and fires the moment it crosses: on
 * the hit (a batch of calls, at most {@value RuleMatcher#FLUSH_INTERVAL_MILLIS} ms old) that
 * crosses, not when the window closes. Keyed by rule id + scope key; the windows of a key are
 * entries of a map state, so a spike rule can read the previous windows of the same key.
 *
 * <p>Once per window: the {@code fired} flag is state, so a restore (which replays the input after
 * the checkpoint against the checkpointed state) never fires the same window twice. Windows leave
 * state by event-time timer when the allowed lateness after them has passed (spike rules keep them
 * while they are in a later window's baseline); calls in hits for windows already dropped are
 * counted as late and ignored.
 */
public class RuleEvaluator extends KeyedProcessFunction<String, RuleHit, Alert> {

    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<Long, WindowAccumulator> WINDOWS =
            new MapStateDescriptor<>(
                    "alert-windows", Types.LONG, TypeInformation.of(WindowAccumulator.class));
    static final ValueStateDescriptor<KeyMeta> META =
            new ValueStateDescriptor<>("alert-key-meta", TypeInformation.of(KeyMeta.class));

    /**
     * Longer than any window plus lateness; only bounds the memory of keys that went quiet for
     * good.
     */
    static final Duration META_TTL = Duration.ofDays(45);

    static {
        META.enableTimeToLive(StateTtlConfig.newBuilder(META_TTL).build());
    }

    static final int TOP_CONTRIBUTORS = 3;

    private final long allowedLatenessMillis;
    private transient MapState<Long, WindowAccumulator> windows;
    private transient ValueState<KeyMeta> meta;
    private transient Counter fired;
    private transient Counter late;

    public RuleEvaluator(long allowedLatenessMillis) {
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        windows = getRuntimeContext().getMapState(WINDOWS);
        meta = getRuntimeContext().getState(META);
        fired = MetricNames.counter(metrics, MetricNames.ALERTS_FIRED);
        late = MetricNames.counter(metrics, MetricNames.ALERT_LATE_HITS_DROPPED);
    }

    @Override
    public void processElement(RuleHit hit, Context ctx, Collector<Alert> out) throws Exception {
        AlertRule rule = hit.rule;
        long watermark = ctx.timerService().currentWatermark();
        KeyMeta m = meta.value();
        if ((m != null && hit.windowStart <= m.cleanedThrough)
                || (watermark != Long.MIN_VALUE
                        && hit.windowEnd + allowedLatenessMillis <= watermark)) {
            late.inc(hit.invocations);
            return;
        }
        if (m == null) {
            m = new KeyMeta();
            m.firstWindowStart = hit.windowStart;
            meta.update(m);
        } else if (hit.windowStart < m.firstWindowStart) {
            m.firstWindowStart = hit.windowStart;
            meta.update(m);
        }

        WindowAccumulator acc = windows.get(hit.windowStart);
        if (acc == null) {
            acc = WindowAccumulator.create(rule);
        } else if (!acc.signature.equals(rule.accumulationSignature())) {
            acc = acc.restartFor(rule);
        }
        acc.add(hit);
        long cleanupAt = cleanupTime(rule, hit.windowStart);
        if (cleanupAt > acc.cleanupAt) {
            acc.cleanupAt = cleanupAt;
            ctx.timerService().registerEventTimeTimer(cleanupAt);
        }
        if (!acc.fired) {
            Alert alert =
                    evaluate(hit, acc, m, watermark, ctx.timerService().currentProcessingTime());
            if (alert != null) {
                acc.fired = true;
                out.collect(alert);
                fired.inc();
            }
        }
        windows.put(hit.windowStart, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        KeyMeta m = meta.value();
        long cleaned = m == null ? Long.MIN_VALUE : m.cleanedThrough;
        boolean anyLeft = false;
        Iterator<Map.Entry<Long, WindowAccumulator>> it = windows.iterator();
        while (it.hasNext()) {
            Map.Entry<Long, WindowAccumulator> e = it.next();
            if (e.getValue().cleanupAt <= timestamp) {
                cleaned = Math.max(cleaned, e.getKey());
                it.remove();
            } else {
                anyLeft = true;
            }
        }
        if (!anyLeft) {
            windows.clear();
        }
        if (m != null && cleaned != m.cleanedThrough) {
            m.cleanedThrough = cleaned;
            meta.update(m);
        }
    }

    private long cleanupTime(AlertRule rule, long windowStart) {
        int keptWindows = rule.kind == RuleKind.SPIKE ? rule.baselineWindows + 1 : 1;
        return AlertWindows.shift(rule.windowMillis, windowStart, keptWindows)
                + allowedLatenessMillis;
    }

    private Alert evaluate(RuleHit hit, WindowAccumulator acc, KeyMeta m, long watermark, long now)
            throws Exception {
        AlertRule rule = hit.rule;
        BigDecimal value = acc.value(rule.metric);
        if (value == null || acc.samples(rule.metric) < rule.minInvocations) {
            return null;
        }
        switch (rule.kind) {
            case THRESHOLD:
                return value.compareTo(rule.threshold) >= 0
                        ? alert(hit, acc, value, rule.threshold, watermark, now)
                        : null;
            case FORECAST:
                return forecast(hit, acc, value, watermark, now);
            case SPIKE:
                return spike(hit, acc, m, value, watermark, now);
            default:
                throw new IllegalStateException("unknown kind " + rule.kind);
        }
    }

    /**
     * Projects the value linearly to the end of the window from the time elapsed up to the newest
     * call in it.
     */
    private Alert forecast(
            RuleHit hit, WindowAccumulator acc, BigDecimal value, long watermark, long now) {
        AlertRule rule = hit.rule;
        long length = hit.windowEnd - hit.windowStart;
        long minElapsed = rule.minElapsedMillis > 0 ? rule.minElapsedMillis : length / 10;
        long elapsed = acc.maxEventTime - hit.windowStart;
        if (elapsed < Math.max(1, minElapsed)) {
            return null;
        }
        BigDecimal projected =
                value.multiply(BigDecimal.valueOf(length))
                        .divide(BigDecimal.valueOf(elapsed), 6, RoundingMode.HALF_UP);
        if (projected.compareTo(rule.threshold) < 0) {
            return null;
        }
        Alert a = alert(hit, acc, value, rule.threshold, watermark, now);
        a.forecastValue = projected;
        return a;
    }

    /**
     * Current window against the average of the previous {@code baseline_windows} windows of the
     * same key (windows without calls count as zero). Arms only once the key has been observed for
     * a full baseline.
     */
    private Alert spike(
            RuleHit hit,
            WindowAccumulator acc,
            KeyMeta m,
            BigDecimal value,
            long watermark,
            long now)
            throws Exception {
        AlertRule rule = hit.rule;
        int n = rule.baselineWindows;
        if (m.firstWindowStart > AlertWindows.shift(rule.windowMillis, hit.windowStart, -n)
                || value.compareTo(rule.minVolume) < 0) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i <= n; i++) {
            WindowAccumulator prev =
                    windows.get(AlertWindows.shift(rule.windowMillis, hit.windowStart, -i));
            BigDecimal v = prev == null ? null : prev.value(rule.metric);
            if (v != null) {
                sum = sum.add(v);
            }
        }
        BigDecimal baseline = sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP);
        BigDecimal level = rule.factor.multiply(baseline);
        if (value.compareTo(level) < 0) {
            return null;
        }
        Alert a = alert(hit, acc, value, level, watermark, now);
        a.baselineValue = baseline;
        a.factor = rule.factor;
        return a;
    }

    private static Alert alert(
            RuleHit hit,
            WindowAccumulator acc,
            BigDecimal value,
            BigDecimal threshold,
            long watermark,
            long now) {
        AlertRule rule = hit.rule;
        Alert a = Alert.of(rule, hit.scopeKey, hit.windowStart, hit.windowEnd);
        a.description = rule.description;
        a.observedValue = value;
        a.threshold = threshold;
        a.windowCostUsd = acc.costUsd;
        a.windowInvocations = acc.invocations;
        a.accountId = rule.scopeType == ScopeType.ACCOUNT ? hit.scopeKey : hit.accountId;
        a.contributorKind = RuleScopes.contributorKind(rule);
        a.topContributors = acc.contributors.top(TOP_CONTRIBUTORS);
        a.eventTime = hit.eventTime;
        a.watermark = watermark == Long.MIN_VALUE ? null : watermark;
        a.firedAt = now;
        return a;
    }
}
