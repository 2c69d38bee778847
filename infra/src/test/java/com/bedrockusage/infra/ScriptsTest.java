package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy.sh and destroy.sh, run for real against a recording stand-in for the AWS CLI. */
class ScriptsTest {

    private static final Path INFRA = CfnTemplate.infraDir();
    private static final Path DEPLOY = INFRA.resolve("deploy.sh");
    private static final Path DESTROY = INFRA.resolve("destroy.sh");
    private static final String ARTIFACTS = "bedrock-usage-artifacts-123456789012-eu-west-1";

    @TempDir Path tmp;

    private Path bin;
    private Path state;
    private Path awsLog;

    record Result(int exit, String out, String err) {}

    @BeforeEach
    void fakeTools() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        state = Files.createDirectories(tmp.resolve("state"));
        awsLog = tmp.resolve("aws.log");
        Files.createFile(awsLog);
        Path aws = bin.resolve("aws");
        Files.copy(INFRA.resolve("src/test/resources/fake-aws/aws"), aws);
        aws.toFile().setExecutable(true);
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn, "#!/usr/bin/env bash\necho \"mvn $*\" >>\"$FAKE_AWS_LOG\"\nexit 97\n");
        mvn.toFile().setExecutable(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy.sh", "destroy.sh"})
    void shouldPassBashSyntaxCheck(String script) throws Exception {
        Result r = run(List.of("bash", "-n", INFRA.resolve(script).toString()));
        assertThat(r.exit).as(r.err).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy.sh", "destroy.sh"})
    void shouldPrintHelpWithoutCallingAws(String script) throws Exception {
        for (String flag : new String[] {"--help", "-h"}) {
            Result r = run(List.of(INFRA.resolve(script).toString(), flag));
            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.out).startsWith("Usage: infra/" + script);
        }
        assertThat(Files.readString(awsLog)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy.sh", "destroy.sh"})
    void shouldDocumentEveryOptionItAccepts(String script) throws Exception {
        String help = run(List.of(INFRA.resolve(script).toString(), "--help")).out;
        Matcher m =
                Pattern.compile("(?m)^\\s+(-h \\| )?(--[a-z0-9-]+)\\)")
                        .matcher(Files.readString(INFRA.resolve(script)));
        Set<String> accepted = new LinkedHashSet<>();
        while (m.find()) {
            accepted.add(m.group(2));
        }
        assertThat(accepted).hasSizeGreaterThan(4);
        for (String option : accepted) {
            assertThat(help)
                    .as(option)
                    .containsPattern("(?m)^\\s+(-\\w, )?" + Pattern.quote(option) + "\\b");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy.sh", "destroy.sh"})
    void shouldRejectUnknownOptionsBeforeCallingAws(String script) throws Exception {
        Result r = run(List.of(INFRA.resolve(script).toString(), "--frobnicate"));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("unknown option: --frobnicate");
        assertThat(Files.readString(awsLog)).isEmpty();
    }

    @Test
    void shouldPassOnlyParametersTheTemplateDeclares() throws IOException {
        Set<String> declared =
                new LinkedHashSet<>(CfnTemplate.fieldNames(CfnTemplate.load().parameters()));
        List<String> passed = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY)) {
            if (line.contains("PARAMS+=(")) {
                Matcher m = Pattern.compile("\"([A-Z][A-Za-z0-9]+)=").matcher(line);
                while (m.find()) {
                    passed.add(m.group(1));
                }
            }
        }
        assertThat(passed).hasSizeGreaterThan(10);
        assertThat(declared).containsAll(passed);
    }

    @Test
    void shouldRequireAnEmailForTheFirstDeploy() throws Exception {
        Result r =
                run(List.of(DEPLOY.toString(), "--region", "eu-west-1", "--jar", jar().toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--email is required");
        assertThat(Files.readString(awsLog)).doesNotContain("cloudformation deploy");
    }

    @Test
    void shouldUploadDeployAndStartInOneCommand() throws Exception {
        Path jar = jar();
        Result r = firstDeploy("--sources", "kinesis", "--kinesis-shards", "2");
        assertThat(r.exit).as(r.err).isZero();

        List<String> calls = Files.readAllLines(awsLog);
        String key = "bedrock-usage-stream/job-" + sha256(jar).substring(0, 16) + ".jar";
        int created =
                indexOf(
                        calls,
                        "s3api create-bucket --bucket "
                                + ARTIFACTS
                                + " --create-bucket-configuration LocationConstraint=eu-west-1");
        int uploaded =
                indexOf(
                        calls,
                        "s3api put-object --key "
                                + key
                                + " --body "
                                + jar
                                + " --bucket "
                                + ARTIFACTS
                                + " --expected-bucket-owner 123456789012");
        int deployed = indexOf(calls, "cloudformation deploy");
        int started =
                indexOf(
                        calls,
                        "kinesisanalyticsv2 start-application --application-name bedrock-usage-stream");
        assertThat(created).isLessThan(uploaded);
        assertThat(uploaded).isLessThan(deployed);
        assertThat(deployed).isLessThan(started);

        String deploy = calls.get(deployed);
        assertThat(deploy)
                .contains(
                        "--capabilities CAPABILITY_IAM",
                        "--s3-bucket " + ARTIFACTS,
                        "NotificationEmail=ops@example.com",
                        "CodeBucket=" + ARTIFACTS,
                        "CodeKey=" + key,
                        "Sources=kinesis",
                        "KinesisShardCount=2");
        assertThat(deploy).contains("--template-file " + INFRA.resolve("template.yaml"));
        assertThat(calls.get(started)).contains("SKIP_RESTORE_FROM_SNAPSHOT");
        assertThat(calls).noneMatch(c -> c.startsWith("mvn"));
        assertThat(r.err).contains("Confirm the SNS subscription");
    }

    @Test
    void shouldUpdateWithoutAnEmailAndNotRestartARunningApplication() throws Exception {
        Path jar = jar();
        assertThat(firstDeploy().exit).isZero();
        Files.writeString(awsLog, "");

        Result r =
                run(List.of(DEPLOY.toString(), "--region", "eu-west-1", "--jar", jar.toString()));
        assertThat(r.exit).as(r.err).isZero();
        List<String> calls = Files.readAllLines(awsLog);
        assertThat(calls.get(indexOf(calls, "cloudformation deploy")))
                .doesNotContain("NotificationEmail=");
        assertThat(calls)
                .noneMatch(c -> c.contains("start-application") || c.contains("create-bucket"));
        // same jar, same CodeKey: no snapshot is needed
        assertThat(calls).noneMatch(c -> c.contains("create-application-snapshot"));
    }

    @Test
    void shouldRefuseToDestroyWithoutConfirmation() throws Exception {
        Result r = run(List.of(DESTROY.toString(), "--region", "eu-west-1"));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--yes");
        assertThat(Files.readString(awsLog)).isEmpty();
    }

    @Test
    void shouldStopEmptyDeleteAndCleanUpInOrder() throws Exception {
        assertThat(firstDeploy().exit).isZero();
        Files.writeString(awsLog, "");

        Result r = destroy();
        assertThat(r.exit).as(r.err).isZero();
        List<String> calls = Files.readAllLines(awsLog);
        int stopped =
                indexOf(
                        calls,
                        "kinesisanalyticsv2 stop-application --application-name bedrock-usage-stream --force");
        int emptiedWarehouse =
                indexOf(calls, "s3 rm --only-show-errors --recursive s3://warehouse-bucket");
        int emptiedLogs = indexOf(calls, "s3 rm --only-show-errors --recursive s3://log-bucket");
        int deleted =
                indexOf(calls, "cloudformation delete-stack --stack-name bedrock-usage-stream");
        int artifactsRemoved =
                indexOf(
                        calls,
                        "s3 rm --only-show-errors --recursive s3://"
                                + ARTIFACTS
                                + "/bedrock-usage-stream/");
        int bucketDeleted = indexOf(calls, "s3api delete-bucket --bucket " + ARTIFACTS);
        assertThat(stopped).isLessThan(emptiedWarehouse);
        assertThat(emptiedWarehouse).isLessThan(deleted);
        assertThat(emptiedLogs).isLessThan(deleted);
        assertThat(deleted).isLessThan(artifactsRemoved);
        assertThat(artifactsRemoved).isLessThan(bucketDeleted);
    }

    /**
     * The artifacts bucket's name is predictable. Every call on a bucket names the owning account,
     * except the two that cannot: create-bucket (which fails on a bucket that exists) and the
     * high-level "s3 rm", which only ever follows an owner-checked call on its bucket. Uploads
     * never use the high-level "s3 cp".
     */
    @Test
    void shouldNameTheOwningAccountInEveryCallOnABucket() throws Exception {
        Path prices = Files.writeString(tmp.resolve("prices.csv"), "model,price\n");
        Path rules = Files.writeString(tmp.resolve("rules.json"), "{\"rules\": []}");
        assertThat(
                        firstDeploy(
                                        "--pricing-catalog",
                                        prices.toString(),
                                        "--alert-rules",
                                        rules.toString())
                                .exit)
                .isZero();
        assertThat(destroy().exit).isZero();

        List<String> calls = Files.readAllLines(awsLog);
        assertThat(calls)
                .filteredOn(
                        c ->
                                c.startsWith("s3api put-object")
                                        && c.contains("--bucket " + ARTIFACTS))
                .hasSize(3);
        Set<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            String c = calls.get(i);
            if (c.startsWith("s3api ") && !c.startsWith("s3api create-bucket ")) {
                assertThat(c).as("call %d", i).contains("--expected-bucket-owner 123456789012");
                checked.add(c.replaceAll(".*--bucket (\\S+).*", "$1"));
            } else if (c.startsWith("s3 ")) {
                assertThat(c).as("call %d", i).startsWith("s3 rm ");
                String bucket = c.replaceAll(".* s3://([^/ ]+).*", "$1");
                assertThat(checked)
                        .as("call %d: %s before any owner check of its bucket", i, c)
                        .contains(bucket);
            } else if (c.startsWith("cloudformation deploy")) {
                assertThat(calls.get(i - 1))
                        .as("the template goes to a bucket just checked")
                        .startsWith(
                                "s3api head-bucket --bucket "
                                        + ARTIFACTS
                                        + " --expected-bucket-owner 123456789012");
            }
        }
        assertThat(checked).contains(ARTIFACTS, "warehouse-bucket", "log-bucket");
    }

    @Test
    void shouldRefuseAnArtifactsBucketOfAnotherAccount() throws Exception {
        Files.createFile(state.resolve("bucket-" + ARTIFACTS));
        Files.writeString(state.resolve("owner-" + ARTIFACTS), "999999999999");

        Result r = firstDeploy();
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("belongs to another account", "--artifacts-bucket");
        assertThat(Files.readAllLines(awsLog))
                .noneMatch(
                        c ->
                                c.contains("put-object")
                                        || c.startsWith("s3 ")
                                        || c.startsWith("cloudformation deploy"));

        Files.writeString(awsLog, "");
        Result d = destroy();
        assertThat(d.exit).as(d.err).isZero();
        assertThat(Files.readAllLines(awsLog))
                .noneMatch(c -> c.contains(ARTIFACTS) && !c.startsWith("s3api head-bucket"));
        assertThat(state.resolve("bucket-" + ARTIFACTS)).exists();
    }

    @Test
    void shouldPassShellcheck() throws Exception {
        assumeTrue(onPath("shellcheck"), "shellcheck is not installed");
        // -x -P SCRIPTDIR: follow the shared local-cluster/bin/lib.sh they source, as .ci/run does.
        Result r =
                run(
                        List.of(
                                "shellcheck",
                                "-x",
                                "-P",
                                "SCRIPTDIR",
                                DEPLOY.toString(),
                                DESTROY.toString(),
                                INFRA.resolve("aws-cli.sh").toString(),
                                INFRA.resolve("src/test/resources/fake-aws/aws").toString()));
        assertThat(r.exit).as(r.out).isZero();
    }

    /** deploy.sh as a first deploy in eu-west-1 (email, region, jar), with {@code options}. */
    private Result firstDeploy(String... options) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                DEPLOY.toString(),
                                "--email",
                                "ops@example.com",
                                "--region",
                                "eu-west-1",
                                "--jar",
                                jar().toString()));
        command.addAll(List.of(options));
        return run(command);
    }

    private Result destroy() throws Exception {
        return run(List.of(DESTROY.toString(), "--yes", "--region", "eu-west-1"));
    }

    private Path jar() throws IOException {
        Path jar = tmp.resolve("job-msf.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar;
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(
                "no call starting with '" + prefix + "' in\n" + String.join("\n", calls));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("FAKE_AWS_LOG", awsLog.toString());
        env.put("FAKE_AWS_STATE", state.toString());
        env.remove("AWS_REGION");
        env.remove("AWS_DEFAULT_REGION");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
