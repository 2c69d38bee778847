package com.bedrockusage.job.alerts.evaluate;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.RuleSet;
import com.bedrockusage.job.alerts.rules.AlertWindows;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import com.bedrockusage.job.alerts.rules.RulesFile;
import com.bedrockusage.job.alerts.rules.RulesReader;
import com.bedrockusage.job.alerts.rules.RulesWatcher;
import com.bedrockusage.job.model.Invocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums each priced invocation into one {@link RuleHit} per rule whose filters it passes and under
 * which it has a scope key, and hands the sums to the evaluator at least every {@value
 * #FLUSH_INTERVAL_MILLIS} ms. Summing here means the evaluator reads and writes its state once per
 * rule, key and batch instead of once per call and rule.
 *
 * <p>Batches leave before a watermark that reaches the end of a pending batch's window (so the
 * evaluator never sees a hit after event time has closed its window; earlier watermarks pass the
 * batches, which would otherwise leave on every watermark, several times a second), before every
 * checkpoint barrier (so a checkpoint never holds calls in flight here: the operator needs no state
 * for them), when the rules change and at the end of input.
 *
 * <p>The operator chains to the pricing operator, so calls reach it without being serialized. That
 * is why it reads the rules file itself (each subtask; a broadcast input would break the chain): at
 * start, then every interval while watching. It reads on a thread of its own ({@link RulesReader})
 * and takes the new rules on the next call or timer, so a slow S3 GET never holds up calls or
 * checkpoint barriers. A file that does not validate leaves the rules in force. The rules in force
 * are checkpointed, so a restored job whose file is now unreadable keeps them.
 */
public class RuleMatcher extends AbstractStreamOperator<RuleHit>
        implements OneInputStreamOperator<Invocation, RuleHit> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    /** Union state: a restored subtask takes the most recently loaded rules of all subtasks. */
    static final ListStateDescriptor<RuleSet> RULES =
            new ListStateDescriptor<>("alert-rules-in-force", TypeInformation.of(RuleSet.class));

    /** The longest a call waits here: alerts stay within seconds of the crossing call. */
    static final long FLUSH_INTERVAL_MILLIS = 100;

    /**
     * Rule, key and window combinations held before an early flush, bounding the memory of a batch.
     */
    static final int MAX_PENDING = 10_000;

    private final RuleSet initial;
    private final String appPattern;
    private final RulesFile rulesFile;
    private transient Pattern app;
    private transient Counter hits;
    private transient Counter loaded;
    private transient Counter rejected;
    private transient Counter applied;
    private transient Counter readTimeouts;
    private transient ListState<RuleSet> rulesState;
    private transient RulesReader reader;
    private transient long rejectedSoFar;
    private transient RuleSet rules;

    /** Per rule of {@link #rules}, in its order: scope key to the batch of its current window. */
    private transient List<Map<String, RuleHit>> pending;

    private transient int pendingCount;

    /**
     * The earliest window end among the pending batches; {@code Long.MAX_VALUE} when none is
     * pending.
     */
    private transient long pendingWindowEnd;

    private transient boolean flushScheduled;
    private transient StreamRecord<RuleHit> reuse;

    /**
     * @param initial the rules read when the job was built (so a bad file fails the submission), in
     *     force until the subtask has read the file itself
     */
    public RuleMatcher(RuleSet initial, String appPattern, RulesFile rulesFile) {
        this.initial = initial;
        this.appPattern = appPattern;
        this.rulesFile = rulesFile;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    public void open() throws Exception {
        super.open();
        app = Pattern.compile(appPattern);
        hits = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_RULE_HITS);
        loaded = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_RULES_LOADED);
        rejected = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_RULES_REJECTED);
        applied = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_RULES_APPLIED);
        readTimeouts = MetricNames.counter(getMetricGroup(), MetricNames.ALERT_RULES_READ_TIMEOUTS);
        reuse = new StreamRecord<>(null);
        rulesState = getOperatorStateBackend().getUnionListState(RULES);
        RuleSet restored = null;
        for (RuleSet set : rulesState.get()) {
            if (restored == null || set.loadedAt > restored.loadedAt) {
                restored = set;
            }
        }
        use(restored != null ? restored : initial);
        reader =
                new RulesReader(
                        rulesFile.watcher(),
                        rulesFile.path == null ? RulesWatcher.DEFAULTS_ORIGIN : rulesFile.path,
                        "alert-rules-reader "
                                + getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks(),
                        getUserCodeClassloader());
        startRulesRead(); // the file as it is now, also after a restore
        if (rulesFile.watch) {
            scheduleRulesRead();
        }
    }

    @Override
    public void processElement(StreamRecord<Invocation> element) {
        if (reader.hasFinished()) {
            applyFinishedRead();
        }
        Invocation inv = element.getValue();
        for (int i = 0; i < rules.rules.length; i++) {
            AlertRule rule = rules.rules[i];
            if (rule.metric.isReconciliation() || !RuleScopes.matches(rule, inv)) {
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
                    emit(hit); // the call is in another window than the batch: the batch goes as
                    // it is
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
            getProcessingTimeService()
                    .registerTimer(
                            now + FLUSH_INTERVAL_MILLIS,
                            time -> {
                                flushScheduled = false;
                                flush();
                                applyFinishedRead();
                            });
        }
    }

    private void scheduleRulesRead() {
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService()
                .registerTimer(
                        now + rulesFile.intervalMillis,
                        time -> {
                            applyFinishedRead();
                            startRulesRead();
                            scheduleRulesRead();
                        });
    }

    /**
     * Starts a read unless one is still running, and a check that it has not hung when its time is
     * up.
     */
    private void startRulesRead() {
        long now = getProcessingTimeService().getCurrentProcessingTime();
        if (!reader.start(now)) {
            interruptIfOverdue(now);
            return;
        }
        getProcessingTimeService()
                .registerTimer(
                        now + RulesReader.TIMEOUT_MILLIS,
                        time -> {
                            interruptIfOverdue(time);
                            applyFinishedRead();
                        });
    }

    private void interruptIfOverdue(long now) {
        if (reader.interruptIfOverdue(now)) {
            readTimeouts.inc();
        }
    }

    /**
     * Applies the rules of a finished read if the file's content changed to valid rules; the
     * watcher logs and counts a bad one.
     */
    private void applyFinishedRead() {
        RulesReader.Outcome outcome = reader.take();
        if (outcome == null) {
            return;
        }
        rejected.inc(outcome.rejectedCount - rejectedSoFar);
        rejectedSoFar = outcome.rejectedCount;
        RuleSet next = outcome.changed;
        if (next == null) {
            return;
        }
        loaded.inc();
        if (next.fingerprint.equals(rules.fingerprint)) {
            return;
        }
        flush();
        use(next);
        applied.inc();
        LOG.info("Alert rules in force: {}", rules.describe());
    }

    /**
     * For tests: waits until the rules file read in progress has returned; the next call or timer
     * applies it.
     */
    void awaitRulesRead(long timeoutMillis) throws Exception {
        reader.awaitIdle(timeoutMillis);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        rulesState.update(Collections.singletonList(rules));
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

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        super.close();
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
