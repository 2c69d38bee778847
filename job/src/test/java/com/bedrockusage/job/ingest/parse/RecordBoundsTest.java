package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import org.junit.jupiter.api.Test;

/**
 * Each bound of {@link RecordBounds}: the value at the bound is kept, one above it rejects the
 * record by name.
 */
class RecordBoundsTest {

    private static final String HEAD = ParserProbe.head("Converse");

    private final ParserProbe probe = new ParserProbe();

    private static String withField(String field, String value) {
        return HEAD + ", " + field + ": " + value + "}";
    }

    private static String str(int chars) {
        return "\"" + "a".repeat(chars) + "\"";
    }

    @Test
    void shouldKeepEveryStringAtItsBoundAndRejectOneCharMoreByName() {
        Object[][] cases = {
            {"\"requestId\"", RecordBounds.MAX_REQUEST_ID_CHARS, "requestId"},
            {"\"modelId\"", RecordBounds.MAX_MODEL_ID_CHARS, "modelId"},
            {"\"region\"", RecordBounds.MAX_REGION_CHARS, "region"},
            {"\"inferenceRegion\"", RecordBounds.MAX_REGION_CHARS, "inferenceRegion"},
            {"\"operation\"", RecordBounds.MAX_OPERATION_CHARS, "operation"},
            {"\"errorCode\"", RecordBounds.MAX_ERROR_CODE_CHARS, "errorCode"},
        };
        for (Object[] c : cases) {
            String field = (String) c[0];
            int max = (Integer) c[1];
            assertThat(probe.parse(withField(field, str(max)))).as(field).isNotNull();
            assertThat(probe.reason(withField(field, str(max + 1))))
                    .as(field)
                    .isEqualTo("field-too-long:" + c[2]);
        }
        assertThat(
                        probe.ok(
                                        withField(
                                                "\"identity\"",
                                                "{\"arn\": "
                                                        + str(RecordBounds.MAX_ARN_CHARS)
                                                        + "}"))
                                .callerArn)
                .hasSize(2048);
        assertThat(
                        probe.reason(
                                withField(
                                        "\"identity\"",
                                        "{\"arn\": " + str(RecordBounds.MAX_ARN_CHARS + 1) + "}")))
                .isEqualTo("field-too-long:identity.arn");
    }

    @Test
    void shouldMeasureStringsAfterUnescaping() {
        String escaped = "\"" + "\\u0041".repeat(RecordBounds.MAX_REQUEST_ID_CHARS) + "\"";
        assertThat(probe.ok(withField("\"requestId\"", escaped)).requestId).hasSize(128);
    }

    @Test
    void shouldBoundRequestMetadataEntriesKeysAndValues() {
        assertThat(probe.ok(withField("\"requestMetadata\"", metadata(64, 256, 256))).metadataKeys)
                .hasSize(64);
        assertThat(probe.reason(withField("\"requestMetadata\"", metadata(65, 3, 3))))
                .isEqualTo("field-too-long:requestMetadata");
        assertThat(probe.reason(withField("\"requestMetadata\"", metadata(1, 257, 1))))
                .isEqualTo("field-too-long:requestMetadata");
        assertThat(probe.reason(withField("\"requestMetadata\"", metadata(1, 1, 257))))
                .isEqualTo("field-too-long:requestMetadata");
    }

    @Test
    void shouldRejectALatencyAboveADayWhereverTheBodyCarriesIt() {
        for (String v : new String[] {"86400001", "9223372036854775807", "99999999999999999999"}) {
            assertThat(probe.reason(converseLatency(v))).as(v).isEqualTo("invalid-latency");
            assertThat(probe.reason(streamMetrics(v, "12"))).as(v).isEqualTo("invalid-latency");
            assertThat(probe.reason(streamMetrics("12", v))).as(v).isEqualTo("invalid-latency");
        }
        Invocation atBound = probe.ok(streamMetrics("86400000", "86400000"));
        assertThat(atBound.latencyMs).isEqualTo(86_400_000L);
        assertThat(atBound.firstByteLatencyMs).isEqualTo(86_400_000L);
    }

