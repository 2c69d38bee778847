package com.bedrockusage.job.ingest;

import com.bedrockusage.job.model.RejectedRecord;
import java.nio.charset.StandardCharsets;

/** Builds {@link RejectedRecord}s whose excerpt never carries prompt or response text. */
public final class Rejects {

    /**
     * Matches {@code inputBody*} and {@code outputBody*} keys, also inside an escaped CloudWatch
     * message.
     */
    private static final byte[] BODY_KEY = "putBody".getBytes(StandardCharsets.US_ASCII);

    public static final String ELIDED = "…";

    private Rejects() {}

    /**
     * The excerpt is the first {@link RejectedRecord#MAX_EXCERPT_BYTES} bytes, cut right after the
     * first body key: everything before the bodies (ids, model, timestamps) stays visible, no body
     * text is kept.
     */
    public static RejectedRecord of(String reason, String source, byte[] buf, int from, int to) {
        int limit = Math.min(to, from + RejectedRecord.MAX_EXCERPT_BYTES);
        int body = indexOf(buf, from, Math.min(to, limit + BODY_KEY.length), BODY_KEY);
        String excerpt;
        if (body >= 0) {
            int cut = Math.min(body + BODY_KEY.length, limit);
            excerpt = new String(buf, from, cut - from, StandardCharsets.UTF_8) + ELIDED;
        } else {
            excerpt = new String(buf, from, Math.max(0, limit - from), StandardCharsets.UTF_8);
        }
        return new RejectedRecord(reason, source, System.currentTimeMillis(), excerpt);
    }

    static int indexOf(byte[] buf, int from, int to, byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
