package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/spoke.yaml, deployed to every member account and region (a StackSet): Bedrock logging into
 * its own bucket and log group, forwarded to the hub, readable only by the hub's application role,
 * and gone without a trace on delete.
 */
class SpokeTemplateTest {

    private static final CfnTemplate S = CfnTemplate.load("spoke.yaml");
    private static final CfnTemplate HUB = CfnTemplate.load();
    private static final String HUB_ROOT = "arn:${AWS::Partition}:iam::${Hub}:root";

    @Test
    void shouldBeStackSetReady() {
        assertThat(Pattern.compile("\\b\\d{12}\\b").matcher(S.text).find())
                .as("a hard-coded account id")
                .isFalse();
        assertThat(S.text)
                .doesNotContain("RoleName:", "!Ref", "!Sub", "!GetAtt", "Fn::ImportValue");
        // every required parameter is the same for every account and region of an OU
        List<String> required = new ArrayList<>();
        S.parameters()
                .fields()
                .forEachRemaining(
                        e -> {
                            if (!e.getValue().has("Default")) {
                                required.add(e.getKey());
                            }
                        });
        assertThat(required).containsExactly("HubReaderRoleArn");
        S.resources()
                .fields()
                .forEachRemaining(
                        e ->
                                assertThat(e.getValue().path("DeletionPolicy").asText("Delete"))
                                        .as(e.getKey())
                                        .isEqualTo("Delete"));
    }

    @Test
    void shouldReferOnlyToDeclaredNames() {
        Set<String> declared = new HashSet<>(CfnTemplate.PSEUDO_PARAMETERS);
        declared.addAll(CfnTemplate.fieldNames(S.resources()));
        declared.addAll(CfnTemplate.fieldNames(S.parameters()));
        Set<String> used = new HashSet<>(CfnTemplate.references(S.resources()));
        used.addAll(CfnTemplate.references(S.outputs()));
        used.addAll(CfnTemplate.references(S.conditions()));
        assertThat(declared).containsAll(used);
    }

    @Test
    void shouldTurnOnBedrockLoggingIntoItsOwnBucketAndLogGroupWithTheHubsCode() {
        BedrockLoggingWiring.assertWiredToItsOwnStack(S);
        // the same function as the hub's (BedrockLoggingFunctionTest runs it): it refuses to
        // overwrite a
        // configuration it did not set and deletes only its own
        assertThat(code(S, "LoggingConfigFunction")).isEqualTo(code(HUB, "LoggingConfigFunction"));
        assertThat(S.resource("BedrockLogGroup").at("/Properties/RetentionInDays/Ref").asText())
                .isEqualTo("LogRetentionDays");
    }

    @Test
    void shouldTurnLoggingOffBeforeEmptyingTheBucketOnDelete() {
        // CloudFormation deletes a resource before those it depends on
        assertThat(CfnTemplate.items(S.resource("BedrockInvocationLogging").path("DependsOn")))
                .extracting(JsonNode::asText)
                .contains("LogBucketPolicy", "EmptyLogBucketOnDelete");
        JsonNode emptier = S.resource("EmptyLogBucketOnDelete").path("Properties");
        assertThat(CfnTemplate.alternatives(emptier.get("BucketName")))
                .containsExactly("${LogBucket}");
        assertThat(code(S, "BucketEmptierFunction"))
                .contains("if event[\"RequestType\"] == \"Delete\"", "delete_objects");
        assertThat(statements("BucketEmptierRole"))
                .allSatisfy(
                        st ->
                                assertThat(CfnTemplate.alternatives(st.get("Resource")))
                                        .allMatch(
                                                r ->
                                                        r.contains("LogBucket")
                                                                || r.contains(
                                                                        "BucketEmptierLogGroup")));
    }