    @Test
    void shouldStillIgnoreBodyLatenciesThatAreNotNonNegativeIntegers() {
        for (String v :
                new String[] {"-1", "12.5", "1e3", "\"12\"", "null", "-99999999999999999999"}) {
            assertThat(probe.ok(converseLatency(v)).latencyMs).as(v).isNull();
        }
    }

    @Test
    void shouldRejectACacheDetailsEntryAboveTheTokenCap() {
        assertThat(probe.reason(cacheDetails("{\"ttl\": \"1h\", \"inputTokens\": 1000000001}")))
                .isEqualTo("invalid-token-count");
        assertThat(
                        probe.reason(
                                cacheDetails(
                                        "{\"ttl\": \"5m\", \"inputTokens\": 99999999999999999999}")))
                .isEqualTo("invalid-token-count");
    }

    @Test
    void shouldRejectCacheDetailsWhoseSumExceedsTheTokenCap() {
        assertThat(
                        probe.reason(
                                cacheDetails(
                                        "{\"ttl\": \"1h\", \"inputTokens\": 600000000}, "
                                                + "{\"ttl\": \"5m\", \"inputTokens\": 400000001}")))
                .isEqualTo("invalid-token-count");
        assertThat(
                        probe.reason(
                                cacheDetails(
                                        "{\"ttl\": \"1h\", \"inputTokens\": 999999999}, "
                                                        .repeat(20_000)
                                                + "{\"ttl\": \"1h\", \"inputTokens\": 1}")))
                .isEqualTo("invalid-token-count");
        Invocation atCap =
                probe.ok(
                        cacheDetails(
                                "{\"ttl\": \"1h\", \"inputTokens\": 600000000}, "
                                        + "{\"ttl\": \"5m\", \"inputTokens\": 400000000}"));
        assertThat(atCap.cacheWriteTokens).isEqualTo(RecordBounds.MAX_TOKENS);
        assertThat(atCap.cacheWrite1hTokens).isEqualTo(600_000_000L);
    }

    @Test
    void shouldRejectAnEphemeralCacheWriteSplitAboveTheTokenCap() {
        assertThat(
                        probe.reason(
                                HEAD
                                        + ", \"output\": {\"outputBodyJson\": {\"usage\": {\"cache_creation\": "
                                        + "{\"ephemeral_1h_input_tokens\": 1000000001}}}}}"))
                .isEqualTo("invalid-token-count");
        assertThat(
                        probe.reason(
                                HEAD
                                        + ", \"output\": {\"outputBodyJson\": {\"usage\": {\"cache_creation\": "
                                        + "{\"ephemeral_5m_input_tokens\": 600000000, \"ephemeral_1h_input_tokens\": 600000000}}}}}"))
                .isEqualTo("invalid-token-count");
    }

    @Test
    void shouldNameATooLongFieldAfterAWronglyTypedOne() {
        assertThat(probe.reason(HEAD.replace("\"r-1\"", str(200)) + ", \"input\": 5}"))
                .isEqualTo("invalid-field:input");
    }

    private static String converseLatency(String v) {
        return HEAD
                + ", \"output\": {\"outputBodyJson\": {\"metrics\": {\"latencyMs\": "
                + v
                + "}}}}";
    }

    private static String streamMetrics(String invocationLatency, String firstByteLatency) {
        return HEAD
                + ", \"output\": {\"outputBodyJson\": [{\"amazon-bedrock-invocationMetrics\": {\"invocationLatency\": "
                + invocationLatency
                + ", \"firstByteLatency\": "
                + firstByteLatency
                + "}}]}}";
    }

    private static String cacheDetails(String entries) {
        return HEAD
                + ", \"output\": {\"outputBodyJson\": {\"usage\": {\"cacheDetails\": ["
                + entries
                + "]}}}}";
    }

    private static String metadata(int entries, int keyChars, int valueChars) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < entries; i++) {
            String key = String.format("%0" + keyChars + "d", i);
            sb.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(key)
                    .append("\": ")
                    .append(str(valueChars));
        }
        return sb.append('}').toString();
    }
}
