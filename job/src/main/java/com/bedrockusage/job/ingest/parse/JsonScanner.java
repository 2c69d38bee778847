package com.bedrockusage.job.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A validating, allocation-free JSON cursor over UTF-8 bytes {@code buf[pos, end)}.
 *
 * <p>Callers walk the few objects they care about with {@link #nextField}/{@link #nextElement} and
 * {@link #skipValue()} everything else. Skipped values are fully validated (grammar, escapes,
 * control characters) but never decoded; strings are skipped 8-16 bytes at a time. UTF-8 inside
 * skipped strings is not validated (nothing is decoded from it); kept strings decode malformed
 * UTF-8 to U+FFFD.
 *
 * <p>Errors are signalled with two preallocated exceptions: {@link #MALFORMED} and {@link
 * #END_OF_INPUT} (the input ended inside a value, which a caller streaming a JSON array uses to
 * read more). Not thread-safe.
 */
public final class JsonScanner {

    /** Thrown for invalid JSON; shared and stackless, so throwing it costs no allocation. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message, null, false, false);
        }
    }

    public static final JsonException MALFORMED = new JsonException("malformed JSON");
    public static final JsonException END_OF_INPUT = new JsonException("JSON ends early");

    /** {@link #readLong()} result for JSON {@code null}. */
    static final long NULL_NUMBER = Long.MIN_VALUE;

    /**
     * {@link #readLong()} result for a value that is not an integer (or a negative one beyond long
     * range).
     */
    static final long NOT_AN_INTEGER = Long.MIN_VALUE + 1;

    /**
     * {@link #readLong()} result for a positive integer above {@link Long#MAX_VALUE}: too large,
     * not malformed.
     */
    static final long TOO_LARGE = Long.MIN_VALUE + 2;

    static final int MAX_DEPTH = 1024;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;

    byte[] buf;
    public int pos;
    int end;

    /**
     * The key read by the last {@link #nextField}: raw bytes {@code buf[keyStart, keyEnd)}, or
     * decoded.
     */
    private int keyStart;

    private int keyEnd;
    private boolean keyEscaped;
    private final ByteSink keyScratch = new ByteSink(64);

    /**
     * The string read by the last {@link #readStringRange()}: {@code buf[strStart, strEnd)}, raw.
     */
    int strStart;

    int strEnd;
    boolean strEscaped;

    private final byte[] stack = new byte[MAX_DEPTH];
    private final ByteSink scratch = new ByteSink(256);

    public void reset(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    // ---------------------------------------------------------------- whitespace and structure

    /**
     * Skips whitespace and returns the next byte without consuming it; throws at the end of input.
     */
    public int peek() {
        int p = ws(buf, pos, end);
        pos = p;
        return buf[p];
    }

    /** Index of the first non-whitespace byte at or after p; throws {@link #END_OF_INPUT} at e. */
    private static int ws(byte[] b, int p, int e) {
        for (; ; ) {
            if (p >= e) {
                throw END_OF_INPUT;
            }
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
    }

    /** True when only whitespace remains. */
    boolean atEnd() {
        final byte[] b = buf;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                pos = p;
                return false;
            }
            p++;
        }
        pos = p;
        return true;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw MALFORMED;
        }
    }

    /** Consumes '{' and returns true; otherwise consumes nothing and returns false. */
    boolean enterObject() {
        if (peek() == '{') {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes '[' and returns true; otherwise consumes nothing and returns false. */
    boolean enterArray() {
        if (peek() == '[') {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes '{' and returns true; otherwise skips the whole value and returns false. */
    boolean enterObjectOrSkip() {
        return enterOrSkip('{');
    }

    /** Consumes '[' and returns true; otherwise skips the whole value and returns false. */
    boolean enterArrayOrSkip() {
        return enterOrSkip('[');
    }

    private boolean enterOrSkip(char open) {
        if (peek() == open) {
            pos++;
            return true;
        }
        skipValue();
        return false;
    }

    /**
     * Advances to the next field of an object entered with {@link #enterObject()} and consumes its
     * key and colon; returns false (having consumed '}') when the object ends. The caller must
     * consume the value.
     *
     * <p>Whether a ',' must come first needs no state: {@link #pos} stays right after the last
     * token consumed, which is the '{' before the first field and the last byte of a value (never a
     * '{') after any other. The same holds for '[' in {@link #nextElement()}.
     */
    boolean nextField() {
        final byte[] b = buf;
        final int e = end;
        final boolean first = b[pos - 1] == '{';
        int p = ws(b, pos, e);
        byte c = b[p];
        if (c == '}') {
            pos = p + 1;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw MALFORMED;
            }
            p = ws(b, p + 1, e);
            c = b[p];
        }
        if (c != '"') {
            throw MALFORMED;
        }
        keyStart = p + 1;
        int r = scanString(b, p + 1, e);
        keyEscaped = r < 0;
        p = r & Integer.MAX_VALUE;
        keyEnd = p - 1;
        if (keyEscaped) {
            keyScratch.clear();
            unescape(keyStart, keyEnd, keyScratch);
        }
        p = ws(b, p, e);
        if (b[p] != ':') {
            throw MALFORMED;
        }
        pos = p + 1;
        return true;
    }

    /**
     * Advances to the next field named {@code name} of an object entered with {@link
     * #enterObject()}, skipping the values of all others; false (having consumed '}') when the
     * object ends. The caller must consume the value.
     */
    boolean nextFieldNamed(byte[] name) {
        while (nextField()) {
            if (keyIs(name)) {
                return true;
            }
            skipValue();
        }
        return false;
    }

    /**
     * Advances to the next element of an array entered with {@link #enterArray()}; false at ']'.
     */
    boolean nextElement() {
        final boolean first = buf[pos - 1] == '[';
        int c = peek();
        if (c == ']') {
            pos++;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw MALFORMED;
            }
            pos++;
        }
        return true;
    }

    boolean keyIs(byte[] name) {
        if (!keyEscaped) {
            return keyEnd - keyStart == name.length
                    && Arrays.equals(buf, keyStart, keyEnd, name, 0, name.length);
        }
        return keyScratch.length() == name.length
                && Arrays.equals(keyScratch.bytes(), 0, name.length, name, 0, name.length);
    }

    String keyString() {
        return keyEscaped
                ? new String(keyScratch.bytes(), 0, keyScratch.length(), StandardCharsets.UTF_8)
                : new String(buf, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- values

    boolean peekIsNull() {
        return peek() == 'n';
    }

    /**
     * Consumes a string value and records its raw range in {@link #strStart}/{@link #strEnd};
     * returns false (consuming the value) if it is not a string.
     */
    boolean readStringRange() {
        if (peek() != '"') {
            skipValue();
            return false;
        }
        pos++;
        strStart = pos;
        strEscaped = skipStringBody();
        strEnd = pos - 1;
        return true;
    }

    /** Decodes the string last read by {@link #readStringRange()}. */
    String lastString() {
        if (!strEscaped) {
            return new String(buf, strStart, strEnd - strStart, StandardCharsets.UTF_8);
        }
        scratch.clear();
        unescape(strStart, strEnd, scratch);
        return new String(scratch.bytes(), 0, scratch.length(), StandardCharsets.UTF_8);
    }

    /**
     * Appends the unescaped UTF-8 bytes of the string last read by {@link #readStringRange()} to
     * {@code out}.
     */
    void lastStringBytes(ByteSink out) {
        if (!strEscaped) {
            out.append(buf, strStart, strEnd - strStart);
        } else {
            unescape(strStart, strEnd, out);
        }
    }

    /**
     * Consumes a value and returns it if it is a JSON integer in long range; {@link #NULL_NUMBER}
     * for {@code null}; {@link #TOO_LARGE} for a positive integer above long range; {@link
     * #NOT_AN_INTEGER} for anything else (fractions, exponents, negative overflow, strings...). All
     * three markers are negative.
     */
    long readLong() {
        int c = peek();
        if (c == 'n') {
            literal(NULL_BYTES);
            return NULL_NUMBER;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            skipValue();
            return NOT_AN_INTEGER;
        }
        final byte[] b = buf;
        int p = pos;
        boolean negative = false;
        if (c == '-') {
            negative = true;
            p++;
        }
        if (p >= end) {
            throw END_OF_INPUT;
        }
        long value = 0;
        boolean overflow = false;
        int digitsStart = p;
        while (p < end) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                value = value * 10 + d;
            }
            p++;
        }
        int digits = p - digitsStart;
        if (digits == 0 || (digits > 1 && b[digitsStart] == '0')) {
            throw MALFORMED;
        }
        if (p < end && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) {
            pos = digitsStart - (negative ? 1 : 0);
            skipNumber();
            return NOT_AN_INTEGER;
        }
        pos = p;
        if (overflow) {
            return negative ? NOT_AN_INTEGER : TOO_LARGE;
        }
        return negative ? -value : value;
    }

    /**
     * Skips one complete value of any kind, validating it. One loop over locals: no recursion, no
     * fields, and the string scan written out in place (C2 will not inline {@link #scanString}: its
     * code is too big).
     */
    public void skipValue() {
        final byte[] b = buf;
        final int e = end;
        final byte[] st = stack;
        int p = pos;
        int depth = 0;
        boolean key = false;
        for (; ; ) {
            p = ws(b, p, e);
            byte c = b[p];
            if (c == '"') {
                p++;
                for (; ; ) {
                    if (p <= e - 8) {
                        long m = specials((long) LONGS.get(b, p));
                        if (m == 0) {
                            p += 8;
                            continue;
                        }
                        p += Long.numberOfTrailingZeros(m) >>> 3;
                    } else {
                        p = nextSpecialByte(b, p, e);
                    }
                    if (b[p] == '"') {
                        p++;
                        break;
                    }
                    p = skipEscape(b, p, e);
                }
                if (key) {
                    p = ws(b, p, e);
                    if (b[p] != ':') {
                        throw MALFORMED;
                    }
                    p++;
                    key = false;
                    continue;
                }
            } else if (key) {
                throw MALFORMED;
            } else if (c == '{' || c == '[') {
                boolean object = c == '{';
                p = ws(b, p + 1, e);
                if (b[p] == (object ? '}' : ']')) {
                    p++;
                } else {
                    if (depth == MAX_DEPTH) {
                        throw MALFORMED;
                    }
                    st[depth++] = object ? OBJECT : ARRAY;
                    key = object;
                    continue;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                p = scanNumber(b, p, e);
            } else if (c == 't') {
                p = literal(b, p, e, TRUE_BYTES);
            } else if (c == 'f') {
                p = literal(b, p, e, FALSE_BYTES);
            } else if (c == 'n') {
                p = literal(b, p, e, NULL_BYTES);
            } else {
                throw MALFORMED;
            }
            // a value is complete: close containers until one expects another value (or key)
            for (; ; ) {
                if (depth == 0) {
                    pos = p;
                    return;
                }
                p = ws(b, p, e);
                c = b[p];
                byte container = st[depth - 1];
                if (c == ',') {
                    p++;
                    key = container == OBJECT;
                    break;
                }
                if ((c == '}' && container == OBJECT) || (c == ']' && container == ARRAY)) {
                    p++;
                    depth--;
                    continue;
                }
                throw MALFORMED;
            }
        }
    }

    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

    private void literal(byte[] word) {
        pos = literal(buf, pos, end, word);
    }

    private static int literal(byte[] b, int p, int e, byte[] word) {
        if (e - p < word.length) {
            if (Arrays.equals(b, p, e, word, 0, e - p)) {
                throw END_OF_INPUT;
            }
            throw MALFORMED;
        }
        for (int i = 1; i < word.length; i++) {
            if (b[p + i] != word[i]) {
                throw MALFORMED;
            }
        }
        return p + word.length;
    }

    private void skipNumber() {
        pos = scanNumber(buf, pos, end);
    }

    /** Validates {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?} at p; returns the index after it. */
    private static int scanNumber(byte[] b, int p, int end) {
        if (b[p] == '-') {
            p++;
        }
        int start = p;
        p = digits(b, p, end);
        if (p - start > 1 && b[start] == '0') {
            throw MALFORMED;
        }
        if (p < end && b[p] == '.') {
            p = digits(b, p + 1, end);
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            p = digits(b, p, end);
        }
        return p;
    }

    /** One or more digits at p; returns the index after them. */
    private static int digits(byte[] b, int p, int end) {
        int start = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        if (p == start) {
            throw p >= end ? END_OF_INPUT : MALFORMED;
        }
        return p;
    }

    /**
     * Skips the rest of a string whose opening quote is consumed; pos ends after the closing quote.
     * Returns whether the string contained escapes.
     */
    boolean skipStringBody() {
        int r = scanString(buf, pos, end);
        pos = r & Integer.MAX_VALUE;
        return r < 0;
    }

    /**
     * Scans a string body from p (after the opening quote) to after its closing quote and returns
     * that index, with the sign bit set if the string holds escapes. Two 8-byte words per step,
     * each tested for '"', '\\' and control bytes at once ({@link #specials}); the lowest flagged
     * byte (little-endian) is the exact stop.
     */
    static int scanString(byte[] b, int p, int e) {
        // Kept under the JIT's inlining limit (325 bytecodes): the rare paths live in their own
        // methods.
        int escaped = 0;
        for (; ; ) {
            if (p <= e - 16) {
                long m = specials((long) LONGS.get(b, p));
                if (m == 0) {
                    m = specials((long) LONGS.get(b, p + 8));
                    if (m == 0) {
                        p += 16;
                        continue;
                    }
                    p += 8;
                }
                p += Long.numberOfTrailingZeros(m) >>> 3;
            } else {
                p = nextSpecialByte(b, p, e);
            }
            if (b[p] == '"') {
                return (p + 1) | escaped;
            }
            p = skipEscape(b, p, e);
            escaped = Integer.MIN_VALUE;
        }
    }

    /** Byte by byte near the end of the input: the index of the next '"', '\\' or control byte. */
    private static int nextSpecialByte(byte[] b, int p, int e) {
        for (; ; ) {
            if (p >= e) {
                throw END_OF_INPUT;
            }
            byte c = b[p];
            if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
                return p;
            }
            p++;
        }
    }

    /**
     * p is at a '\\' (or a raw control byte, which is invalid); returns the index after the escape.
     */
    private static int skipEscape(byte[] b, int p, int e) {
        if (b[p] != '\\') {
            throw MALFORMED; // raw control character
        }
        if (p + 1 >= e) {
            throw END_OF_INPUT;
        }
        byte x = b[p + 1];
        if (x == 'u') {
            if (p + 6 > e) {
                throw END_OF_INPUT;
            }
            if ((HEX[b[p + 2] & 0xff]
                            | HEX[b[p + 3] & 0xff]
                            | HEX[b[p + 4] & 0xff]
                            | HEX[b[p + 5] & 0xff])
                    < 0) {
                throw MALFORMED;
            }
            return p + 6;
        }
        if (SIMPLE_ESCAPE[x & 0xff]) {
            return p + 2;
        }
        throw MALFORMED;
    }

    /**
     * High bit set in the bytes of w that are '"', '\\' or control characters: the has-zero-byte
     * trick on w^'"', w^'\\' and w-0x20 per byte. One {@code ~w} serves all three (xor with a
     * constant below 0x80 keeps the high bit), and the lowest flagged byte is exact: borrows only
     * start at a flagged byte.
     */
    private static long specials(long w) {
        long q = w ^ QUOTES;
        long s = w ^ BACKSLASHES;
        return ((q - ONES) | (s - ONES) | (w - SPACES)) & ~w & HIGHS;
    }

    private static final byte[] HEX = new byte[256];
    private static final boolean[] SIMPLE_ESCAPE = new boolean[256];

    /** The byte a simple escape stands for, indexed by the byte after the backslash. */
    private static final byte[] UNESCAPED = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 256; i++) {
            HEX[i] = (byte) hex((byte) i);
        }
        char[] escapes = {'"', '\\', '/', 'b', 'f', 'n', 'r', 't'};
        char[] meanings = {'"', '\\', '/', '\b', '\f', '\n', '\r', '\t'};
        for (int i = 0; i < escapes.length; i++) {
            SIMPLE_ESCAPE[escapes[i]] = true;
            UNESCAPED[escapes[i]] = (byte) meanings[i];
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Decodes the already validated string body {@code buf[from, to)} (escapes included) to UTF-8
     * bytes. A lone surrogate escape becomes U+FFFD.
     */
    void unescape(int from, int to, ByteSink out) {
        final byte[] b = buf;
        int p = from;
        int runStart = p;
        while (p < to) {
            if (b[p] != '\\') {
                p++;
                continue;
            }
            out.append(b, runStart, p - runStart);
            byte x = b[p + 1];
            if (x != 'u') { // a validated simple escape: b f n r t " \\ /
                out.append(UNESCAPED[x]);
                p += 2;
                runStart = p;
                continue;
            }
            int cu = hex4(b, p + 2);
            p += 6;
            int cp = cu;
            if (cu >= 0xD800 && cu <= 0xDBFF) {
                if (p + 6 <= to && b[p] == '\\' && b[p + 1] == 'u') {
                    int lo = hex4(b, p + 2);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cu - 0xD800) << 10) + (lo - 0xDC00);
                        p += 6;
                    } else {
                        cp = 0xFFFD;
                    }
                } else {
                    cp = 0xFFFD;
                }
            } else if (cu >= 0xDC00 && cu <= 0xDFFF) {
                cp = 0xFFFD;
            }
            out.appendCodePoint(cp);
            runStart = p;
        }
        out.append(b, runStart, to - runStart);
    }

    private static int hex4(byte[] b, int p) {
        return (hex(b[p]) << 12) | (hex(b[p + 1]) << 8) | (hex(b[p + 2]) << 4) | hex(b[p + 3]);
    }

    public static boolean isBlank(byte[] b, int from, int to) {
        for (int p = from; p < to; p++) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
