package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonScannerTest {

    private static final byte[] ALPHABET = {
        'a',
        'z',
        ' ',
        '"',
        '\\',
        'u',
        'n',
        '0',
        'F',
        0x00,
        0x1f,
        0x20,
        0x7f,
        (byte) 0x80,
        (byte) 0xa2,
        (byte) 0xdc,
        (byte) 0xe2,
        (byte) 0xff,
        0x0a,
        0x22 ^ 0x01,
        0x5c ^ 0x01
    };

    /** The obvious byte-at-a-time definition the word-at-a-time scan must match. */
    private static int naiveScan(byte[] b, int p, int e) {
        int escaped = 0;
        while (p < e) {
            byte c = b[p];
            if (c == '"') {
                return (p + 1) | escaped;
            }
            if (c >= 0 && c < 0x20) {
                return -2;
            }
            if (c == '\\') {
                escaped = Integer.MIN_VALUE;
                if (p + 1 >= e) {
                    return -1;
                }
                byte x = b[p + 1];
                if (x == 'u') {
                    if (p + 6 > e) {
                        return -1;
                    }
                    for (int i = p + 2; i < p + 6; i++) {
                        if (Character.digit((char) (b[i] & 0xff), 16) < 0 || b[i] < 0) {
                            return -2;
                        }
                    }
                    p += 6;
                } else if ("\"\\/bfnrt".indexOf(x) >= 0) {
                    p += 2;
                } else {
                    return -2;
                }
                continue;
            }
            p++;
        }
        return -1;
    }

    /** Letters, about one in three replaced by a byte of {@link #ALPHABET}. */
    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < b.length; i++) {
            b[i] =
                    random.nextInt(3) == 0
                            ? ALPHABET[random.nextInt(ALPHABET.length)]
                            : (byte) ('a' + i % 26);
        }
        return b;
    }

    private static int fastScan(byte[] b, int p, int e) {
        try {
            return JsonScanner.scanString(b, p, e);
        } catch (JsonScanner.JsonException ex) {
            return ex == JsonScanner.END_OF_INPUT ? -1 : -2;
        }
    }

    @Test
    void shouldMatchAByteAtATimeScanOnRandomBytesAtEveryAlignment() {
        Random random = new Random(1);
        for (int n = 0; n < 200_000; n++) {
            int len = random.nextInt(40);
            byte[] b = randomBytes(random, len + 8);
            int from = random.nextInt(4);
            int to = Math.min(b.length, from + len);
            int expected = naiveScan(b, from, to);
            int actual = fastScan(b, from, to);
            assertThat(actual)
                    .as("bytes %s from %d to %d", java.util.Arrays.toString(b), from, to)
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldSkipStringValuesAndKeysLikeAByteAtATimeScan() {
        Random random = new Random(2);
        JsonScanner scanner = new JsonScanner();
        for (int n = 0; n < 100_000; n++) {
            int len = random.nextInt(40);
            byte[] b = randomBytes(random, len + 12);
            boolean asKey = random.nextBoolean();
            int from = random.nextInt(4);
            int to = Math.min(b.length, from + len);
            // value: "<bytes>   key: {"<bytes>:1}
            byte[] doc = new byte[to - from + 5];
            int o = 0;
            if (asKey) {
                doc[o++] = '{';
            }
            doc[o++] = '"';
            System.arraycopy(b, from, doc, o, to - from);
            int bodyStart = o;
            o += to - from;
            if (asKey) {
                doc[o++] = ':';
                doc[o++] = '1';
                doc[o++] = '}';
            }
            int expectedEnd = naiveScan(doc, bodyStart, o - (asKey ? 3 : 0));
            scanner.reset(doc, 0, o);
            int actual;
            try {
                scanner.skipValue();
                actual = scanner.pos;
            } catch (JsonScanner.JsonException ex) {
                actual = ex == JsonScanner.END_OF_INPUT ? -1 : -2;
            }
            if (expectedEnd != -1 && expectedEnd != -2) {
                int stop = expectedEnd & Integer.MAX_VALUE;
                boolean complete = asKey ? stop == o - 3 : true;
                if (!asKey) {
                    assertThat(actual)
                            .as("value %s", java.util.Arrays.toString(doc))
                            .isEqualTo(stop);
                } else if (complete) {
                    assertThat(actual).as("key %s", java.util.Arrays.toString(doc)).isEqualTo(o);
                } // else the key ended early and the rest decides validity: only "no other
                // exception" holds
            } else if (!asKey) {
                assertThat(actual)
                        .as("value %s", java.util.Arrays.toString(doc))
                        .isEqualTo(expectedEnd);
            } else {
                assertThat(actual).as("key %s", java.util.Arrays.toString(doc)).isLessThan(0);
            }
        }
    }

    @Test
    void shouldFindNewlinesAtEveryPosition() {
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                byte[] b = new byte[len];
                java.util.Arrays.fill(b, (byte) 0x8a); // 0x0a with the high bit set must not match
                b[at] = '\n';
                assertThat(LineSplitter.indexOfNewline(b, 0, len)).isEqualTo(at);
                assertThat(LineSplitter.indexOfNewline(b, at + 1, len)).isEqualTo(-1);
            }
        }
    }

    @Test
    void shouldReportTheEndOfInputInsideAString() {
        byte[] b = "\"abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JsonScanner s = new JsonScanner();
        s.reset(b, 0, b.length);
        assertThatThrownBy(s::skipValue).isSameAs(JsonScanner.END_OF_INPUT);
    }

    /** Walks every object and array it meets, recording keys and scalars, as the parser does. */
    private static String walk(String json) {
        JsonScanner s = scanner(json);
        StringBuilder out = new StringBuilder();
        walkValue(s, out);
        s.expectEnd();
        return out.toString();
    }

    private static JsonScanner scanner(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        JsonScanner s = new JsonScanner();
        s.reset(b, 0, b.length);
        return s;
    }

    private static void walkValue(JsonScanner s, StringBuilder out) {
        if (s.enterObject()) {
            out.append('{');
            while (s.nextField()) {
                out.append(s.keyString()).append(':');
                walkValue(s, out);
                out.append(';');
            }
            out.append('}');
        } else if (s.enterArray()) {
            out.append('[');
            while (s.nextElement()) {
                walkValue(s, out);
                out.append(';');
            }
            out.append(']');
        } else {
            s.peek();
            int from = s.pos;
            s.skipValue();
            out.append(new String(s.buf, from, s.pos - from, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|{}",
                "[]|[]",
                "{\"a\":1}|{a:1;}",
                " { \"a\" : 1 , \"b\" : [ 2 , { } , [ ] ] } |{a:1;b:[2;{};[];];}",
                "[[1],[2,3],{\"x\":{\"y\":[]}}]|[[1;];[2;3;];{x:{y:[];};};]",
                "{\"a\":\"{\",\"b\":\"[\"}|{a:\"{\";b:\"[\";}",
                "{\"a\":{},\"b\":[]}|{a:{};b:[];}"
            })
    void shouldWalkNestedContainersKnowingTheFirstEntryWithoutState(String json, String walked) {
        assertThat(walk(json)).isEqualTo(walked);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{,\"a\":1}",
                "{\"a\":1 \"b\":2}",
                "{\"a\":1,}",
                "{\"a\":{} \"b\":2}",
                "[,1]",
                "[1 2]",
                "[[] []]",
                "[1,]"
            })
    void shouldRejectMissingOrExtraCommasWhileWalking(String json) {
        assertThatThrownBy(() -> walk(json)).isSameAs(JsonScanner.MALFORMED);
    }

    @Test
    void shouldVisitOnlyTheNamedFieldsAndSkipTheRest() {
        JsonScanner s = scanner("{\"a\":1,\"k\":2,\"b\":{\"k\":9},\"k\":3}");
        assertThat(s.enterObjectOrSkip()).isTrue();
        StringBuilder seen = new StringBuilder();
        while (s.nextFieldNamed("k".getBytes(StandardCharsets.US_ASCII))) {
            seen.append(s.readLong());
        }
        s.expectEnd();
        assertThat(seen).hasToString("23");
    }

    @Test
    void shouldSkipAValueThatIsNotTheContainerAskedFor() {
        JsonScanner s = scanner("[\"x\",{\"a\":1}]");
        assertThat(s.enterObjectOrSkip()).isFalse();
        s.expectEnd();
        s = scanner("\"x\"");
        assertThat(s.enterArrayOrSkip()).isFalse();
        s.expectEnd();
    }

    @Test
    void shouldDecodeEveryEscape() {
        JsonScanner s = scanner("\"<\\b\\f\\n\\r\\t\\\"\\\\\\/\\u00e9\\ud83d\\ude00\\ud800x>\"");
        assertThat(s.readStringRange()).isTrue();
        assertThat(s.lastString()).isEqualTo("<\b\f\n\r\t\"\\/\u00e9\ud83d\ude00\ufffdx>");
    }
}
