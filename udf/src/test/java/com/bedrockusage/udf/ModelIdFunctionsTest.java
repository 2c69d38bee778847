package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelIdFunctionsTest {

    private final ModelProvider provider = new ModelProvider();
    private final InferenceProfileScope scope = new InferenceProfileScope();

    @Test
    void shouldNameTheProviderOfIdsProfilesAndArns() {
        assertThat(provider.eval("anthropic.claude-3-haiku-20240307-v1:0")).isEqualTo("anthropic");
        assertThat(provider.eval("us.amazon.nova-lite-v1:0")).isEqualTo("amazon");
        assertThat(
                        provider.eval(
                                "arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-1-8b-instruct-v1:0"))
                .isEqualTo("meta");
    }

    @Test
    void shouldGiveTheProfileScopeOrNone() {
        assertThat(scope.eval("us.anthropic.claude-3-haiku-20240307-v1:0")).isEqualTo("us");
        assertThat(scope.eval("eu.amazon.nova-lite-v1:0")).isEqualTo("eu");
        assertThat(scope.eval("apac.anthropic.claude-3-haiku-20240307-v1:0")).isEqualTo("apac");
        assertThat(scope.eval("global.anthropic.claude-sonnet-4-5-20250929-v1:0"))
                .isEqualTo("global");
        assertThat(
                        scope.eval(
                                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"))
                .isEqualTo("us");
        assertThat(scope.eval("anthropic.claude-3-haiku-20240307-v1:0")).isEqualTo("none");
        assertThat(
                        scope.eval(
                                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6"))
                .as("unknown, not in-region: it may wrap a cross-region profile")
                .isNull();
    }

    @Test
    void shouldReturnNullForNullAndUnrecognisedIds() {
        assertThat(provider.eval(null)).isNull();
        assertThat(provider.eval("")).isNull();
        assertThat(provider.eval("acme.model-v1")).isNull();
        assertThat(provider.eval("nodots")).isNull();
        assertThat(scope.eval(null)).isNull();
    }
}
