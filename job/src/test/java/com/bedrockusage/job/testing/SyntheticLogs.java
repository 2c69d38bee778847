package com.bedrockusage.job.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic Bedrock invocation log records and delivery trees for tests and benchmarks:
 * multi-KB prompt/response bodies with escapes, quotes, braces and non-ASCII text; Converse,
 * Anthropic InvokeModel and streamed InvokeModel (chunk arrays); Bedrock's S3 layout.
 */
public final class SyntheticLogs {

    public static final String ACCOUNT = "123456789012";
    private static final DateTimeFormatter HOUR_PATH =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final String[] WORDS = {
        "the",
        "model",
        "token",
        "cache",
        "latency",
        "Bedrock",
        "invoice",
        "région",
        "naïve",
        "東京",
        "데이터",
        "{braces}",
        "[brackets]",
        "\"quoted\"",
        "back\\slash",
        "tab\there",
        "line\nbreak",
        "emoji😀",
        "a:b,c",
        "price",
        "usage",
        "stream",
        "\\\"tricky\\\"",
        "</tag>",
        "100%",
        "x"
    };

    /** The characters JSON escapes with a backslash and a letter, and those letters. */
    private static final String SHORT_ESCAPED = "\"\\\n\r\t";

    private static final String SHORT_ESCAPES = "\"\\nrt";

    private final Random random;

    public SyntheticLogs(long seed) {
        this.random = new Random(seed);
    }

    /** Text of about {@code bytes} characters drawn from words that need JSON escaping. */
    public String text(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 16);
        while (sb.length() < bytes) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    /**
     * A JSON string literal; non-ASCII is sometimes written as \\u escapes, as some producers do.
     */
    public String quote(String s) {
        return jsonString(s, random.nextInt(4) == 0);
    }

