package com.bedrockusage.job.model;

import com.bedrockusage.job.qdeveloper.QDeveloperRecord;

/**
 * What a source emits: exactly one of an invocation, an Amazon Q Developer record or a rejected
 * record. Sources never throw on bad input; a process function splits the rejected ones into a side
 * output.
 */
public class IngestRecord {

    public Invocation invocation;
    public RejectedRecord rejected;
    public QDeveloperRecord qdeveloper;

    public IngestRecord() {}

    public static IngestRecord of(QDeveloperRecord qdeveloper) {
        IngestRecord r = new IngestRecord();
        r.qdeveloper = qdeveloper;
        return r;
    }

    public static IngestRecord of(Invocation invocation) {
        IngestRecord r = new IngestRecord();
        r.invocation = invocation;
        return r;
    }

    public static IngestRecord rejected(RejectedRecord rejected) {
        IngestRecord r = new IngestRecord();
        r.rejected = rejected;
        return r;
    }

    /** The event time of the call or Q Developer event held, else {@code otherwise}. */
    public long eventTimeOr(long otherwise) {
        if (invocation != null) {
            return invocation.eventTime;
        }
        if (qdeveloper != null && qdeveloper.event != null) {
            return qdeveloper.event.eventTime;
        }
        return otherwise;
    }

    public boolean isRejected() {
        return rejected != null;
    }

    @Override
    public String toString() {
        return rejected != null
                ? rejected.toString()
                : qdeveloper != null ? qdeveloper.toString() : String.valueOf(invocation);
    }
}
