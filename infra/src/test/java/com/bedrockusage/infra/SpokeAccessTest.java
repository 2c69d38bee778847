package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hub's side of the spokes (infra/template.yaml): who may subscribe to the destination, what
 * the destination may write, what the application may read of the spokes' buckets, and that a hub
 * without spokes is unchanged.
 */
class SpokeAccessTest {

    private static final CfnTemplate T = CfnTemplate.load();
    private static final CfnTemplate SPOKE = CfnTemplate.load("spoke.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESTINATION_ARN =
            "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:destination:${AWS::StackName}-spokes";

    @Test
    void shouldChangeNothingForAHubWithoutSpokes() {
        for (String p : List.of("SpokeAccountIds", "SpokeOrganizationId", "SpokeLogLocations")) {
            assertThat(T.parameters().path(p).path("Default").asText()).as(p).isEmpty();
        }
        assertThat(T.resource("SpokeDestination").path("Condition").asText())
                .isEqualTo("ReceiveSpokeStreams");
        assertThat(T.resource("SpokeDestinationRole").path("Condition").asText())
                .isEqualTo("ReceiveSpokeStreams");
        assertThat(T.conditions().path("ReceiveSpokeStreams").toString())
                .contains("HasSpokes", "UseKinesisSource");
        assertThat(T.conditions().path("ReadSpokeBuckets").toString())
                .contains("HasSpokes", "UseS3Source");
        for (String sid :
                List.of(
                        "ReadSpokeLogFiles",
                        "ListSpokeLogFiles",
                        "LocateSpokeLogBuckets",
                        "DecryptSpokeLogFiles")) {
            assertThat(applicationStatementIf(sid).get(0).asText())
                    .as(sid)
                    .isEqualTo("ReadSpokeBuckets");
        }
    }

    @Test
    void shouldLetOnlyTheOrganizationOrTheListedAccountsSubscribeToTheDestination()
            throws Exception {
        JsonNode props = T.resource("SpokeDestination").path("Properties");
        assertThat(CfnTemplate.alternatives(props.get("DestinationName")))
                .containsExactly("${AWS::StackName}-spokes");
        assertThat(CfnTemplate.alternatives(props.get("TargetArn")))
                .containsExactly("${LogStream.Arn}");
        assertThat(CfnTemplate.alternatives(props.get("RoleArn")))
                .containsExactly("${SpokeDestinationRole.Arn}");
        JsonNode policy = props.path("DestinationPolicy").path("Fn::If");
        assertThat(policy.get(0).asText()).isEqualTo("HasSpokeOrganization");

        JsonNode org = statement(policy.get(1).path("Fn::Sub").asText());
        assertThat(org.path("Principal").asText()).isEqualTo("*");
        assertThat(org.at("/Condition/StringEquals/aws:PrincipalOrgID").asText())
                .isEqualTo("${SpokeOrganizationId}");

        JsonNode sub = policy.get(2).path("Fn::Sub");
        JsonNode accounts = statement(sub.get(0).asText());
        assertThat(accounts.at("/Principal/AWS")).hasSize(1);
        assertThat(accounts.at("/Principal/AWS/0").asText()).isEqualTo("${Accounts}");
        // ["${Accounts}"] with the accounts joined by "," inside the quotes: one string per account
        assertThat(sub.get(1).at("/Accounts/Fn::Join/0").asText()).isEqualTo("\", \"");
        assertThat(sub.get(1).at("/Accounts/Fn::Join/1/Ref").asText()).isEqualTo("SpokeAccountIds");
        assertThat(accounts.has("Condition")).isFalse();

        for (JsonNode st : List.of(org, accounts)) {
            assertThat(st.path("Effect").asText()).isEqualTo("Allow");
            assertThat(st.path("Action").asText()).isEqualTo("logs:PutSubscriptionFilter");
            assertThat(st.path("Resource").asText()).isEqualTo(DESTINATION_ARN);
        }
    }

    @Test
    void shouldLetTheDestinationOnlyPutIntoTheStreamAndBeAssumedOnlyForTheSpokes() {
        JsonNode role = T.resource("SpokeDestinationRole").path("Properties");
        JsonNode st = role.at("/Policies/0/PolicyDocument/Statement/0");
        assertThat(CfnTemplate.alternatives(st.get("Action")))
                .containsExactlyInAnyOrder("kinesis:PutRecord", "kinesis:PutRecords");
        assertThat(CfnTemplate.alternatives(st.get("Resource")))
                .containsExactly("${LogStream.Arn}");
        assertThat(role.at("/Policies")).hasSize(1);
        assertThat(role.at("/Policies/0/PolicyDocument/Statement")).hasSize(1);

        JsonNode trust = role.at("/AssumeRolePolicyDocument/Statement/0");
        assertThat(trust.at("/Principal/Service").asText()).isEqualTo("logs.amazonaws.com");
        JsonNode branches = trust.path("Condition").path("Fn::If");
        assertThat(branches.get(0).asText()).isEqualTo("HasSpokeOrganization");
        for (JsonNode branch : List.of(branches.get(1), branches.get(2))) {
            assertThat(CfnTemplate.alternatives(branch.at("/StringLike/aws:SourceArn")))
                    .containsExactly("arn:${AWS::Partition}:logs:${AWS::Region}:*:*");
        }
        String accounts = branches.get(2).at("/StringEquals/aws:SourceAccount").toString();
        assertThat(accounts).contains("AWS::AccountId", "SpokeAccountIds");
    }

    @Test
    void shouldLetTheApplicationReadOnlyTheSpokesLogPrefixInTheirAccountsOrOrganization() {
        String bucket = "arn:${AWS::Partition}:s3:::${SpokeLogBucketPrefix}-*";
        Map<String, List<String>> expected =
                Map.of(
                        "ReadSpokeLogFiles",
                                List.of(
                                        bucket + "/${SpokeLogKeyPrefix}",
                                        bucket + "/${SpokeLogKeyPrefix}/*"),
                        "ListSpokeLogFiles", List.of(bucket),
                        "LocateSpokeLogBuckets", List.of(bucket));
        Map<String, String> actions =
                Map.of(
                        "ReadSpokeLogFiles",
                        "s3:GetObject",
                        "ListSpokeLogFiles",
                        "s3:ListBucket",
                        "LocateSpokeLogBuckets",
                        "s3:GetBucketLocation");
        assertThat(IamLeastPrivilegeTest.SPOKE_BUCKET_SIDS).isEqualTo(expected.keySet());
        for (String sid : expected.keySet()) {
            JsonNode st = applicationStatementIf(sid).get(1);
            assertThat(CfnTemplate.alternatives(st.get("Action")))
                    .as(sid)
                    .containsExactly(actions.get(sid));
            assertThat(CfnTemplate.alternatives(st.get("Resource")))
                    .as(sid)
                    .containsExactlyElementsOf(expected.get(sid));
            JsonNode branches = st.path("Condition").path("Fn::If");
            assertThat(branches.get(0).asText()).isEqualTo("HasSpokeOrganization");
            assertThat(
                            CfnTemplate.alternatives(
                                    branches.get(1).at("/StringEquals/aws:ResourceOrgID")))
                    .as(sid)
                    .containsExactly("${SpokeOrganizationId}");
            assertThat(
                            CfnTemplate.alternatives(
                                    branches.get(2).at("/StringEquals/s3:ResourceAccount")))
                    .as(sid)
                    .containsExactly("${SpokeAccountIds}");
            if (sid.equals("ListSpokeLogFiles")) {
                for (JsonNode branch : List.of(branches.get(1), branches.get(2))) {
                    assertThat(CfnTemplate.alternatives(branch.at("/StringLike/s3:prefix")))
                            .containsExactly("${SpokeLogKeyPrefix}", "${SpokeLogKeyPrefix}/*");
                }
            }
        }
    }

    @Test
    void shouldDecryptOnlyWithTheSpokesKeysThroughS3() {
        JsonNode st = applicationStatementIf(IamLeastPrivilegeTest.DECRYPT_SPOKE_LOGS_SID).get(1);
        assertThat(CfnTemplate.alternatives(st.get("Action"))).containsExactly("kms:Decrypt");
        JsonNode branches = st.path("Condition").path("Fn::If");
        List<String> pins =
                List.of("/StringEquals/aws:ResourceOrgID", "/StringEquals/aws:ResourceAccount");
        for (int i = 1; i <= 2; i++) {
            JsonNode c = branches.get(i);
            assertThat(c.at("/StringLike/kms:ViaService").asText()).isEqualTo("s3.*.amazonaws.com");
            assertThat(
                            CfnTemplate.alternatives(
                                    c.at("/ForAnyValue:StringEquals/kms:ResourceAliases")))
                    .containsExactly("alias/${SpokeLogBucketPrefix}");
            assertThat(CfnTemplate.alternatives(c.at(pins.get(i - 1))))
                    .containsExactly(i == 1 ? "${SpokeOrganizationId}" : "${SpokeAccountIds}");
        }
        // the spoke's key carries that alias
        assertThat(
                        CfnTemplate.alternatives(
                                SPOKE.resource("LogBucketKeyAlias").at("/Properties/AliasName")))
                .containsExactly("alias/${LogBucketNamePrefix}");
    }

    @Test
    void shouldPassTheSpokeLocationsToTheJobAsSourceS3Paths() {
        JsonNode paths = T.applicationProperties("source.s3").path("paths");
        assertThat(paths.at("/Fn::If/0").asText()).isEqualTo("ReadSpokeLocations");
        assertThat(CfnTemplate.alternatives(paths)).containsExactly("${SpokeLogLocations}");
        String pattern = T.parameters().at("/SpokeLogLocations/AllowedPattern").asText();
        assertThat("s3://bedrock-usage-logs-111122223333-us-east-1/bedrock-logs").matches(pattern);
        assertThat(
                        "s3://bedrock-usage-logs-111122223333-us-east-1/bedrock-logs,"
                                + "s3://bedrock-usage-logs-444455556666-eu-west-1/bedrock-logs")
                .matches(pattern);
        assertThat("").matches(pattern);
        assertThat("s3://a-bucket/x, s3://b-bucket/y").doesNotMatch(pattern);
        assertThat("file:///tmp/logs").doesNotMatch(pattern);
    }

    @Test
    void shouldAgreeWithTheSpokeOnBucketNamesAndPrefixes() {
        assertThat(SPOKE.parameters().at("/LogBucketNamePrefix/Default").asText())
                .isEqualTo(T.parameters().at("/SpokeLogBucketPrefix/Default").asText());
        assertThat(SPOKE.parameters().at("/LogKeyPrefix/Default").asText())
                .isEqualTo(T.parameters().at("/SpokeLogKeyPrefix/Default").asText());
        assertThat(SPOKE.parameters().at("/LogBucketNamePrefix/AllowedPattern").asText())
                .isEqualTo(T.parameters().at("/SpokeLogBucketPrefix/AllowedPattern").asText());
        assertThat(
                        CfnTemplate.alternatives(
                                SPOKE.resource("LogBucket").at("/Properties/BucketName")))
                .containsExactly("${LogBucketNamePrefix}-${AWS::AccountId}-${AWS::Region}");
        assertThat(CfnTemplate.alternatives(T.outputs().at("/ApplicationRoleArn/Value")))
                .containsExactly("${ApplicationRole.Arn}");
        assertThat(CfnTemplate.alternatives(T.outputs().at("/SpokeDestinationArn/Value")))
                .containsExactly("${SpokeDestination.Arn}");
    }

    /**
     * The Fn::If [condition, statement, NoValue] of the application role's statement with this Sid.
     */
    private static JsonNode applicationStatementIf(String sid) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode st :
                T.resource("ApplicationRole")
                        .at("/Properties/Policies/0/PolicyDocument/Statement")) {
            JsonNode branches = st.path("Fn::If");
            if (branches.isArray() && sid.equals(branches.get(1).path("Sid").asText())) {
                assertThat(CfnTemplate.isNoValue(branches.get(2))).isTrue();
                found.add(branches);
            }
        }
        assertThat(found).as(sid).hasSize(1);
        return found.get(0);
    }

    private static JsonNode statement(String policy) throws Exception {
        JsonNode doc = JSON.readTree(policy);
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(doc.path("Statement")).hasSize(1);
        JsonNode st = doc.path("Statement").get(0);
        assertThat(Set.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition"))
                .containsAll(CfnTemplate.fieldNames(st));
        return st;
    }
}
