package com.bedrockusage.job.alerts;

import java.util.Optional;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;

/**
 * Emits the rules in force: once at start (so a restored job picks up the file as it is now), then every time the
 * watched file changes to valid content. In a bounded job ({@code watch} false) it stops after the first emission so
 * the job can finish. Non-parallel and stateless.
 */
@SuppressWarnings("deprecation") // the legacy SourceFunction is the smallest way to poll a file; FLIP-27 adds nothing here
public class RulesSource extends RichSourceFunction<RuleSet> {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final boolean defaultsEnabled;
    private final long intervalMillis;
    private final boolean watch;
    private final Object sleeper = new Object[0];
    private volatile boolean running = true;

    public RulesSource(String path, boolean defaultsEnabled, long intervalMillis, boolean watch) {
        this.path = path;
        this.defaultsEnabled = defaultsEnabled;
        this.intervalMillis = intervalMillis;
        this.watch = watch;
    }

    @Override
    public void run(SourceContext<RuleSet> ctx) throws Exception {
        Counter loaded = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.RULES_LOADED);
        Counter rejected = AlertMetrics.counter(getRuntimeContext().getMetricGroup(), AlertMetrics.RULES_REJECTED);
        RulesWatcher watcher = new RulesWatcher(path, defaultsEnabled);
        long rejectedSoFar = 0;
        while (running) {
            Optional<RuleSet> next = watcher.poll();
            if (next.isPresent()) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(next.get());
                }
                loaded.inc();
            }
            rejected.inc(watcher.rejectedCount() - rejectedSoFar);
            rejectedSoFar = watcher.rejectedCount();
            if (!watch) {
                return;
            }
            synchronized (sleeper) {
                if (running) {
                    sleeper.wait(intervalMillis);
                }
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }
}
