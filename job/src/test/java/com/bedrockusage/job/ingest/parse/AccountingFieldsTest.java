package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.Invocation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What per-unit prices multiply and which tier served a call, as the parser reads them from a log
 * record.
 */
class AccountingFieldsTest {

    private static final String HEAD =
            "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2026-11-01T10:00:00Z\","
                    + "\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"requestId\":\"r-1\",\"operation\":\"%s\","
                    + "\"modelId\":\"%s\",";

    private static final String GPT_OSS = "openai.gpt-oss-120b-1:0";
    private static final String HAIKU_3_5 = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String LATENCY_OPTIMIZED_REQUEST =
            "{\"messages\":[],\"performanceConfig\":{\"latency\":\"optimized\"}}";

    private final ParserProbe probe = new ParserProbe();

    private static String record(String operation, String model, String input, String output) {
        return String.format(HEAD, operation, model)
                + "\"input\":{\"inputContentType\":\"application/json\","
                + "\"inputBodyJson\":"
                + input
                + ",\"inputTokenCount\":12},\"output\":{\"outputContentType\":"
                + "\"application/json\",\"outputBodyJson\":"
                + output
                + ",\"outputTokenCount\":3}}";
    }

    static Stream<Arguments> tiers() {
        return Stream.of(
                tier(
                        "asked for priority, served by standard",
                        "standard",
                        record(
                                "Converse",
                                GPT_OSS,
                                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi {\\\"serviceTier\\\":1}\"}]}],"
                                        + "\"serviceTier\":{\"type\":\"priority\"}}",
                                "{\"output\":{},\"serviceTier\":{\"type\":\"default\"},\"usage\":{\"inputTokens\":12}}")),
                tier(
                        "a tier only the request names",
                        "requested:flex",
                        record(
                                "Converse",
                                GPT_OSS,
                                "{\"messages\":[],\"serviceTier\":{\"type\":\"flex\"}}",
                                "{\"output\":{}}")),
                tier(
                        "latency optimized, as the response confirms",
                        "latency-optimized",
                        record(
                                "Converse",
                                HAIKU_3_5,
                                LATENCY_OPTIMIZED_REQUEST,
                                "{\"output\":{},\"performanceConfig\":{\"latency\":\"optimized\"}}")),
                tier(
                        "latency optimized asked for, fell back to standard",
                        "standard",
                        record(
                                "Converse",
                                HAIKU_3_5,
                                LATENCY_OPTIMIZED_REQUEST,
                                "{\"output\":{},\"performanceConfig\":{\"latency\":\"standard\"}}")));
    }

    private static Arguments tier(String description, String expected, String record) {
        return Arguments.of(description, expected, record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void shouldReadTheTierThatServedTheCall(String description, String expected, String record) {
        assertThat(probe.ok(record).serviceTier).isEqualTo(expected);
    }

    @Test
    void shouldReadAnImageRequestsCountQualityAndSize() {
        Invocation inv =
                probe.ok(
                        record(
                                "InvokeModel",
                                "amazon.nova-canvas-v1:0",
                                "{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":{\"text\":\"a \\\"cat\\\" {in} [a] hat\"},"
                                        + "\"imageGenerationConfig\":{\"numberOfImages\":3,\"height\":1024,\"width\":1024,"
                                        + "\"quality\":\"premium\",\"cfgScale\":8.0}}",
                                "{\"images\":[\"iVBORw0KGgo=\",\"iVBORw0KGgo=\",\"iVBORw0KGgo=\"]}"));

        assertThat(inv.unit).isEqualTo("image");
        assertThat(inv.unitQuantity).isEqualTo(3);
        assertThat(inv.unitVariant).isEqualTo("premium-1024x1024");
    }

    @Test
    void shouldCountReturnedImagesWhenTheRequestSaysNothing() {
        Invocation inv =
                probe.ok(
                        record(
                                "InvokeModel",
                                "stability.sd3-large-v1:0",
                                "{\"prompt\":\"a lighthouse\",\"aspect_ratio\":\"1:1\"}",
                                "{\"seeds\":[1],\"images\":[\"AAAA\"]}"));

        assertThat(inv.unit).isEqualTo("image");
        assertThat(inv.unitQuantity).isEqualTo(1);
        assertThat(inv.unitVariant).isEmpty();
    }

    @Test
    void shouldReadVideoSecondsAndRerankQueries() {
        Invocation video =
                probe.ok(
                        record(
                                "StartAsyncInvoke",
                                "amazon.nova-reel-v1:0",
                                "{\"taskType\":\"TEXT_VIDEO\",\"textToVideoParams\":{\"text\":\"waves\"},"
                                        + "\"videoGenerationConfig\":{\"durationSeconds\":6,\"fps\":24,\"dimension\":\"1280x720\"}}",
                                "{}"));
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            docs.append(i == 0 ? "" : ",").append("\"doc ").append(i).append(" [with] {braces}\"");
        }
        Invocation rerank =
                probe.ok(
                        record(
                                "InvokeModel",
                                "cohere.rerank-v3-5:0",
                                "{\"query\":\"what\",\"documents\":[" + docs + "],\"top_n\":3}",
                                "{\"results\":[]}"));

        assertThat(video.unit).isEqualTo("second");
        assertThat(video.unitQuantity).isEqualTo(6);
        assertThat(rerank.unit).isEqualTo("query");
        assertThat(rerank.unitQuantity)
                .isEqualTo(3); // 250 documents: one query per 100 or part of 100
    }

    @Test
    void shouldLeaveAPlainTextCallWithoutUnitsOrTier() {
        Invocation inv =
                probe.ok(
                        record(
                                "InvokeModel",
                                "anthropic.claude-3-haiku-20240307-v1:0",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"imageGenerationConfig\"}],\"max_tokens\":5}",
                                "{\"content\":[{\"text\":\"images\"}]}"));

        assertThat(inv.unit).isNull();
        assertThat(inv.unitQuantity).isZero();
        assertThat(inv.serviceTier).isEqualTo("standard");
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "InvokeModel | amazon.nova-canvas-v1:0 | {\"imageGenerationConfig\":{\"numberOfImages\":101}}",
                "InvokeModel | amazon.nova-canvas-v1:0 | {\"imageGenerationConfig\":{\"width\":99999999999999999999999}}",
                "StartAsyncInvoke | amazon.nova-reel-v1:0 | {\"videoGenerationConfig\":{\"durationSeconds\":3601}}"
            })
    void shouldRejectQuantitiesAboveTheirBounds(String operation, String model, String input) {
        assertThat(probe.reason(record(operation, model, input, "{}")))
                .isEqualTo(RejectReason.INVALID_UNIT_QUANTITY);
    }

    @Test
    void shouldIgnoreQuantitiesThatAreNotNonNegativeIntegers() {
        Invocation inv =
                probe.ok(
                        record(
                                "InvokeModel",
                                "amazon.nova-canvas-v1:0",
                                "{\"imageGenerationConfig\":{\"numberOfImages\":\"two\",\"width\":-5,\"quality\":"
                                        + "\""
                                        + "q".repeat(5000)
                                        + "\"}}",
                                "{}"));

        assertThat(inv.unitQuantity).isEqualTo(1); // the models' default count
        assertThat(inv.unitVariant).isEqualTo("standard");
    }
}
