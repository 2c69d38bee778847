package com.bedrockusage.local.bench;

import com.bedrockusage.job.model.Invocation;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes parsed invocations through and notes, in this JVM, when the first and the last one went
 * by, how many did, and the time and process CPU time when half of them had (the second half of a
 * run is past the warm-up). Statics on purpose: the bench runs the job on a MiniCluster in its own
 * process, and the subtasks' copies of this function must report to one place.
 */
final class FirstRecordProbe implements MapFunction<Invocation, Invocation> {

    private static final long serialVersionUID = 1L;

    static final AtomicLong FIRST_RECORD_MILLIS = new AtomicLong();
    static final AtomicLong LAST_RECORD_MILLIS = new AtomicLong();
    static final AtomicLong RECORDS = new AtomicLong();
    static final AtomicLong HALF_AT = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong HALF_MILLIS = new AtomicLong();
    static final AtomicLong HALF_CPU_NANOS = new AtomicLong();
    static final AtomicLong HALF_JIT_GC_NANOS = new AtomicLong();

    @Override
    public Invocation map(Invocation invocation) {
        long now = System.currentTimeMillis();
        FIRST_RECORD_MILLIS.compareAndSet(0, now);
        LAST_RECORD_MILLIS.accumulateAndGet(now, Math::max);
        if (RECORDS.incrementAndGet() == HALF_AT.get()) {
            HALF_MILLIS.set(now);
            HALF_CPU_NANOS.set(BenchRun.processCpuNanos());
            HALF_JIT_GC_NANOS.set(ThreadCpu.jitAndGcNanos());
        }
        return invocation;
    }

    /**
     * @param lines the data set's lines: the half mark is at half of them
     */
    static void reset(long lines) {
        HALF_AT.set(Math.max(1, lines / 2));
        HALF_MILLIS.set(0);
        HALF_CPU_NANOS.set(0);
        HALF_JIT_GC_NANOS.set(0);
        FIRST_RECORD_MILLIS.set(0);
        LAST_RECORD_MILLIS.set(0);
        RECORDS.set(0);
    }
}