    @Test
    void shouldSubscribeTheLogGroupToTheHubsDestination() {
        JsonNode sub = S.resource("HubSubscription");
        assertThat(sub.path("Type").asText()).isEqualTo("AWS::Logs::SubscriptionFilter");
        assertThat(sub.path("Condition").asText()).isEqualTo("HasDestination");
        JsonNode props = sub.path("Properties");
        assertThat(CfnTemplate.alternatives(props.get("LogGroupName")))
                .containsExactly("${BedrockLogGroup}");
        assertThat(CfnTemplate.alternatives(props.get("DestinationArn")))
                .containsExactly("${HubDestinationArn}");
        assertThat(CfnTemplate.alternatives(props.get("RoleArn")))
                .containsExactly("${SubscriptionRole.Arn}");
        assertThat(props.path("FilterPattern").asText()).isEmpty();
        assertThat(statements("SubscriptionRole"))
                .singleElement()
                .satisfies(
                        st -> {
                            assertThat(CfnTemplate.alternatives(st.get("Action")))
                                    .containsExactly("logs:PutLogEvents");
                            assertThat(CfnTemplate.alternatives(st.get("Resource")))
                                    .containsExactly("${HubDestinationArn}");
                        });
        assertThat(S.parameters().at("/HubDestinationArn/AllowedPattern").asText())
                .startsWith("^(arn:aws");
    }

    @Test
    void shouldLetOnlyTheHubsApplicationRoleReadOnlyTheLogPrefix() {
        List<JsonNode> hub = new ArrayList<>();
        for (JsonNode st : bucketPolicy()) {
            JsonNode principal = st.path("Principal");
            if (st.path("Effect").asText().equals("Deny")) {
                assertThat(st.at("/Condition/Bool/aws:SecureTransport").asText())
                        .isEqualTo("false");
                continue;
            }
            if (principal.path("Service").asText().equals("bedrock.amazonaws.com")) {
                assertThat(CfnTemplate.alternatives(st.get("Action")))
                        .containsExactly("s3:PutObject");
                assertThat(st.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText())
                        .isEqualTo("AWS::AccountId");
                continue;
            }
            assertHubAccountRoot(principal.get("AWS"));
            assertThat(CfnTemplate.alternatives(st.at("/Condition/ArnEquals/aws:PrincipalArn")))
                    .as(st.toString())
                    .containsExactly("${HubReaderRoleArn}");
            hub.add(st);
        }
        assertThat(hub)
                .extracting(st -> st.path("Sid").asText())
                .containsExactlyInAnyOrder(
                        "HubReadsLogPrefix", "HubListsLogPrefix", "HubLocatesBucket");
        for (JsonNode st : hub) {
            List<String> actions = CfnTemplate.alternatives(st.get("Action"));
            List<String> resources = CfnTemplate.alternatives(st.get("Resource"));
            assertThat(actions).hasSize(1);
            switch (actions.get(0)) {
                case "s3:GetObject" ->
                        assertThat(resources)
                                .containsExactly(
                                        "${LogBucket.Arn}/${LogKeyPrefix}",
                                        "${LogBucket.Arn}/${LogKeyPrefix}/*");
                case "s3:ListBucket" -> {
                    assertThat(resources).containsExactly("${LogBucket.Arn}");
                    assertThat(CfnTemplate.alternatives(st.at("/Condition/StringLike/s3:prefix")))
                            .containsExactly("${LogKeyPrefix}", "${LogKeyPrefix}/*");
                }
                case "s3:GetBucketLocation" ->
                        assertThat(resources).containsExactly("${LogBucket.Arn}");
                default -> throw new AssertionError("unexpected action " + actions);
            }
        }
    }

