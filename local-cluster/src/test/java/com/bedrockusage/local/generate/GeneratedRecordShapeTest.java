package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated line is a Bedrock model-invocation log record; together they cover the variants
 * that matter.
 */
class GeneratedRecordShapeTest {

    private static final Set<String> OPERATIONS =
            Set.of("Converse", "ConverseStream", "InvokeModel", "InvokeModelWithResponseStream");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern ROLE_SESSION =
            Pattern.compile(
                    "arn:aws:sts::(\\d{12}):assumed-role/([A-Za-z]+)-BedrockRole/session-[0-9a-f]{8}");
    private static final Pattern USER = Pattern.compile("arn:aws:iam::(\\d{12}):user/[a-z-]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}-[a-z]+-\\d");

    @TempDir static Path out;
    static List<GeneratedLogs.Line> lines;

    @BeforeAll
    static void generate() throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "3000",
                "--body-kb",
                "1",
                "--accounts",
                "4",
                "--hours",
                "3",
                "--errors-pct",
                "3",
                "--unknown-pct",
                "2",
                "--seed",
                "11");
        lines = GeneratedLogs.lines(out);
    }

    @Test
    void shouldWriteEveryLineAsABedrockInvocationRecord() {
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3000);
        for (GeneratedLogs.Line line : lines) {
            JsonNode r = line.json();
            String id = r.path("requestId").asText();
            assertThat(r.path("schemaType").asText()).as(id).isEqualTo("ModelInvocationLog");
            assertThat(r.path("schemaVersion").asText()).as(id).isEqualTo("1.0");
            assertThat(r.path("timestamp").asText()).as(id).matches(TIMESTAMP);
            assertThat(Instant.parse(r.path("timestamp").asText()))
                    .isBetween(
                            Instant.parse("2026-11-01T00:00:00Z"),
                            Instant.parse("2026-11-01T03:00:00Z"));
            String account = r.path("accountId").asText();
            assertThat(account).as(id).matches("\\d{12}");
            String arn = r.path("identity").path("arn").asText();
            var role = ROLE_SESSION.matcher(arn);
            var user = USER.matcher(arn);
            assertThat(role.matches() || user.matches()).as(arn).isTrue();
            assertThat(role.matches() ? role.group(1) : user.group(1)).isEqualTo(account);
            assertThat(r.path("region").asText()).as(id).matches(REGION);
            assertThat(id).matches(UUID);
            assertThat(OPERATIONS).contains(r.path("operation").asText());
            assertThat(r.path("modelId").asText()).isNotBlank();
            assertThat(r.path("input").isObject()).as(id).isTrue();
            assertThat(r.path("output").isObject()).as(id).isTrue();
            if (r.has("inferenceRegion")) {
                assertThat(r.path("inferenceRegion").asText()).matches(REGION);
            }
            if (r.has("errorCode")) {
                assertFailedCall(r);
            } else {
                assertSuccessfulCall(r);
            }
        }
    }

    private static void assertFailedCall(JsonNode r) {
        assertThat(r.path("errorCode").asText()).endsWith("Exception");
        assertThat(r.path("input").has("inputTokenCount")).isFalse();
        assertThat(r.path("output").isEmpty()).isTrue();
    }

    private static void assertSuccessfulCall(JsonNode r) {
        String op = r.path("operation").asText();
        JsonNode in = r.path("input");
        JsonNode outNode = r.path("output");
        assertThat(in.path("inputContentType").asText()).isEqualTo("application/json");
        assertThat(outNode.path("outputContentType").asText()).isEqualTo("application/json");
        boolean blocked =
                outNode.path("outputBodyJson")
                        .path("amazon-bedrock-guardrailAction")
                        .asText()
                        .equals("INTERVENED");
        if (blocked) {
            assertThat(in.has("inputTokenCount")).isFalse();
            return;
        }
        assertThat(in.path("inputTokenCount").isIntegralNumber()).as(r.toString()).isTrue();
        assertThat(outNode.path("outputTokenCount").isIntegralNumber()).isTrue();
        if (in.has("inputBodyJson")) {
            assertThat(in.path("inputBodyJson").isObject()).isTrue();
        }
        JsonNode body = outNode.path("outputBodyJson");
        if (body.isMissingNode()) {
            return;
        }
        if (op.startsWith("Converse")) {
            assertThat(
                            body.path("output")
                                    .path("message")
                                    .path("content")
                                    .path(0)
                                    .path("text")
                                    .isTextual())
                    .isTrue();
            assertThat(body.path("metrics").path("latencyMs").isIntegralNumber()).isTrue();
            assertThat(body.path("usage").path("inputTokens").asLong())
                    .isEqualTo(in.path("inputTokenCount").asLong());
            assertThat(body.path("usage").path("outputTokens").asLong())
                    .isEqualTo(outNode.path("outputTokenCount").asLong());
        } else if (op.equals("InvokeModelWithResponseStream")) {
            assertThat(body.isArray()).isTrue();
            JsonNode metrics = body.path(body.size() - 1).path("amazon-bedrock-invocationMetrics");
            assertThat(metrics.path("invocationLatency").asLong())
                    .isGreaterThanOrEqualTo(metrics.path("firstByteLatency").asLong());
            assertThat(metrics.path("firstByteLatency").asLong()).isPositive();
            assertThat(metrics.path("outputTokenCount").asLong())
                    .isEqualTo(outNode.path("outputTokenCount").asLong());
        } else {
            assertThat(body.isObject()).isTrue();
        }
    }

    @Test
    void shouldCoverAllOperationsAndModelIdForms() {
        assertThat(lines.stream().map(l -> l.json().path("operation").asText()).distinct())
                .containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertSome(
                "a bare foundation model id",
                modelId(id -> id.startsWith("anthropic.") || id.startsWith("amazon.")));
        for (String prefix : List.of("us.", "eu.", "apac.", "global.")) {
            assertSome("a " + prefix + " inference profile", modelId(id -> id.startsWith(prefix)));
        }
        assertSome(
                "a foundation-model ARN",
                modelId(id -> id.matches("arn:aws:bedrock:[a-z0-9-]+::foundation-model/.+")));
        assertSome(
                "an inference-profile ARN",
                modelId(
                        id ->
                                id.matches(
                                        "arn:aws:bedrock:[a-z0-9-]+:\\d{12}:inference-profile/.+")));
        assertSome("the unknown model", modelId(id -> id.equals(ModelCatalog.UNKNOWN_MODEL)));
        assertSome(
                "a cross-region call",
                r ->
                        r.has("inferenceRegion")
                                && !r.path("inferenceRegion")
                                        .asText()
                                        .equals(r.path("region").asText()));
    }

    @Test
    void shouldCoverCallersAccountsAndRegions() {
        assertThat(lines.stream().map(l -> l.json().path("accountId").asText()).distinct())
                .hasSize(4);
        assertThat(lines.stream().map(l -> l.json().path("region").asText()).distinct())
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(
                        lines.stream()
                                .map(
                                        l ->
                                                ROLE_SESSION.matcher(
                                                        l.json()
                                                                .path("identity")
                                                                .path("arn")
                                                                .asText()))
                                .filter(java.util.regex.Matcher::matches)
                                .map(m -> m.group(2))
                                .distinct())
                .hasSizeGreaterThanOrEqualTo(3);
        assertSome("an IAM user", r -> r.path("identity").path("arn").asText().contains(":user/"));
    }

    @Test
    void shouldCoverCacheTokensAndTheirOneHourSplit() {
        assertSome(
                "cache reads", r -> r.path("input").path("cacheReadInputTokenCount").asLong() > 0);
        assertSome(
                "cache writes",
                r -> r.path("input").path("cacheWriteInputTokenCount").asLong() > 0);
        assertSome(
                "a 1h write in an InvokeModel body",
                r ->
                        r.path("operation").asText().equals("InvokeModel")
                                && r.path("output")
                                                .path("outputBodyJson")
                                                .path("usage")
                                                .path("cache_creation")
                                                .path("ephemeral_1h_input_tokens")
                                                .asLong()
                                        > 0);
        assertSome(
                "a 1h write in a stream's message_start",
                r -> {
                    JsonNode chunks = r.path("output").path("outputBodyJson");
                    return chunks.isArray()
                            && chunks.path(0).path("type").asText().equals("message_start")
                            && chunks.path(0)
                                            .path("message")
                                            .path("usage")
                                            .path("cache_creation")
                                            .path("ephemeral_1h_input_tokens")
                                            .asLong()
                                    > 0;
                });
        assertSome(
                "Converse cacheDetails",
                r ->
                        r.path("output")
                                .path("outputBodyJson")
                                .path("usage")
                                .path("cacheDetails")
                                .isArray());
        assertSome(
                "a record without cache fields",
                r ->
                        r.path("input").has("inputTokenCount")
                                && !r.path("input").has("cacheReadInputTokenCount"));
    }

    @Test
    void shouldCoverTheOddRecords() {
        assertSome(
                "requestMetadata",
                r -> r.path("requestMetadata").path("costCenter").asText().equals("cc-42"));
        assertSome(
                "a throttled call",
                r -> r.path("errorCode").asText().equals("ThrottlingException"));
        assertSome(
                "a guardrail intervention",
                r ->
                        r.path("output")
                                .path("outputBodyJson")
                                .path("amazon-bedrock-guardrailAction")
                                .asText()
                                .equals("INTERVENED"));
        assertSome(
                "metadata-only delivery",
                r ->
                        !r.has("errorCode")
                                && !r.path("input").has("inputBodyJson")
                                && !r.path("input").has("inputBodyS3Path"));
        assertThat(lines)
                .anyMatch(l -> l.text().startsWith("{\"schemaType\""))
                .anyMatch(l -> l.text().endsWith("\"schemaVersion\":\"1.0\"}"));
        assertThat(lines)
                .anyMatch(l -> l.text().contains("\\\""))
                .anyMatch(l -> l.text().contains("\\n"))
                .anyMatch(l -> l.text().chars().anyMatch(c -> c > 0x7f))
                .anyMatch(l -> l.text().contains("\\u"));
    }

    @Test
    void shouldWriteOffloadedInputBodiesWhereTheRecordsPointTo() throws Exception {
        List<JsonNode> offloaded =
                lines.stream()
                        .map(GeneratedLogs.Line::json)
                        .filter(r -> r.path("input").has("inputBodyS3Path"))
                        .toList();
        assertThat(offloaded).isNotEmpty();
        for (JsonNode r : offloaded) {
            String path = r.path("input").path("inputBodyS3Path").asText();
            assertThat(path)
                    .startsWith(
                            "s3://bedrock-invocation-logs/AWSLogs/"
                                    + r.path("accountId").asText()
                                    + "/")
                    .endsWith("/data/" + r.path("requestId").asText() + "_input.json.gz");
            Path file = out.resolve(path.substring("s3://bedrock-invocation-logs/".length()));
            assertThat(file).exists();
            String body = String.join("\n", GeneratedLogs.gunzipLines(file));
            assertThat(GeneratedLogs.MAPPER.readTree(body).isObject()).isTrue();
        }
    }

    @Test
    void shouldSizeBodiesByBodyKb() {
        double average =
                lines.stream()
                        .map(GeneratedLogs.Line::json)
                        .filter(
                                r ->
                                        r.path("input").has("inputBodyJson")
                                                && r.path("output").has("outputTokenCount"))
                        .mapToInt(r -> r.path("input").path("inputBodyJson").toString().length())
                        .average()
                        .orElseThrow();
        assertThat(average).isBetween(1024 * 0.8, 1024 * 1.6);
        assertThat(Files.exists(out.resolve("expected-totals.json"))).isTrue();
    }

    private static Predicate<JsonNode> modelId(Predicate<String> test) {
        return r -> test.test(r.path("modelId").asText());
    }

    private static void assertSome(String what, Predicate<JsonNode> test) {
        assertThat(lines.stream().map(GeneratedLogs.Line::json).anyMatch(test))
                .as("some record has " + what)
                .isTrue();
    }
}
