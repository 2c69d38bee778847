package com.bedrockusage.job.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages a JSON record at random, the ways hostile or broken producers do: flipped, inserted and
 * deleted bytes, numbers swapped for huge, negative, fractional or exponent forms, strings swapped
 * for over-long or oddly escaped ones, deep nesting, invalid UTF-8, other encodings, truncation,
 * and injected fields with out-of-bound values. Deterministic for a given {@link Random}.
 */
final class RecordMutator {

    /** Bytes are mapped 1:1 to chars, so regex offsets are byte offsets. */
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;

    private static final Pattern NUMBER =
            Pattern.compile("(?<=[:\\[,]\\s{0,3})-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING_VALUE =
            Pattern.compile("(?<=:\\s{0,3})\"(?:[^\"\\\\]++|\\\\.)*+\"");
    private static final Pattern VALUE =
            Pattern.compile(NUMBER.pattern() + "|" + STRING_VALUE.pattern());

    private static final String[] NUMBERS = {
        "0",
        "1",
        "-1",
        "-0",
        "1.5",
        "0.0",
        "-2.5e-3",
        "1e3",
        "1E+400",
        "1e-400",
        "12345678901234567890",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "99999999999999999999999999",
        "1000000000",
        "1000000001",
        "86400000",
        "86400001",
        "4611686018427387904",
        "007",
        "1.",
        ".5",
        "+1",
        "NaN",
        "Infinity",
        "0x10",
        "1_000",
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xFF},
        {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xFE, (byte) 0xFE},
    };
    private static final byte[] STRUCTURAL =
            "{}[]\",:\\0-e. \n\tnul".getBytes(StandardCharsets.US_ASCII);
    private static final Charset[] ENCODINGS = {
        StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE,
        StandardCharsets.UTF_16,
        Charset.forName("UTF-32"),
        StandardCharsets.ISO_8859_1,
    };
    private static final int[] DEPTHS = {1, 2, 16, 1023, 1024, 1025, 3000};

    private final Random random;

    RecordMutator(Random random) {
        this.random = random;
    }

