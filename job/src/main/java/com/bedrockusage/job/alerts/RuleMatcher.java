package com.bedrockusage.job.alerts;

import com.bedrockusage.job.model.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums each priced invocation into one {@link RuleHit} per rule whose filters it passes and under which it has a
 * scope key, and hands the sums to the evaluator at least every {@value #FLUSH_INTERVAL_MILLIS} ms. Summing here
 * means the evaluator reads and writes its state once per rule, key and batch instead of once per call and rule.
 *
 * <p>Batches leave before a watermark that reaches the end of a pending batch's window (so the evaluator never sees a
 * hit after event time has closed its window; earlier watermarks pass the batches, which would otherwise leave on
 * every watermark, several times a second), before every checkpoint barrier (so a checkpoint never holds calls in
 * flight here: the operator needs no state for them), when the rules change and at the end of input. The rules come
 * from broadcast state; until the first broadcast arrives (the two inputs are not ordered) the rules read at job start
 * are used, so no early invocation is judged without rules.
 */
public class RuleMatcher extends AbstractStreamOperator<RuleHit>
        implements TwoInputStreamOperator<Invocation, RuleSet, RuleHit> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    public static final MapStateDescriptor<String, RuleSet> RULES =
            new MapStateDescriptor<>("alert-rules", Types.STRING, TypeInformation.of(RuleSet.class));
    static final String CURRENT = "current";
    /** The longest a call waits here: alerts stay within seconds of the crossing call. */
    static final long FLUSH_INTERVAL_MILLIS = 100;
    /** Rule, key and window combinations held before an early flush, bounding the memory of a batch. */
    static final int MAX_PENDING = 10_000;

    private final RuleSet initial;
    private final String appPattern;
    private transient Pattern app;
    private transient Counter hits;
    private transient Counter applied;
    private transient BroadcastState<String, RuleSet> rulesState;
    private transient RuleSet rules;
    /** Per rule of {@link #rules}, in its order: scope key to the batch of its current window. */
    private transient List<Map<String, RuleHit>> pending;
    private transient int pendingCount;
    /** The earliest window end among the pending batches; {@code Long.MAX_VALUE} when none is pending. */
    private transient long pendingWindowEnd;
    private transient boolean flushScheduled;
    private transient StreamRecord<RuleHit> reuse;

    public RuleMatcher(RuleSet initial, String appPattern) {
        this.initial = initial;
        this.appPattern = appPattern;
    }

    @Override
    public void open() throws Exception {
        super.open();
        app = Pattern.compile(appPattern);
        hits = AlertMetrics.counter(getMetricGroup(), AlertMetrics.HITS);
        applied = AlertMetrics.counter(getMetricGroup(), AlertMetrics.RULES_APPLIED);
        rulesState = getOperatorStateBackend().getBroadcastState(RULES);
        RuleSet restored = rulesState.get(CURRENT);
        use(restored != null ? restored : initial);
        reuse = new StreamRecord<>(null);
    }

    @Override
    public void processElement1(StreamRecord<Invocation> element) {
        Invocation inv = element.getValue();
        for (int i = 0; i < rules.rules.length; i++) {
            AlertRule rule = rules.rules[i];
            if (!RuleScopes.matches(rule, inv)) {
                continue;
            }
            String scopeKey = RuleScopes.key(rule, inv, app);
            if (scopeKey == null) {
                continue;
            }
            Map<String, RuleHit> batches = pending.get(i);
            RuleHit hit = batches.get(scopeKey);
            long windowStart = AlertWindows.start(rule.windowMillis, inv.eventTime);
            if (hit == null || hit.windowStart != windowStart) {
                if (hit != null) {
                    emit(hit); // the call is in another window than the batch: the batch goes as it is
                } else {
                    pendingCount++;
                }
                hit = RuleHit.start(rule, scopeKey, windowStart);
                batches.put(scopeKey, hit);
                pendingWindowEnd = Math.min(pendingWindowEnd, hit.windowEnd);
            }
            hit.add(inv);
            hits.inc();
        }
        if (pendingCount >= MAX_PENDING) {
            flush();
        } else if (pendingCount > 0 && !flushScheduled) {
            flushScheduled = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + FLUSH_INTERVAL_MILLIS, time -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    @Override
    public void processElement2(StreamRecord<RuleSet> element) throws Exception {
        flush();
        RuleSet next = element.getValue();
        RuleSet previous = rulesState.get(CURRENT);
        rulesState.put(CURRENT, next);
        use(next);
        applied.inc();
        if (previous == null || !previous.fingerprint.equals(next.fingerprint)) {
            LOG.info("Alert rules in force: {}", next.describe());
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() >= pendingWindowEnd) {
            flush();
        }
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void use(RuleSet set) {
        rules = set;
        pending = new ArrayList<>(set.rules.length);
        for (int i = 0; i < set.rules.length; i++) {
            pending.add(new LinkedHashMap<>());
        }
        pendingCount = 0;
        pendingWindowEnd = Long.MAX_VALUE;
    }

    private void flush() {
        if (pendingCount == 0) {
            return;
        }
        for (Map<String, RuleHit> batches : pending) {
            for (RuleHit hit : batches.values()) {
                emit(hit);
            }
            batches.clear();
        }
        pendingCount = 0;
        pendingWindowEnd = Long.MAX_VALUE;
    }

    private void emit(RuleHit hit) {
        output.collect(reuse.replace(hit, hit.eventTime));
    }
}
