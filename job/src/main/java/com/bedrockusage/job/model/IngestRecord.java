package com.bedrockusage.job.model;

/**
 * What a source emits: exactly one of an invocation or a rejected record. Sources never throw on bad
 * input; a process function splits the rejected ones into a side output.
 */
public class IngestRecord {

    public Invocation invocation;
    public RejectedRecord rejected;

    public IngestRecord() {}

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

    public boolean isRejected() {
        return rejected != null;
    }

    @Override
    public String toString() {
        return rejected != null ? rejected.toString() : String.valueOf(invocation);
    }
}