    /**
     * {@code s} as a JSON string literal; with {@code escapeNonAscii}, non-ASCII as \\u escapes.
     */
    public static String jsonString(String s, boolean escapeNonAscii) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int shortEscape = SHORT_ESCAPED.indexOf(c);
            if (shortEscape >= 0) {
                sb.append('\\').append(SHORT_ESCAPES.charAt(shortEscape));
            } else if (c < 0x20 || (escapeNonAscii && c > 0x7e)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    public static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /**
     * {@code converses} Converse records {@code req-0}, {@code req-1}, ... of one hour, bodies of
     * about {@code bodyBytes}, the same on every call, with a line that is not JSON at index 3.
     */
    public static List<String> conversesAndABadLine(int converses, int bodyBytes) {
        SyntheticLogs logs = new SyntheticLogs(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < converses; i++) {
            lines.add(
                    logs.converse(
                            "req-" + i,
                            Instant.parse("2025-08-18T16:00:00Z"),
                            "us-east-1",
                            bodyBytes));
        }
        lines.add(3, "not json");
        return lines;
    }

    /** One record of a random kind with bodies of about {@code bodyBytes} each. */
    public String record(String requestId, Instant time, String region, int bodyBytes) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            return converse(requestId, time, region, bodyBytes);
        }
        if (kind < 7) {
            return invokeAnthropic(requestId, time, region, bodyBytes);
        }
        if (kind < 9) {
            return streamAnthropic(requestId, time, region, bodyBytes);
        }
        return error(requestId, time, region);
    }

    public String converse(String requestId, Instant time, String region, int bodyBytes) {
        int in = 10 + random.nextInt(5000);
        int out = 5 + random.nextInt(2000);
        return schemaFirstHead(time, "app/worker", region, requestId)
                + ", \"operation\": \"Converse\", \"modelId\": \"us.amazon.nova-pro-v1:0\", \"input\": "
                + "{\"inputContentType\": \"application/json\", \"inputBodyJson\": {\"messages\": [{\"role\": \"user\", "
                + "\"content\": [{\"text\": "
                + quote(text(bodyBytes))
                + "}]}], \"inferenceConfig\": {\"maxTokens\": 2048,"
                + " \"temperature\": 0.7, \"topP\": 0.9, \"stopSequences\": []}}, \"inputTokenCount\": "
                + in
                + ", \"cacheReadInputTokenCount\": 0, \"cacheWriteInputTokenCount\": 0}, \"output\": "
                + "{\"outputContentType\": \"application/json\", \"outputBodyJson\": {\"output\": {\"message\": "
                + "{\"role\": \"assistant\", \"content\": [{\"text\": "
                + quote(text(bodyBytes))
                + "}]}}, "
                + "\"stopReason\": \"end_turn\", \"metrics\": {\"latencyMs\": "
                + (100 + random.nextInt(9000))
                + "}, \"usage\": {\"inputTokens\": "
                + in
                + ", \"outputTokens\": "
                + out
                + ", \"totalTokens\": "
                + (in + out)
                + "}}, \"outputTokenCount\": "
                + out
                + "}, \"requestMetadata\": {\"team\": \"search\", "
                + "\"traceId\": \"t-"
                + random.nextInt(1_000_000)
                + "\"}}";
    }

    /**
     * The fields a record opens with when its schema comes first, up to the request id, from a
     * caller of assumed role {@code role}.
     */
    private static String schemaFirstHead(
            Instant time, String role, String region, String requestId) {
        return "{\"schemaType\": \"ModelInvocationLog\", \"schemaVersion\": \"1.0\", \"timestamp\": \""
                + iso(time)
                + "\", \"accountId\": \""
                + ACCOUNT
                + "\", \"identity\": {\"arn\": \"arn:aws:sts::"
                + ACCOUNT
                + ":assumed-role/"
                + role
                + "\"}, \"region\": \""
                + region
                + "\", \"requestId\": \""
                + requestId
                + "\"";
    }

    public String invokeAnthropic(String requestId, Instant time, String region, int bodyBytes) {
        int in = 10 + random.nextInt(5000);
        int out = 5 + random.nextInt(2000);
        int cacheRead = random.nextInt(3) == 0 ? random.nextInt(100_000) : 0;
        int w5 = random.nextInt(2) == 0 ? random.nextInt(3000) : 0;
        int w1 = random.nextInt(3) == 0 ? random.nextInt(3000) : 0;
        return "{\"timestamp\": \""
                + iso(time)
                + "\", \"accountId\": \""
                + ACCOUNT
                + "\", \"identity\": {\"arn\": "
                + "\"arn:aws:iam::"
                + ACCOUNT
                + ":user/batch\"}, \"region\": \""
                + region
                + "\", \"requestId\": \""
                + requestId
                + "\", \"operation\": \"InvokeModel\", \"modelId\": \"arn:aws:bedrock:"
                + region
                + ":"
                + ACCOUNT
                + ":inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0\", \"input\": "
                + "{\"inputContentType\": \"application/json\", \"inputBodyJson\": {\"anthropic_version\": "
                + "\"bedrock-2023-05-31\", \"system\": [{\"type\": \"text\", \"text\": "
                + quote(text(bodyBytes / 2))
                + ", \"cache_control\": {\"type\": \"ephemeral\", \"ttl\": \"1h\"}}], \"messages\": [{\"role\": "
                + "\"user\", \"content\": [{\"type\": \"text\", \"text\": "
                + quote(text(bodyBytes / 2))
                + "}]}], "
                + "\"max_tokens\": 4096}, \"inputTokenCount\": "
                + in
                + ", \"cacheReadInputTokenCount\": "
                + cacheRead
                + ", \"cacheWriteInputTokenCount\": "
                + (w5 + w1)
                + "}, \"output\": {\"outputContentType\": "
                + "\"application/json\", \"outputBodyJson\": {\"id\": \"msg_bdrk_01\", \"type\": \"message\", "
                + "\"role\": \"assistant\", \"model\": \"claude-sonnet-4-20250514\", \"content\": [{\"type\": \"text\","
                + " \"text\": "
                + quote(text(bodyBytes))
                + "}], \"stop_reason\": \"end_turn\", \"stop_sequence\": null,"
                + " \"usage\": {\"input_tokens\": "
                + in
                + ", \"cache_creation_input_tokens\": "
                + (w5 + w1)
                + ", \"cache_read_input_tokens\": "
                + cacheRead
                + ", \"cache_creation\": "
                + "{\"ephemeral_5m_input_tokens\": "
                + w5
                + ", \"ephemeral_1h_input_tokens\": "
                + w1
                + "}, "
                + "\"output_tokens\": "
                + out
                + "}}, \"outputTokenCount\": "
                + out
                + "}, \"inferenceRegion\": \""
                + region
                + "\", \"schemaType\": \"ModelInvocationLog\", \"schemaVersion\": \"1.0\"}";
    }

    public String streamAnthropic(String requestId, Instant time, String region, int bodyBytes) {
        int in = 10 + random.nextInt(5000);
        int out = 5 + random.nextInt(2000);
        int w1 = random.nextInt(2000);
        StringBuilder chunks = new StringBuilder(bodyBytes * 3);
        chunks.append(
                "[{\"type\": \"message_start\", \"message\": {\"id\": \"msg_bdrk_02\", \"type\": \"message\", "
                        + "\"role\": \"assistant\", \"model\": \"claude-opus-4-1-20250805\", \"content\": [], "
                        + "\"stop_reason\": null, \"stop_sequence\": null, \"usage\": {\"input_tokens\": "
                        + in
                        + ", \"cache_creation_input_tokens\": "
                        + w1
                        + ", \"cache_read_input_tokens\": 0, "
                        + "\"cache_creation\": {\"ephemeral_5m_input_tokens\": 0, \"ephemeral_1h_input_tokens\": "
                        + w1
                        + "}, \"output_tokens\": 1}}}, {\"type\": \"content_block_start\", \"index\": 0, "
                        + "\"content_block\": {\"type\": \"text\", \"text\": \"\"}}");
        int written = 0;
        while (written < bodyBytes) {
            String piece = text(8 + random.nextInt(40));
            written += piece.length();
            chunks.append(
                            ", {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", "
                                    + "\"text\": ")
                    .append(quote(piece))
                    .append("}}");
        }
        chunks.append(
                ", {\"type\": \"content_block_stop\", \"index\": 0}, {\"type\": \"message_delta\", \"delta\": "
                        + "{\"stop_reason\": \"end_turn\", \"stop_sequence\": null}, \"usage\": {\"output_tokens\": "
                        + out
                        + "}}, {\"type\": \"message_stop\", \"amazon-bedrock-invocationMetrics\": {\"inputTokenCount\": "
                        + in
                        + ", \"outputTokenCount\": "
                        + out
                        + ", \"invocationLatency\": "
                        + (500 + random.nextInt(20000))
                        + ", \"firstByteLatency\": "
                        + (100 + random.nextInt(2000))
                        + "}}]");
        return schemaFirstHead(time, "chat/ui", region, requestId)
                + ", \"operation\": \"InvokeModelWithResponseStream\", \"modelId\": "
                + "\"us.anthropic.claude-opus-4-1-20250805-v1:0\", \"input\": {\"inputContentType\": "
                + "\"application/json\", \"inputBodyJson\": {\"anthropic_version\": \"bedrock-2023-05-31\", "
                + "\"messages\": [{\"role\": \"user\", \"content\": "
                + quote(text(bodyBytes))
                + "}], "
                + "\"max_tokens\": 4096}, \"inputTokenCount\": "
                + in
                + ", \"cacheReadInputTokenCount\": 0, "
                + "\"cacheWriteInputTokenCount\": "
                + w1
                + "}, \"output\": {\"outputContentType\": "
                + "\"application/json\", \"outputBodyJson\": "
                + chunks
                + ", \"outputTokenCount\": "
                + out
                + "}, \"inferenceRegion\": \""
                + region
                + "\"}";
    }

    public String error(String requestId, Instant time, String region) {
        return "{\"timestamp\": \""
                + iso(time)
                + "\", \"accountId\": \""
                + ACCOUNT
                + "\", \"region\": \""
                + region
                + "\", \"requestId\": \""
                + requestId
                + "\", \"operation\": \"Converse\", \"modelId\": "
                + "\"anthropic.claude-3-haiku-20240307-v1:0\", \"input\": {}, \"output\": {}, \"identity\": {\"arn\": "
                + "\"arn:aws:sts::"
                + ACCOUNT
                + ":assumed-role/app/worker\"}, \"errorCode\": \"ThrottlingException\", "
                + "\"schemaType\": \"ModelInvocationLog\", \"schemaVersion\": \"1.0\"}";
    }

    // ---------------------------------------------------------------- bytes and files

    public static byte[] ndjson(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code root/AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH}. */
    public static Path hourFolder(Path root, String account, String region, Instant hour) {
        return root.resolve("AWSLogs")
                .resolve(account)
                .resolve("BedrockModelInvocationLogs")
                .resolve(region)
                .resolve(HOUR_PATH.format(hour));
    }

    public static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
