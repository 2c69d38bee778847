package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.SyntheticLogs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BedrockRecordParserTest {

    private static final String HEAD = ParserProbe.head("InvokeModel");

    private final ParserProbe probe = new ParserProbe();
    private final BedrockRecordParser parser = probe.parser;

    @Test
    void shouldSkipEscapedQuotesBracesAndBackslashesInsideBodies() {
        Invocation inv =
                probe.ok(
                        HEAD
                                + ", \"input\": {\"inputBodyJson\": {\"text\": \"he said \\\"}]\\\" {\\\\\\\"\\\\\","
                                + " \"x\": [\"}\", \"{\", \"\\\\\"]}, \"inputTokenCount\": 7}, \"output\": {\"outputBodyJson\": "
                                + "{\"content\": \"\\\"metrics\\\": {\\\"latencyMs\\\": 1}\", \"metrics\": {\"latencyMs\": 42}}, "
                                + "\"outputTokenCount\": 3}}");
        assertThat(inv.inputTokens).isEqualTo(7);
        assertThat(inv.outputTokens).isEqualTo(3);
        assertThat(inv.latencyMs).isEqualTo(42L);
    }

    @Test
    void shouldDecodeUnicodeEscapesInKeptFieldsAndKeys() {
        Invocation inv =
                probe.ok(
                        "{\"timestamp\": \"2025-08-18T16:57:13Z\", \"accountId\": \"123456789012\", "
                                + "\"request\\u0049d\": \"r-\\u00e9\\ud83d\\ude00\\\"\\n\", \"model\\u0049d\": \"caf\u00e9\", "
                                + "\"identity\": {\"arn\": \"arn:\\/x\\ud800y\"}, \"requestMetadata\": {\"k\\u00eby\": \"v\\t1\"}}");
        assertThat(inv.requestId).isEqualTo("r-\u00e9\uD83D\uDE00\"\n");
        assertThat(inv.modelId).isEqualTo("caf\u00e9");
        assertThat(inv.callerArn).isEqualTo("arn:/x\uFFFDy");
        assertThat(inv.metadataKeys).containsExactly("k\u00eby");
        assertThat(inv.metadataValues).containsExactly("v\t1");
    }

    @Test
    void shouldTreatMissingOrNullTokenFieldsAsZero() {
        Invocation inv =
                probe.ok(HEAD + ", \"input\": {\"inputTokenCount\": null}, \"output\": {}}");
        assertThat(inv.totalTokens()).isZero();
        assertThat(inv.latencyMs).isNull();
        assertThat(probe.ok(HEAD + "}").totalTokens()).isZero();
    }

    @Test
    void shouldReadTheCacheWriteSplitOfAnAnthropicBody() {
        Invocation inv =
                probe.ok(
                        HEAD
                                + ", \"input\": {\"inputTokenCount\": 5, \"cacheWriteInputTokenCount\": 400}, "
                                + "\"output\": {\"outputBodyJson\": {\"usage\": {\"input_tokens\": 5, \"cache_creation\": "
                                + "{\"ephemeral_5m_input_tokens\": 100, \"ephemeral_1h_input_tokens\": 300}}}}}");
        assertThat(inv.cacheWriteTokens).isEqualTo(400);
        assertThat(inv.cacheWrite1hTokens).isEqualTo(300);
        assertThat(inv.cacheWrite5mTokens()).isEqualTo(100);
    }

    @Test
    void shouldReadTheSplitAndMetricsOfAStreamedAnthropicBody() {
        Invocation inv =
                probe.ok(
                        HEAD
                                + ", \"output\": {\"outputBodyJson\": [{\"message\": {\"usage\": {\"cache_creation\":"
                                + " {\"ephemeral_1h_input_tokens\": 250, \"ephemeral_5m_input_tokens\": 0}}}, \"type\": \"message_start\"},"
                                + " {\"type\": \"content_block_delta\", \"delta\": {\"text\": \"{\\\"usage\\\": 1}\"}}, 17, \"s\", null,"
                                + " {\"type\": \"message_stop\", \"amazon-bedrock-invocationMetrics\": {\"invocationLatency\": 900,"
                                + " \"firstByteLatency\": 120, \"outputTokenCount\": 2}}], \"outputTokenCount\": 2},"
                                + " \"input\": {\"cacheWriteInputTokenCount\": 250}}");
        assertThat(inv.cacheWriteTokens).isEqualTo(250);
        assertThat(inv.cacheWrite1hTokens).isEqualTo(250);
        assertThat(inv.latencyMs).isEqualTo(900L);
        assertThat(inv.firstByteLatencyMs).isEqualTo(120L);
        assertThat(inv.outputTokens).isEqualTo(2);
    }

    @Test
    void shouldCountAllCacheWritesAsFiveMinuteWithoutASplit() {
        assertCacheWrites(", \"input\": {\"cacheWriteInputTokenCount\": 411}}", 411, 0);
    }

    @Test
    void shouldTakeCacheWritesFromTheSplitWhenTheLogHasNoCount() {
        assertCacheWrites(
                ", \"output\": {\"outputBodyJson\": {\"usage\": {\"cache_creation\": "
                        + "{\"ephemeral_5m_input_tokens\": 10, \"ephemeral_1h_input_tokens\": 20}}}}}",
                30,
                20);
    }

    @Test
    void shouldNeverLetTheOneHourPartExceedTheLoggedTotal() {
        assertCacheWrites(
                ", \"input\": {\"cacheWriteInputTokenCount\": 5}, \"output\": {\"outputBodyJson\":"
                        + " {\"usage\": {\"cache_creation\": {\"ephemeral_1h_input_tokens\": 20}}}}}",
                5,
                5);
    }

    /**
     * The cache writes read from a record of {@link #HEAD} and {@code rest}: all, one-hour part.
     */
    private void assertCacheWrites(String rest, long cacheWrites, long oneHour) {
        Invocation inv = probe.ok(HEAD + rest);
        assertThat(inv.cacheWriteTokens).isEqualTo(cacheWrites);
        assertThat(inv.cacheWrite1hTokens).isEqualTo(oneHour);
    }

    @Test
    void shouldOnlyReadLatencyFromTheTopLevelOfTheBody() {
        Invocation inv =
                probe.ok(
                        HEAD
                                + ", \"output\": {\"outputBodyJson\": {\"trace\": {\"metrics\": {\"latencyMs\": 1}},"
                                + " \"usage\": {\"x\": {\"cache_creation\": {\"ephemeral_1h_input_tokens\": 9}}}}}, "
                                + "\"metrics\": {\"latencyMs\": 2}}");
        assertThat(inv.latencyMs).isNull();
        assertThat(inv.cacheWrite1hTokens).isZero();
    }

    @Test
    void shouldDetectOffloadedBodies() {
        assertThat(
                        probe.ok(HEAD + ", \"output\": {\"outputBodyS3Path\": \"s3://b/k\"}}")
                                .bodiesOffloaded)
                .isTrue();
        assertThat(probe.ok(HEAD + ", \"input\": {\"inputBodyS3Path\": null}}").bodiesOffloaded)
                .isFalse();
    }

    @Test
    void shouldParseTimestampsWithFractionsAndOffsets() {
        assertThat(
                        probe.ok(
                                        HEAD.replace(
                                                        "2025-08-18T16:57:13Z",
                                                        "2025-08-18T16:57:13.250Z")
                                                + "}")
                                .eventTime)
                .isEqualTo(Instant.parse("2025-08-18T16:57:13.250Z").toEpochMilli());
        assertThat(
                        probe.ok(
                                        HEAD.replace(
                                                        "2025-08-18T16:57:13Z",
                                                        "2025-08-18T18:57:13+02:00")
                                                + "}")
                                .eventTime)
                .isEqualTo(Instant.parse("2025-08-18T16:57:13Z").toEpochMilli());
        assertThat(
                        probe.ok(HEAD.replace("2025-08-18T16:57:13Z", "2024-02-29T00:00:00Z") + "}")
                                .eventTime)
                .isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldAgreeWithJavaTimeOnRandomInstants() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t =
                    Instant.ofEpochMilli(random.nextLong() % 8_000_000_000_000L)
                            .plusSeconds(2_000_000_000L);
            byte[] iso = t.toString().getBytes(StandardCharsets.US_ASCII);
            assertThat(Iso8601.parseMillis(iso, 0, iso.length))
                    .as(t.toString())
                    .isEqualTo(t.toEpochMilli());
        }
    }

    @Test
    void shouldRejectInvalidTimestamps() {
        for (String ts :
                new String[] {
                    "2025-02-29T00:00:00Z",
                    "2025-13-01T00:00:00Z",
                    "2025-04-31T00:00:00Z",
                    "2025-04-01T24:00:00Z",
                    "2025-04-01 10:00:00Z",
                    "2025-04-01T10:00:00",
                    "2025-04-01T10:00:00.Z",
                    "1744000000",
                    "",
                    "2025-04-01T10:00:00Zjunk"
                }) {
            assertThat(probe.reason(HEAD.replace("2025-08-18T16:57:13Z", ts) + "}"))
                    .as(ts)
                    .isEqualTo("invalid-timestamp");
        }
        assertThat(probe.reason(HEAD.replace("\"2025-08-18T16:57:13Z\"", "1755536233000") + "}"))
                .isEqualTo("invalid-timestamp");
    }

    @Test
    void shouldNameTheFirstMissingRequiredField() {
        assertThat(
                        probe.reason(
                                "{\"modelId\": \"m\", \"accountId\": \"123456789012\", \"timestamp\": \"2025-01-01T00:00:00Z\"}"))
                .isEqualTo("missing-field:requestId");
        assertThat(
                        probe.reason(
                                "{\"requestId\": \"r\", \"accountId\": \"123456789012\", \"modelId\": \"m\"}"))
                .isEqualTo("missing-field:timestamp");
        assertThat(
                        probe.reason(
                                "{\"requestId\": \"r\", \"timestamp\": \"2025-01-01T00:00:00Z\", \"modelId\": \"m\"}"))
                .isEqualTo("missing-field:accountId");
        assertThat(
                        probe.reason(
                                "{\"requestId\": \"r\", \"timestamp\": \"2025-01-01T00:00:00Z\", \"accountId\": \"123456789012\"}"))
                .isEqualTo("missing-field:modelId");
        assertThat(probe.reason(HEAD.replace("\"r-1\"", "\"\"") + "}"))
                .isEqualTo("missing-field:requestId");
        assertThat(probe.reason(HEAD.replace("\"r-1\"", "null") + "}"))
                .isEqualTo("missing-field:requestId");
    }

    @Test
    void shouldRejectFieldsOfTheWrongType() {
        assertThat(probe.reason(HEAD.replace("\"r-1\"", "42") + "}"))
                .isEqualTo("invalid-field:requestId");
        assertThat(probe.reason(HEAD + ", \"input\": \"oops\"}")).isEqualTo("invalid-field:input");
        assertThat(probe.reason(HEAD.replace("\"123456789012\"", "\"12345678901\"") + "}"))
                .isEqualTo("invalid-field:accountId");
    }

    @Test
    void shouldRejectNegativeFractionalAndAbsurdTokenCounts() {
        for (String v :
                new String[] {
                    "-1", "1.5", "1e3", "1000000001", "\"12\"", "true", "99999999999999999999"
                }) {
            assertThat(probe.reason(HEAD + ", \"input\": {\"inputTokenCount\": " + v + "}}"))
                    .as(v)
                    .isEqualTo("invalid-token-count");
        }
        assertThat(
                        probe.ok(HEAD + ", \"output\": {\"outputTokenCount\": 1000000000}}")
                                .outputTokens)
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void shouldRejectForeignJson() {
        for (String json :
                new String[] {
                    "{}",
                    "{\"foo\": 1}",
                    "[1, 2]",
                    "\"text\"",
                    "42",
                    "null",
                    "{\"timestamp\": \"2025-01-01T00:00:00Z\", \"accountId\": \"123456789012\"}",
                    HEAD + ", \"schemaType\": \"SomethingElse\"}"
                }) {
            assertThat(probe.reason(json)).as(json).isEqualTo("foreign-json");
        }
    }

    @Test
    void shouldRejectGarbageAndInvalidJson() {
        for (String json :
                new String[] {
                    "",
                    "   ",
                    "hello world",
                    "{",
                    "{\"a\" 1}",
                    "{\"a\": 1,}",
                    "{\"a\": 01}",
                    "{\"a\": tru}",
                    "{\"a\": \"x\ty\"}",
                    "{\"a\": \"\\x\"}",
                    "{\"a\": \"\\u12G4\"}",
                    "{\"a\": [1,]}",
                    "{\"a\": 1} {\"b\": 2}",
                    "{\"a\": -}",
                    "{\"a\": 1.}",
                    "{\"a\": .5}",
                    "{'a': 1}",
                    "{\"a\": NaN}",
                    HEAD + "}}",
                    HEAD + "]",
                    "\u0000\u0001\u00ff"
                }) {
            assertThat(probe.reason(json)).as(json).isEqualTo("malformed-json");
        }
    }

    @Test
    void shouldRejectEveryTruncationOfAValidRecord() throws IOException {
        byte[] line =
                SampleRecordsTest.lines(SampleRecordsTest.resource("example_records.jsonl")).get(3);
        for (int len = 0; len < line.length; len++) {
            assertThat(parser.parse(line, 0, len)).as("prefix %d", len).isNull();
            assertThat(parser.reason()).as("prefix %d", len).isEqualTo("malformed-json");
        }
        assertThat(parser.parse(line, 0, line.length)).isNotNull();
    }

    @Test
    void shouldSurviveDeepNestingWithoutRecursion() {
        StringBuilder deep = new StringBuilder(HEAD + ", \"input\": {\"inputBodyJson\": ");
        for (int i = 0; i < 5000; i++) {
            deep.append('[');
        }
        assertThat(probe.reason(deep + "}}")).isEqualTo("malformed-json");
        StringBuilder ok = new StringBuilder(HEAD + ", \"input\": {\"inputBodyJson\": ");
        for (int i = 0; i < 500; i++) {
            ok.append("{\"a\": [");
        }
        for (int i = 0; i < 500; i++) {
            ok.append("]}");
        }
        assertThat(probe.ok(ok + ", \"inputTokenCount\": 3}}").inputTokens).isEqualTo(3);
    }

    @Test
    void shouldRejectOversizeRecordsUnread() {
        byte[] big = new byte[BedrockRecordParser.MAX_RECORD_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThat(parser.parse(big, 0, big.length)).isNull();
        assertThat(parser.reason()).isEqualTo("oversize-record");
    }

    @Test
    void shouldParseOnlyTheGivenRangeOfABuffer() {
        byte[] b = ("garbage" + HEAD + "}garbage").getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(b, 7, b.length - 7).requestId).isEqualTo("r-1");
    }

    /**
     * Random single-byte mutations of realistic records: the parser accepts a mutant only if
     * Jackson finds it valid JSON, and then reads the same kept values as Jackson does.
     */
    @Test
    void shouldNeverAcceptInvalidJsonAndAgreeWithJacksonOnMutants() throws IOException {
        ObjectMapper jackson =
                new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SyntheticLogs logs = new SyntheticLogs(11);
        Random random = new Random(13);
        byte[] alphabet =
                "\"\\{}[],: 0123456789-.eEtrufalsn/ux".getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        int rejected = 0;
        for (int n = 0; n < 300; n++) {
            String base =
                    n % 2 == 0
                            ? logs.converse("r" + n, Instant.EPOCH, "us-east-1", 300)
                            : logs.streamAnthropic("r" + n, Instant.EPOCH, "us-east-1", 300);
            byte[] original =
                    base.replaceAll("[^\\x20-\\x7e]", "a").getBytes(StandardCharsets.US_ASCII);
            for (int m = 0; m < 40; m++) {
                byte[] mutant = original.clone();
                int edits = 1 + random.nextInt(2);
                for (int e = 0; e < edits; e++) {
                    mutant[random.nextInt(mutant.length)] =
                            alphabet[random.nextInt(alphabet.length)];
                }
                JsonNode tree;
                try {
                    tree = jackson.readTree(mutant);
                } catch (JsonProcessingException e) {
                    tree = null;
                }
                Invocation inv = parser.parse(mutant, 0, mutant.length);
                if (tree == null) {
                    assertThat(inv).as(new String(mutant, StandardCharsets.US_ASCII)).isNull();
                    assertThat(parser.reason()).isEqualTo("malformed-json");
                    rejected++;
                } else {
                    assertThat(parser.reason()).isNotEqualTo("malformed-json");
                    if (inv != null) {
                        accepted++;
                        assertThat(inv.requestId).isEqualTo(tree.get("requestId").asText());
                        assertThat(inv.inputTokens)
                                .isEqualTo(tree.path("input").path("inputTokenCount").asLong());
                        assertThat(inv.outputTokens)
                                .isEqualTo(tree.path("output").path("outputTokenCount").asLong());
                    }
                }
            }
        }
        assertThat(accepted).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(100);
    }
}
