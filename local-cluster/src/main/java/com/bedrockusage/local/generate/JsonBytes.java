package com.bedrockusage.local.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer with just enough JSON writing for the generator's hot path. Callers
 * place commas and colons themselves: the output is whatever they append, which keeps it fast and
 * makes key order (which varies between real Bedrock records) explicit.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int len;

    JsonBytes(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        len = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** Appends ASCII text as is (structure, keys, known-safe values). */
    JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    JsonBytes bytes(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
        return this;
    }

    /** {@code "key":} */
    JsonBytes key(String key) {
        return raw('"').raw(key).raw("\":");
    }

    /**
     * A quoted string; escapes anything JSON requires, passes other characters through as UTF-8.
     */
    JsonBytes str(String s) {
        raw('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                raw('\\').raw(c);
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                raw(c);
            } else {
                int end = i + 1;
                while (end < n && s.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return raw('"');
    }

    /**
     * A quoted JSON string holding {@code n} UTF-8 bytes, escaped (used to embed a JSON document as
     * a string).
     */
    JsonBytes strOfUtf8(byte[] src, int off, int n) {
        ensure(n + 2);
        raw('"');
        for (int i = off; i < off + n; i++) {
            byte b = src[i];
            if (b == '"' || b == '\\') {
                ensure(2);
                buf[len++] = '\\';
                buf[len++] = b;
            } else if (b >= 0 && b < 0x20) {
                escapeControl((char) b);
            } else {
                ensure(1);
                buf[len++] = b;
            }
        }
        return raw('"');
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\n':
                raw("\\n");
                break;
            case '\r':
                raw("\\r");
                break;
            case '\t':
                raw("\\t");
                break;
            default:
                raw("\\u00").raw((char) HEX[c >> 4]).raw((char) HEX[c & 0xF]);
        }
    }

    JsonBytes num(long v) {
        if (v == Long.MIN_VALUE) {
            return raw(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[len++] = '0';
            return this;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Lower-case hex of {@code v}, exactly {@code digits} characters. */
    JsonBytes hex(long v, int digits) {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            buf[len + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        len += digits;
        return this;
    }
}
