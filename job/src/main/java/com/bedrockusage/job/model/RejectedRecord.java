package com.bedrockusage.job.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Input that could not become an {@link Invocation}, with why and where it came from. */
public class RejectedRecord {

    /** At most this many bytes of the raw input are kept. */
    public static final int MAX_EXCERPT_BYTES = 2048;

    /**
     * A short machine-readable reason, e.g. {@code malformed-json}, {@code
     * missing-field:requestId}.
     */
    public String reason;

    /** Where it came from: {@code file:line} or {@code shard:sequence}. */
    public String source;

    /** Processing time at ingest, epoch millis. */
    public long ingestTime;

    /** The first bytes of the raw input (at most {@link #MAX_EXCERPT_BYTES}), decoded as UTF-8. */
    public String rawExcerpt;

    public RejectedRecord() {}

    public RejectedRecord(String reason, String source, long ingestTime, String rawExcerpt) {
        this.reason = reason;
        this.source = source;
        this.ingestTime = ingestTime;
        this.rawExcerpt = rawExcerpt;
    }

    public static RejectedRecord of(String reason, String source, byte[] buf, int from, int to) {
        int len = Math.max(0, Math.min(to - from, MAX_EXCERPT_BYTES));
        String excerpt = new String(buf, from, len, StandardCharsets.UTF_8);
        return new RejectedRecord(reason, source, System.currentTimeMillis(), excerpt);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RejectedRecord)) {
            return false;
        }
        RejectedRecord that = (RejectedRecord) o;
        return ingestTime == that.ingestTime
                && Objects.equals(reason, that.reason)
                && Objects.equals(source, that.source)
                && Objects.equals(rawExcerpt, that.rawExcerpt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, source, ingestTime);
    }

    @Override
    public String toString() {
        return "RejectedRecord{" + reason + " at " + source + "}";
    }
}