    /** One to three random mutations of {@code record}. */
    byte[] mutate(byte[] record) {
        byte[] b = record;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = mutateOnce(b);
        }
        return b;
    }

    private byte[] mutateOnce(byte[] b) {
        switch (random.nextInt(12)) {
            case 0:
                return flipBits(b);
            case 1:
                return insert(b, randomBytes());
            case 2:
                return delete(b);
            case 3:
            case 4:
                return replace(b, NUMBER, NUMBERS[random.nextInt(NUMBERS.length)]);
            case 5:
                return replace(b, STRING_VALUE, oddString());
            case 6:
                return nest(b);
            case 7:
                return insertIntoString(b, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case 8:
                return reencode(b);
            case 9:
                return b.length == 0 ? b : Arrays.copyOf(b, random.nextInt(b.length));
            default:
                return injectField(b);
        }
    }

    private byte[] flipBits(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        for (int i = random.nextInt(4); i >= 0; i--) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] =
                    random.nextBoolean()
                            ? STRUCTURAL[random.nextInt(STRUCTURAL.length)]
                            : (byte) random.nextInt();
        }
        return bytes;
    }

    private byte[] insert(byte[] b, byte[] bytes) {
        int at = random.nextInt(b.length + 1);
        return splice(b, at, at, bytes);
    }

    private byte[] delete(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(32));
        return splice(b, from, to, new byte[0]);
    }

    /**
     * Replaces one random match of {@code pattern} with {@code replacement}; unchanged when nothing
     * matches.
     */
    private byte[] replace(byte[] b, Pattern pattern, String replacement) {
        int[] range = randomMatch(b, pattern);
        return range == null
                ? b
                : splice(b, range[0], range[1], replacement.getBytes(StandardCharsets.UTF_8));
    }

    private String oddString() {
        switch (random.nextInt(8)) {
            case 0:
                return "\"\"";
            case 1:
                return "\"" + "a".repeat(129) + "\"";
            case 2:
                return "\"" + "b".repeat(2048 + random.nextInt(3)) + "\"";
            case 3:
                return "\"" + "\\u0041".repeat(200) + "\"";
            case 4:
                return "\"x\\u0000y\\u001fz\\ud800\"";
            case 5:
                return "\"" + "\u00e9\ud83d\ude00".repeat(700) + "\"";
            case 6:
                return "\"" + "c".repeat(20_000) + "\"";
            default:
                return "\"123456789012\"";
        }
    }

    /** Wraps one value in arrays or objects, at depths around the scanner's limit. */
    private byte[] nest(byte[] b) {
        int[] range = randomMatch(b, VALUE);
        if (range == null) {
            return b;
        }
        int depth = DEPTHS[random.nextInt(DEPTHS.length)];
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String value = new String(b, range[0], range[1] - range[0], BYTES);
        String nested = open.repeat(depth) + value + close.repeat(depth);
        return splice(b, range[0], range[1], nested.getBytes(BYTES));
    }

    private byte[] insertIntoString(byte[] b, byte[] bytes) {
        int[] range = randomMatch(b, STRING_VALUE);
        if (range == null || range[1] - range[0] < 2) {
            return insert(b, bytes);
        }
        int at = range[0] + 1 + random.nextInt(range[1] - range[0] - 1);
        return splice(b, at, at, bytes);
    }

    private byte[] reencode(byte[] b) {
        if (random.nextInt(4) == 0) {
            return splice(
                    b,
                    0,
                    0,
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // UTF-8 byte order mark
        }
        String text = new String(b, StandardCharsets.UTF_8);
        return text.getBytes(ENCODINGS[random.nextInt(ENCODINGS.length)]);
    }

    /**
     * Adds a field with an out-of-bound (or boundary) value just after the record's opening brace.
     */
    private byte[] injectField(byte[] b) {
        int open = indexOf(b, (byte) '{');
        if (open < 0) {
            return b;
        }
        String field = INJECTED[random.nextInt(INJECTED.length)].get();
        return splice(b, open + 1, open + 1, (field + ",").getBytes(StandardCharsets.UTF_8));
    }

    private interface Snippet {
        String get();
    }

    private static final Snippet[] INJECTED = {
        () ->
                "\"output\": {\"outputTokenCount\": 5, \"outputBodyJson\": {\"metrics\": {\"latencyMs\": 86400001}}}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"metrics\": {\"latencyMs\": 9223372036854775807}}}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"metrics\": {\"latencyMs\": 123456789012345678901234}}}",
        () -> "\"output\": {\"outputBodyJson\": {\"metrics\": {\"latencyMs\": 86400000}}}",
        () ->
                "\"output\": {\"outputBodyJson\": [{\"amazon-bedrock-invocationMetrics\": "
                        + "{\"invocationLatency\": 4000000000000, \"firstByteLatency\": 12}}]}",
        () ->
                "\"output\": {\"outputBodyJson\": [{\"amazon-bedrock-invocationMetrics\": "
                        + "{\"invocationLatency\": 12, \"firstByteLatency\": 86400001}}]}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"usage\": {\"cacheDetails\": [{\"ttl\": \"1h\", \"inputTokens\": "
                        + "1000000000}, {\"ttl\": \"5m\", \"inputTokens\": 1}]}}}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"usage\": {\"cacheDetails\": [{\"ttl\": \"5m\", \"inputTokens\": "
                        + "1000000001}]}}}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"usage\": {\"cacheDetails\": ["
                        + "{\"ttl\": \"1h\", \"inputTokens\": 999999999}, ".repeat(50)
                        + "{\"ttl\": \"5m\", \"inputTokens\": 7}]}}}",
        () ->
                "\"output\": {\"outputBodyJson\": {\"usage\": {\"cache_creation\": {\"ephemeral_5m_input_tokens\": "
                        + "600000000, \"ephemeral_1h_input_tokens\": 600000000}}}}",
        () ->
                "\"input\": {\"inputTokenCount\": 1000000000, \"cacheReadInputTokenCount\": 1000000000, "
                        + "\"cacheWriteInputTokenCount\": 1000000000}",
        () -> "\"requestId\": \"" + "r".repeat(129) + "\"",
        () ->
                "\"modelId\": \"arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                        + "m".repeat(2000)
                        + "\"",
        () ->
                "\"identity\": {\"arn\": \"arn:aws:sts::123456789012:assumed-role/"
                        + "x".repeat(2020)
                        + "\"}",
        () -> "\"region\": \"" + "us-east-1".repeat(4) + "\"",
        () -> "\"operation\": \"" + "Invoke".repeat(11) + "\"",
        () -> "\"errorCode\": \"" + "E".repeat(257) + "\"",
        () -> "\"requestMetadata\": {" + metadata(65, 3) + "}",
        () -> "\"requestMetadata\": {" + metadata(1, 257) + "}",
        () -> "\"requestMetadata\": {" + metadata(64, 256) + "}",
        () -> "\"timestamp\": \"9999-12-31T23:59:59.999Z\"",
        () -> "\"timestamp\": \"0000-01-01T00:00:00Z\"",
    };

    private static String metadata(int entries, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries; i++) {
            String key = String.format("k%0" + Math.max(1, Math.min(chars, 200) - 1) + "d", i);
            sb.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(key)
                    .append("\": \"")
                    .append("v".repeat(chars))
                    .append('"');
        }
        return sb.toString();
    }

    private int[] randomMatch(byte[] b, Pattern pattern) {
        Matcher m = pattern.matcher(new String(b, BYTES));
        List<int[]> ranges = new ArrayList<>();
        while (m.find()) {
            ranges.add(new int[] {m.start(), m.end()});
        }
        return ranges.isEmpty() ? null : ranges.get(random.nextInt(ranges.size()));
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
