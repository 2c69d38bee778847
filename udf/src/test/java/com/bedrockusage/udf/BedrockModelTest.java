package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BedrockModelTest {

    private final BedrockModel model = new BedrockModel();

    @Test
    void shouldResolveBareIdsProfilesAndArnsToCatalogueIds() {
        assertThat(model.eval("anthropic.claude-3-haiku-20240307-v1:0"))
                .isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(
                        model.eval(
                                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"))
                .isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(model.eval("meta.llama3-1-8b-instruct-v1:0"))
                .isEqualTo("meta.llama3-1-8b-instruct-v1:0");
    }

    @Test
    void shouldReturnNullForUnknownEmptyAndNullIds() {
        assertThat(model.eval("acme.not-a-model")).isNull();
        assertThat(model.eval("")).isNull();
        assertThat(model.eval(null)).isNull();
        assertThat(
                        model.eval(
                                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123"))
                .isNull();
    }
}
