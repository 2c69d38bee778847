package com.bedrockusage.job.ingest.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * An enumerator context whose periodic discovery runs only when the test calls {@link #discover()},
 * on its thread.
 */
final class ManualEnumeratorContext implements SplitEnumeratorContext<FileSourceSplit> {

    private final List<Runnable> periodic = new ArrayList<>();

    /** Splits assigned to the one reader, subtask 0. */
    final List<FileSourceSplit> assigned = new ArrayList<>();

    /** Runs every periodic call once (callable, then its handler), as the coordinator would. */
    void discover() {
        for (Runnable r : new ArrayList<>(periodic)) {
            r.run();
        }
    }

    @Override
    public <T> void callAsync(
            Callable<T> callable,
            BiConsumer<T, Throwable> handler,
            long initialDelay,
            long period) {
        periodic.add(() -> callAsync(callable, handler));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result;
        try {
            result = callable.call();
        } catch (Throwable t) {
            handler.accept(null, t);
            return;
        }
        handler.accept(result, null);
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

    @Override
    public int currentParallelism() {
        return 1;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Collections.singletonMap(0, new ReaderInfo(0, "localhost"));
    }

    @Override
    public void assignSplits(SplitsAssignment<FileSourceSplit> newSplitAssignments) {
        newSplitAssignments.assignment().values().forEach(assigned::addAll);
    }

    @Override
    public void signalNoMoreSplits(int subtask) {}

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        runnable.run();
    }
}