    @Test
    void shouldEncryptWithItsOwnKeyWhenAskedAndLetTheHubDecryptOnlyThroughS3() {
        JsonNode encryption =
                S.resource("LogBucket")
                        .at(
                                "/Properties/BucketEncryption/ServerSideEncryptionConfiguration/0/Fn::If");
        assertThat(encryption.get(0).asText()).isEqualTo("UseKms");
        assertThat(encryption.get(1).at("/ServerSideEncryptionByDefault/SSEAlgorithm").asText())
                .isEqualTo("aws:kms");
        assertThat(
                        CfnTemplate.alternatives(
                                encryption
                                        .get(1)
                                        .at("/ServerSideEncryptionByDefault/KMSMasterKeyID")))
                .containsExactly("${LogBucketKey.Arn}");
        assertThat(encryption.get(2).at("/ServerSideEncryptionByDefault/SSEAlgorithm").asText())
                .isEqualTo("AES256");
        assertThat(S.resource("LogBucketKey").path("Condition").asText()).isEqualTo("UseKms");

        JsonNode hub = null;
        for (JsonNode st : S.resource("LogBucketKey").at("/Properties/KeyPolicy/Statement")) {
            if (st.path("Sid").asText().equals("HubReadsLogsThroughS3")) {
                hub = st;
            }
            if (st.path("Sid").asText().equals("BedrockWritesLogs")) {
                assertThat(st.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText())
                        .isEqualTo("AWS::AccountId");
            }
        }
        assertThat(hub).isNotNull();
        assertThat(CfnTemplate.alternatives(hub.get("Action"))).containsExactly("kms:Decrypt");
        assertHubAccountRoot(hub.at("/Principal/AWS"));
        assertThat(CfnTemplate.alternatives(hub.at("/Condition/ArnEquals/aws:PrincipalArn")))
                .containsExactly("${HubReaderRoleArn}");
        assertThat(CfnTemplate.alternatives(hub.at("/Condition/StringEquals/kms:ViaService")))
                .containsExactly("s3.${AWS::Region}.amazonaws.com");
    }

    @Test
    void shouldGrantItsRolesOnlyNamedResourcesAndGuardServiceRoles() {
        Set<String> resourceless =
                Set.of(
                        "bedrock:GetModelInvocationLoggingConfiguration",
                        "bedrock:PutModelInvocationLoggingConfiguration",
                        "bedrock:DeleteModelInvocationLoggingConfiguration");
        for (String role : S.resourceIdsOfType("AWS::IAM::Role")) {
            for (JsonNode st : statements(role)) {
                List<String> resources = CfnTemplate.alternatives(st.get("Resource"));
                assertThat(resources).as(role).isNotEmpty();
                if (resources.contains("*")) {
                    assertThat(resourceless)
                            .as(role)
                            .containsAll(CfnTemplate.alternatives(st.get("Action")));
                }
                assertThat(CfnTemplate.alternatives(st.get("Action")))
                        .as(role)
                        .noneMatch(a -> a.contains("*"));
            }
            for (JsonNode st :
                    CfnTemplate.items(
                            S.resource(role)
                                    .at("/Properties/AssumeRolePolicyDocument/Statement"))) {
                String service = st.at("/Principal/Service").asText();
                if (!service.equals("lambda.amazonaws.com")) {
                    assertThat(st.path("Condition").toString())
                            .as(role)
                            .contains("${AWS::AccountId}");
                }
            }
        }
    }

    /** {@code arn:…:iam::HUB:root}, HUB the account of HubReaderRoleArn (its fifth ':' field). */
    private static void assertHubAccountRoot(JsonNode principal) {
        JsonNode sub = principal.path("Fn::Sub");
        assertThat(sub.get(0).asText()).isEqualTo(HUB_ROOT);
        assertThat(sub.get(1).at("/Hub/Fn::Select/0").asInt()).isEqualTo(4);
        assertThat(sub.get(1).at("/Hub/Fn::Select/1/Fn::Split/0").asText()).isEqualTo(":");
        assertThat(sub.get(1).at("/Hub/Fn::Select/1/Fn::Split/1/Ref").asText())
                .isEqualTo("HubReaderRoleArn");
    }

    private static List<JsonNode> bucketPolicy() {
        return CfnTemplate.items(
                S.resource("LogBucketPolicy").at("/Properties/PolicyDocument/Statement"));
    }

    private static List<JsonNode> statements(String role) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode policy : S.resource(role).at("/Properties/Policies")) {
            out.addAll(CfnTemplate.items(policy.at("/PolicyDocument/Statement")));
        }
        return out;
    }

    private static String code(CfnTemplate t, String function) {
        return t.resource(function).at("/Properties/Code/ZipFile").asText();
    }
}
