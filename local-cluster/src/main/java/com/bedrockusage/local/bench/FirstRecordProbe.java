package com.bedrockusage.local.bench;

import com.bedrockusage.job.model.Invocation;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes parsed invocations through and notes, in this JVM, when the first and the last one went by and how
 * many did. Statics on purpose: the bench runs the job on a MiniCluster in its own process, and the subtasks'
 * copies of this function must report to one place.
 */
final class FirstRecordProbe implements MapFunction<Invocation, Invocation> {

    private static final long serialVersionUID = 1L;

    static final AtomicLong FIRST_RECORD_MILLIS = new AtomicLong();
    static final AtomicLong LAST_RECORD_MILLIS = new AtomicLong();
    static final AtomicLong RECORDS = new AtomicLong();

    @Override
    public Invocation map(Invocation invocation) {
        long now = System.currentTimeMillis();
        FIRST_RECORD_MILLIS.compareAndSet(0, now);
        LAST_RECORD_MILLIS.accumulateAndGet(now, Math::max);
        RECORDS.incrementAndGet();
        return invocation;
    }

    static void reset() {
        FIRST_RECORD_MILLIS.set(0);
        LAST_RECORD_MILLIS.set(0);
        RECORDS.set(0);
    }
}
