package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Hub and spoke switch Bedrock logging on with the same custom resource: each wires it to its own
 * function, bucket, key prefix, log group and role.
 */
final class BedrockLoggingWiring {

    /** The custom resource's property, and what it must refer to. */
    private static final Map<String, String> REFERENCES =
            Map.of(
                    "ServiceToken", "${LoggingConfigFunction.Arn}",
                    "BucketName", "${LogBucket}",
                    "KeyPrefix", "${LogKeyPrefix}",
                    "LogGroupName", "${BedrockLogGroup}",
                    "RoleArn", "${BedrockLoggingRole.Arn}");

    private BedrockLoggingWiring() {}

    static void assertWiredToItsOwnStack(CfnTemplate template) {
        JsonNode props = template.resource("BedrockInvocationLogging").path("Properties");
        REFERENCES.forEach(
                (property, reference) ->
                        assertThat(CfnTemplate.alternatives(props.get(property)))
                                .as(property)
                                .containsExactly(reference));
    }
}
