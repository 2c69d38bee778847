package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The identity policies of the template's roles grant each principal only what it uses, on named
 * resources.
 */
class IamLeastPrivilegeTest {

    private static final CfnTemplate T = CfnTemplate.load();
    private static final Set<String> DATA_PLANE =
            Set.of("s3", "kinesis", "sns", "glue", "kms", "logs");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * Actions whose only possible resource is "*" (no resource-level permissions exist for them).
     */
    private static final Set<String> RESOURCELESS_ACTIONS =
            Set.of(
                    "bedrock:GetModelInvocationLoggingConfiguration",
                    "bedrock:PutModelInvocationLoggingConfiguration",
                    "bedrock:DeleteModelInvocationLoggingConfiguration");

    /**
     * The documented exception: MSF checks its logging destination with an account-wide, name-only
     * list.
     */
    private static final String DESCRIBE_LOG_GROUPS_SID = "DescribeLogGroupsForMsfLogging";

    /**
     * The other documented exception: the spokes' bucket keys are created in their accounts, so
     * only their alias, their account or organization and the use through S3 name them (conditions
     * checked in {@link SpokeAccessTest}).
     */
    static final String DECRYPT_SPOKE_LOGS_SID = "DecryptSpokeLogFiles";

    /**
     * Statements on the spokes' buckets, pinned to the spoke accounts or organization instead of
     * this account.
     */
    static final Set<String> SPOKE_BUCKET_SIDS =
            Set.of("ReadSpokeLogFiles", "ListSpokeLogFiles", "LocateSpokeLogBuckets");

    private static final String GLUE_CATALOG =
            "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog";

    record Statement(String role, JsonNode node) {
        String sid() {
            return node.path("Sid").asText("");
        }

        boolean allows() {
            return "Allow".equals(node.path("Effect").asText());
        }

        List<String> actions() {
            return CfnTemplate.alternatives(node.path("Action"));
        }

        List<String> resources() {
            return CfnTemplate.alternatives(node.path("Resource"));
        }

        boolean touches(String service) {
            return actions().stream().anyMatch(a -> a.startsWith(service + ":"));
        }

        @Override
        public String toString() {
            return role + "/" + (sid().isEmpty() ? actions() : sid());
        }
    }

