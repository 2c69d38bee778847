package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hub and spoke switch Bedrock logging on with the same custom resource: each wires it to its own
 * function, bucket, key prefix, log group and role.
 */
final class BedrockLoggingWiring {

    private BedrockLoggingWiring() {}

    static void assertWiredToItsOwnStack(CfnTemplate template) {
        JsonNode props = template.resource("BedrockInvocationLogging").path("Properties");
        assertThat(CfnTemplate.alternatives(props.get("ServiceToken")))
                .containsExactly("${LoggingConfigFunction.Arn}");
        assertThat(CfnTemplate.alternatives(props.get("BucketName")))
                .containsExactly("${LogBucket}");
        assertThat(CfnTemplate.alternatives(props.get("KeyPrefix")))
                .containsExactly("${LogKeyPrefix}");
        assertThat(CfnTemplate.alternatives(props.get("LogGroupName")))
                .containsExactly("${BedrockLogGroup}");
        assertThat(CfnTemplate.alternatives(props.get("RoleArn")))
                .containsExactly("${BedrockLoggingRole.Arn}");
    }
}
