package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelIdsTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    @Test
    void shouldReduceFoundationModelArnToModelId() {
        assertThat(ModelIds.stripArn("arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU))
                .isEqualTo(HAIKU);
        assertThat(
                        ModelIds.stripArn(
                                "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/" + HAIKU))
                .isEqualTo(HAIKU);
    }

    @Test
    void shouldReduceInferenceProfileArnToProfileId() {
        assertThat(
                        ModelIds.stripArn(
                                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us."
                                        + HAIKU))
                .isEqualTo("us." + HAIKU);
    }

    @Test
    void shouldLeaveApplicationInferenceProfileArnUnchanged() {
        String arn =
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
        assertThat(ModelIds.stripArn(arn)).isSameAs(arn);
        assertThat(ModelIds.isApplicationInferenceProfileArn(arn)).isTrue();
        assertThat(ModelIds.isApplicationInferenceProfileArn("us." + HAIKU)).isFalse();
        assertThat(ModelIds.provider(arn)).isNull();
        assertThat(ModelIds.profileScope(arn))
                .as("unknown: it may wrap a cross-region profile")
                .isNull();
    }

    @Test
    void shouldLeaveNonArnsAndMalformedArnsUnchanged() {
        assertThat(ModelIds.stripArn(HAIKU)).isSameAs(HAIKU);
        assertThat(ModelIds.stripArn("arn:aws:bedrock")).isEqualTo("arn:aws:bedrock");
        assertThat(ModelIds.stripArn("arn:aws:bedrock:us-east-1::foundation-model/"))
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/");
        assertThat(ModelIds.stripArn("arn:aws:bedrock:us-east-1:1:provisioned-model/abc"))
                .isEqualTo("arn:aws:bedrock:us-east-1:1:provisioned-model/abc");
    }

    @ParameterizedTest
    @CsvSource({
        "us.anthropic.x-v1:0, anthropic.x-v1:0, us",
        "eu.anthropic.x-v1:0, anthropic.x-v1:0, eu",
        "apac.anthropic.x-v1:0, anthropic.x-v1:0, apac",
        "au.anthropic.x-v1:0, anthropic.x-v1:0, au",
        "jp.anthropic.x-v1:0, anthropic.x-v1:0, jp",
        "us-gov.anthropic.x-v1:0, anthropic.x-v1:0, us-gov",
        "global.anthropic.x-v1:0, anthropic.x-v1:0, global",
        "ca.anthropic.x-v1:0, anthropic.x-v1:0, ca",
        "anthropic.x-v1:0, anthropic.x-v1:0, none",
        "amazon.nova-pro-v1:0, amazon.nova-pro-v1:0, none",
    })
    void shouldStripGeographicPrefixAndReportScope(String id, String stripped, String scope) {
        assertThat(ModelIds.stripGeoPrefix(id)).isEqualTo(stripped);
        assertThat(ModelIds.profileScope(id)).isEqualTo(scope);
    }

    @Test
    void shouldReportScopeOfInferenceProfileArn() {
        assertThat(
                        ModelIds.profileScope(
                                "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu."
                                        + HAIKU))
                .isEqualTo("eu");
    }

    @ParameterizedTest
    @CsvSource({
        "anthropic.claude-3-haiku-20240307-v1:0, anthropic",
        "us.anthropic.claude-3-haiku-20240307-v1:0, anthropic",
        "amazon.nova-pro-v1:0, amazon",
        "meta.llama3-70b-instruct-v1:0, meta",
        "mistral.mistral-large-2402-v1:0, mistral",
        "cohere.command-r-v1:0, cohere",
        "ai21.jamba-1-5-large-v1:0, ai21",
        "deepseek.v3.2, deepseek",
        "openai.gpt-oss-120b-1:0, openai",
        "qwen.qwen3-coder-next, qwen",
        "us.writer.palmyra-x5-v1:0, writer",
        "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0, meta",
    })
    void shouldNameTheProvider(String id, String provider) {
        assertThat(ModelIds.provider(id)).isEqualTo(provider);
    }

    @Test
    void shouldReturnNullProviderForUnknownVendorOrShorthand() {
        assertThat(ModelIds.provider("claude-sonnet-4-5-20250929-v1:0")).isNull();
        assertThat(ModelIds.provider("acme.model-v1")).isNull();
        assertThat(ModelIds.provider(".x")).isNull();
    }

    @Test
    void shouldBeNullSafe() {
        assertThat(ModelIds.stripArn(null)).isNull();
        assertThat(ModelIds.stripGeoPrefix(null)).isNull();
        assertThat(ModelIds.provider(null)).isNull();
        assertThat(ModelIds.profileScope(null)).isNull();
        assertThat(ModelIds.isApplicationInferenceProfileArn(null)).isFalse();
    }

    @Test
    void shouldNotStripABarePrefixWithoutModel() {
        assertThat(ModelIds.stripGeoPrefix("us.")).isEqualTo("us.");
        assertThat(ModelIds.profileScope("us.")).isEqualTo(ModelIds.NO_SCOPE);
    }
}
