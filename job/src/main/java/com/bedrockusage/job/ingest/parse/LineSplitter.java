package com.bedrockusage.job.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds NDJSON line ends eight bytes at a time (a raw '\n' can never occur inside a JSON string).
 */
public final class LineSplitter {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private LineSplitter() {}

    /** Index of the first '\n' in {@code b[from, to)}, or -1. */
    public static int indexOfNewline(byte[] b, int from, int to) {
        int p = from;
        while (p <= to - 8) {
            long w = (long) LONGS.get(b, p) ^ NEWLINES;
            long m = (w - ONES) & ~w & HIGHS;
            if (m != 0) {
                return p + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            p += 8;
        }
        while (p < to) {
            if (b[p] == '\n') {
                return p;
            }
            p++;
        }
        return -1;
    }
}