    @Test
    void shouldNeverGrantDataPlaneActionsOnWildcardResources() {
        List<Statement> checked = new ArrayList<>();
        for (Statement s : identityStatements()) {
            if (!s.allows()
                    || s.actions().stream()
                            .noneMatch(a -> DATA_PLANE.contains(a.split(":", 2)[0]))) {
                continue;
            }
            checked.add(s);
            assertThat(s.node.has("NotResource")).as(s.toString()).isFalse();
            assertThat(s.resources()).as(s.toString()).isNotEmpty();
            for (String r : s.resources()) {
                if (s.sid().equals(DESCRIBE_LOG_GROUPS_SID)) {
                    assertThat(s.actions()).containsExactly("logs:DescribeLogGroups");
                    assertThat(r)
                            .isEqualTo(
                                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*");
                    continue;
                }
                if (s.sid().equals(DECRYPT_SPOKE_LOGS_SID)) {
                    assertThat(s.actions()).containsExactly("kms:Decrypt");
                    assertThat(r).isEqualTo("arn:${AWS::Partition}:kms:*:*:key/*");
                    continue;
                }
                if (r.equals(GLUE_CATALOG)) {
                    continue;
                }
                int named = firstNamedReference(r);
                assertThat(named)
                        .as(s + " names no resource of the stack or parameter: " + r)
                        .isGreaterThanOrEqualTo(0);
                int star = r.indexOf('*');
                assertThat(star < 0 || star > named)
                        .as(s + " has a wildcard before its named resource: " + r)
                        .isTrue();
            }
        }
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void shouldUseWildcardResourcesOnlyForActionsWithoutResourceTypes() {
        for (Statement s : identityStatements()) {
            if (s.resources().contains("*")) {
                assertThat(RESOURCELESS_ACTIONS).as(s.toString()).containsAll(s.actions());
            }
        }
    }

    @Test
    void shouldNameEveryActionWithoutWildcards() {
        for (Statement s : identityStatements()) {
            assertThat(s.node.has("NotAction")).as(s.toString()).isFalse();
            assertThat(s.actions()).as(s.toString()).isNotEmpty().noneMatch(a -> a.contains("*"));
        }
    }

    @Test
    void shouldLetTheApplicationReadExactlyItsLogStream() {
        List<Statement> kinesis =
                applicationStatements().stream().filter(s -> s.touches("kinesis")).toList();
        assertThat(kinesis).isNotEmpty();
        for (Statement s : kinesis) {
            assertThat(s.actions())
                    .as(s.toString())
                    .allMatch(a -> a.matches("kinesis:(Get|Describe|List)\\w+"));
            assertThat(s.resources()).as(s.toString()).containsOnly("${LogStream.Arn}");
        }
    }

    @Test
    void shouldLetTheApplicationReadOnlyTheLogPrefixOfTheLogBucket() {
        List<Statement> logBucket =
                applicationStatements().stream()
                        .filter(
                                s ->
                                        s.resources().stream()
                                                .anyMatch(
                                                        r ->
                                                                r.contains("${LogBucket}")
                                                                        || r.contains(
                                                                                "${ExistingLogBucket}")))
                        .toList();
        assertThat(logBucket).isNotEmpty();
        List<String> objects = new ArrayList<>();
        for (Statement s : logBucket) {
            assertThat(s.actions())
                    .as(s.toString())
                    .isSubsetOf("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation");
            if (s.actions().contains("s3:GetObject")) {
                assertThat(s.actions()).as(s.toString()).containsExactly("s3:GetObject");
                objects.addAll(s.resources());
            }
            if (s.actions().contains("s3:ListBucket")) {
                JsonNode prefix =
                        s.node.path("Condition")
                                .path("StringLike")
                                .path("Fn::If")
                                .get(1)
                                .path("s3:prefix");
                assertThat(CfnTemplate.alternatives(prefix))
                        .containsExactly("${LogKeyPrefix}", "${LogKeyPrefix}/*");
            }
        }
        String s3 = "arn:${AWS::Partition}:s3:::";
        assertThat(objects)
                .containsExactlyInAnyOrder(
                        s3 + "${LogBucket}/${LogKeyPrefix}",
                                s3 + "${ExistingLogBucket}/${LogKeyPrefix}",
                        s3 + "${LogBucket}/${LogKeyPrefix}/*",
                                s3 + "${ExistingLogBucket}/${LogKeyPrefix}/*",
                        // the whole bucket only when the prefix is empty, which the Rules allow for
                        // an existing bucket
                        s3 + "${LogBucket}/*", s3 + "${ExistingLogBucket}/*");
    }

    @Test
    void shouldLetTheApplicationWriteOnlyTheWarehouseTheCatalogAndTheTopic() {
        List<String> s3Writes = new ArrayList<>();
        List<String> glueWrites = new ArrayList<>();
        List<String> snsWrites = new ArrayList<>();
        for (Statement s : applicationStatements()) {
            List<String> writes =
                    s.actions().stream().filter(IamLeastPrivilegeTest::isWrite).toList();
            if (writes.isEmpty()) {
                continue;
            }
            assertThat(writes)
                    .as(s.toString())
                    .noneMatch(a -> a.startsWith("kinesis:") || a.startsWith("logs:Create"));
            if (s.touches("s3")) {
                s3Writes.addAll(s.resources());
            } else if (s.touches("glue")) {
                glueWrites.addAll(s.resources());
            } else if (s.touches("sns")) {
                snsWrites.addAll(s.resources());
            } else if (s.touches("kms")) {
                assertThat(s.resources()).as(s.toString()).containsExactly("${AlertTopicKey.Arn}");
            } else {
                assertThat(writes).as(s.toString()).containsOnly("logs:PutLogEvents");
                assertThat(s.resources())
                        .singleElement()
                        .asString()
                        .contains("${ApplicationLogGroup}", "${ApplicationLogStream}");
            }
        }
        assertThat(s3Writes).containsExactly("${WarehouseBucket.Arn}/*");
        assertThat(snsWrites).containsExactly("${AlertTopic}");
        assertThat(glueWrites)
                .allMatch(r -> r.equals(GLUE_CATALOG) || r.contains("${GlueDatabase}"))
                .hasSize(3);
    }

    @Test
    void shouldLetTheApplicationOnlyReadTheCodeBucket() {
        for (Statement s : applicationStatements()) {
            if (s.resources().stream().anyMatch(r -> r.contains("${CodeBucket}"))) {
                assertThat(s.actions())
                        .as(s.toString())
                        .isSubsetOf("s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket");
            }
        }
    }

    /**
     * The artifacts bucket's name is predictable: a bucket of that name in another account must
     * serve nothing.
     */
    @Test
    void shouldLimitEveryS3StatementToBucketsOfThisAccount() {
        List<Statement> s3 =
                identityStatements().stream().filter(s -> s.allows() && s.touches("s3")).toList();
        assertThat(s3)
                .extracting(Statement::sid)
                .contains(
                        "ReadApplicationCode",
                        "ReadPriceCatalogue",
                        "ReadAlertRules",
                        "ReadPriceUpdates",
                        "ListPriceUpdates",
                        "WriteWarehouseObjects");
        for (Statement s : s3) {
            if (SPOKE_BUCKET_SIDS.contains(s.sid())) {
                continue; // SpokeAccessTest: pinned to the spoke accounts or the organization
            }
            JsonNode account =
                    s.node.path("Condition").path("StringEquals").path("s3:ResourceAccount");
            assertThat(CfnTemplate.alternatives(account))
                    .as(s.toString())
                    .containsExactly("${AWS::AccountId}");
        }
    }

    @Test
    void shouldLetCloudWatchLogsPutOnlyIntoTheLogStream() {
        assertOnlyStatement(
                "SubscriptionRole", "${LogStream.Arn}", "kinesis:PutRecord", "kinesis:PutRecords");
    }

    @Test
    void shouldLetBedrockWriteOnlyItsLogGroup() {
        assertOnlyStatement(
                "BedrockLoggingRole",
                "${BedrockLogGroup.Arn}",
                "logs:CreateLogStream",
                "logs:PutLogEvents");
    }

    /** The role's policies hold one statement: these actions on this one resource. */
    private static void assertOnlyStatement(String role, String resource, String... actions) {
        assertThat(statementsOf(role))
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.actions()).containsExactlyInAnyOrder(actions);
                            assertThat(s.resources()).containsExactly(resource);
                        });
    }

    @Test
    void shouldPassTheBedrockLoggingRoleOnlyToBedrock() {
        List<Statement> passRole =
                statementsOf("LoggingConfigFunctionRole").stream()
                        .filter(s -> s.actions().contains("iam:PassRole"))
                        .toList();
        assertThat(passRole)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.resources()).containsExactly("${BedrockLoggingRole.Arn}");
                            assertThat(
                                            s.node.at("/Condition/StringEquals/iam:PassedToService")
                                                    .asText())
                                    .isEqualTo("bedrock.amazonaws.com");
                        });
    }

    @Test
    void shouldGuardServiceRolesAgainstTheConfusedDeputy() {
        Set<String> guarded =
                Set.of(
                        "bedrock.amazonaws.com",
                        "logs.amazonaws.com",
                        "kinesisanalytics.amazonaws.com");
        int seen = 0;
        for (String role : T.resourceIdsOfType("AWS::IAM::Role")) {
            for (JsonNode st :
                    CfnTemplate.items(
                            T.resource(role)
                                    .at("/Properties/AssumeRolePolicyDocument/Statement"))) {
                String service = st.at("/Principal/Service").asText();
                if (guarded.contains(service)) {
                    seen++;
                    String conditions = st.path("Condition").toString();
                    assertThat(conditions)
                            .as(role)
                            .containsAnyOf("aws:SourceAccount", "aws:SourceArn");
                }
            }
        }
        // the hub's own logging, the stream's subscription, the application, the spokes'
        // destination
        assertThat(seen).isEqualTo(4);
    }

    private static boolean isWrite(String action) {
        return action.matches(
                "(s3:(Put|Delete|Abort|Restore)|glue:(Create|Update|Delete|Batch)|sns:Publish"
                        + "|kinesis:(Put|Create|Delete|Register|Merge|Split|Update|Increase|Decrease)|logs:(Put|Create|Delete)"
                        + "|kms:(GenerateDataKey|Encrypt)).*");
    }

    private static int firstNamedReference(String resource) {
        Matcher m = REFERENCE.matcher(resource);
        while (m.find()) {
            String name = m.group(1);
            String head = name.startsWith("AWS::") ? name : name.split("\\.", 2)[0];
            if (!CfnTemplate.PSEUDO_PARAMETERS.contains(head)) {
                return m.start();
            }
        }
        return -1;
    }

    private static List<Statement> applicationStatements() {
        return statementsOf("ApplicationRole");
    }

    private static List<Statement> statementsOf(String role) {
        return identityStatements().stream().filter(s -> s.role.equals(role)).toList();
    }

    private static List<Statement> identityStatements() {
        List<Statement> out = new ArrayList<>();
        for (String role : T.resourceIdsOfType("AWS::IAM::Role")) {
            for (JsonNode policy : T.resource(role).at("/Properties/Policies")) {
                for (JsonNode st : CfnTemplate.items(policy.at("/PolicyDocument/Statement"))) {
                    out.add(new Statement(role, st));
                }
            }
        }
        for (String type : new String[] {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"}) {
            for (String id : T.resourceIdsOfType(type)) {
                for (JsonNode st :
                        CfnTemplate.items(
                                T.resource(id).at("/Properties/PolicyDocument/Statement"))) {
                    out.add(new Statement(id, st));
                }
            }
        }
        return out;
    }
}
