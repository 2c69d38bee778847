package com.bedrockusage.job.ingest.parse;

import java.util.Arrays;

/**
 * A reusable, growable byte buffer (no copy on read: {@link #bytes()} is the live backing array).
 */
final class ByteSink {

    private byte[] bytes;
    private int length;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void clear() {
        length = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void append(byte[] src, int from, int len) {
        ensure(len);
        System.arraycopy(src, from, bytes, length, len);
        length += len;
    }

    /** Appends the UTF-8 encoding of a Unicode code point. */
    void appendCodePoint(int cp) {
        ensure(4);
        byte[] b = bytes;
        int n = length;
        if (cp < 0x80) {
            b[n++] = (byte) cp;
        } else if (cp < 0x800) {
            b[n++] = (byte) (0xC0 | (cp >> 6));
            b[n++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b[n++] = (byte) (0xE0 | (cp >> 12));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            b[n++] = (byte) (0xF0 | (cp >> 18));
            b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (cp & 0x3F));
        }
        length = n;
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
