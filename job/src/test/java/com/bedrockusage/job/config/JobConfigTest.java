package com.bedrockusage.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.usage.CallerKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobConfigTest {

    @TempDir Path dir;

    private static PropertyGroups withS3() {
        return PropertyGroups.empty().set("source.s3.path", "file:///tmp/logs");
    }

    @Test
    void shouldApplyDocumentedDefaults() {
        JobConfig c = JobConfig.from(withS3());
        assertThat(c.windows)
                .containsExactly(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));
        assertThat(c.dedupTtl).isEqualTo(Duration.ofHours(48));
        assertThat(c.allowedLateness).isEqualTo(Duration.ofHours(6));
        assertThat(c.s3Continuous).isTrue();
        assertThat(c.callerKey).isEqualTo(CallerKey.PRINCIPAL);
        assertThat(JobConfig.from(withS3().set("pipeline.caller-key", "arn")).callerKey)
                .isEqualTo(CallerKey.ARN);
        assertThat(c.s3Isal).isTrue();
        assertThat(JobConfig.from(withS3().set("source.s3.gunzip", "jdk")).s3Isal).isFalse();
        assertThat(c.icebergCatalogType).isEqualTo("hadoop");
        assertThat(c.icebergNamespace).isEqualTo("bedrock");
        assertThat(c.isBounded()).isFalse();
    }

    @Test
    void shouldKeepEachUsersCheckpointsInTheirOwnTempFolderByDefault() {
        assertThat(JobConfig.from(withS3()).checkpointDir)
                .isEqualTo(JobConfig.defaultCheckpointDir(System.getProperty("user.name")));
        assertThat(JobConfig.defaultCheckpointDir("alice"))
                .matches("file:/.*/bedrock-usage-checkpoints-alice/?");
        assertThat(JobConfig.from(withS3()).icebergWarehouse)
                .isEqualTo(JobConfig.defaultWarehouse(System.getProperty("user.name")));
        assertThat(JobConfig.defaultWarehouse("alice"))
                .matches("file:/.*/bedrock-usage-warehouse-alice/?");
        assertThat(JobConfig.defaultCheckpointDir("DOMAIN\\eve"))
                .matches("file:/.*/bedrock-usage-checkpoints-DOMAIN_eve/?");
        assertThat(
                        JobConfig.from(withS3().set("pipeline.checkpoint-dir", "file:///ckpt"))
                                .checkpointDir)
                .isEqualTo("file:///ckpt");
    }

    @Test
    void shouldRefuseToStartWithoutASource() {
        assertThatThrownBy(() -> JobConfig.from(PropertyGroups.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.s3.path")
                .hasMessageContaining("source.kinesis.stream-arn");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid("pipeline.dedup-ttl", "2h", "pipeline.dedup-ttl", "at least 24h"),
                invalid("pipeline.windows", "1m,5m", "pipeline.windows", "1m, 1h and 1d"),
                invalid("source.s3.mode", "sometimes", "source.s3.mode", "bounded, continuous"),
                invalid("source.s3.gunzip", "zlib", "source.s3.gunzip", "isal, jdk"),
                invalid("pipeline.idleness", "soon", "pipeline.idleness"),
                invalid("iceberg.catalog-type", "glue", "iceberg.warehouse", "s3://"));
    }

    /**
     * Setting {@code key} to {@code value} must fail with a message naming all of {@code mentions}.
     */
    private static Arguments invalid(String key, String value, String... mentions) {
        return Arguments.of(key, value, mentions);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidValues")
    void shouldNameTheKeyAndTheFixForAnInvalidValue(String key, String value, String[] mentions) {
        assertThatThrownBy(() -> JobConfig.from(withS3().set(key, value)))
                .hasMessageContainingAll(mentions);
    }

    @Test
    void shouldRejectUnknownKeysInsteadOfIgnoringThem() {
        assertThatThrownBy(() -> PropertyGroups.empty().set("pipeline.dedup-tll", "48h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'pipeline.dedup-tll'");
        Properties props = new Properties();
        props.setProperty("typo", "x");
        assertThatThrownBy(
                        () ->
                                PropertyGroups.fromGroups(
                                        Collections.singletonMap("pipeline", props)))
                .hasMessageContaining("pipeline.typo");
    }

    @Test
    void shouldLayerJsonFileThenSetOverrides() throws IOException {
        Path file = dir.resolve("app.json");
        Files.write(
                file,
                ("[{\"PropertyGroupId\":\"source.s3\",\"PropertyMap\":{\"path\":\"s3://logs/p\",\"mode\":\"bounded\"}},"
                                + "{\"PropertyGroupId\":\"pipeline\",\"PropertyMap\":{\"windows\":\"1h\"}}]")
                        .getBytes(StandardCharsets.UTF_8));
        PropertyGroups p =
                PropertyGroups.fromJsonFile(file)
                        .overlay(PropertyGroups.empty().set("pipeline.windows=1m,1d"));
        JobConfig c = JobConfig.from(p);
        assertThat(c.s3Path).isEqualTo("s3://logs/p");
        assertThat(c.s3Continuous).isFalse();
        assertThat(c.windows).containsExactly(Duration.ofMinutes(1), Duration.ofDays(1));
        assertThat(c.isBounded()).isTrue();
    }

    @Test
    void shouldReadEveryLogLocationPathFirst() {
        JobConfig c =
                JobConfig.from(
                        PropertyGroups.empty()
                                .set("source.s3.path", "s3://hub-logs/bedrock-logs")
                                .set(
                                        "source.s3.paths",
                                        " s3://spoke-111122223333-us-east-1/bedrock-logs,,"
                                                + "s3://spoke-444455556666-eu-west-1/bedrock-logs "));
        assertThat(c.s3Paths)
                .containsExactly(
                        "s3://hub-logs/bedrock-logs",
                        "s3://spoke-111122223333-us-east-1/bedrock-logs",
                        "s3://spoke-444455556666-eu-west-1/bedrock-logs");
        assertThat(c.s3Path).isEqualTo("s3://hub-logs/bedrock-logs");
        assertThat(c.hasS3Source()).isTrue();

        JobConfig onlyPaths =
                JobConfig.from(PropertyGroups.empty().set("source.s3.paths", "s3://a/x,s3://b/y"));
        assertThat(onlyPaths.s3Path).isEqualTo("s3://a/x");
        assertThat(onlyPaths.s3Paths).containsExactly("s3://a/x", "s3://b/y");
    }

    @Test
    void shouldRefuseALogLocationListedTwiceOrInsideAnother() {
        assertThatThrownBy(
                        () ->
                                JobConfig.from(
                                        PropertyGroups.empty()
                                                .set("source.s3.path", "s3://a/logs")
                                                .set("source.s3.paths", "s3://a/logs/")))
                .hasMessageContaining("source.s3.paths")
                .hasMessageContaining("read twice");
        assertThatThrownBy(
                        () ->
                                JobConfig.from(
                                        PropertyGroups.empty()
                                                .set(
                                                        "source.s3.paths",
                                                        "s3://a/logs/AWSLogs/111122223333,s3://a/logs")))
                .hasMessageContaining(
                        "'s3://a/logs/AWSLogs/111122223333' is the same as or inside 's3://a/logs'");
        // a common name prefix is not nesting
        assertThat(
                        JobConfig.from(
                                        PropertyGroups.empty()
                                                .set(
                                                        "source.s3.paths",
                                                        "s3://a/logs,s3://a/logs-2"))
                                .s3Paths)
                .hasSize(2);
    }

    @Test
    void shouldTakeTheSnsRegionFromTheTopicArn() {
        JobConfig c =
                JobConfig.from(
                        withS3().set(
                                        "alerts.sns.topic-arn",
                                        "arn:aws:sns:eu-west-1:111122223333:alerts"));
        assertThat(c.snsRegion).isEqualTo("eu-west-1");
    }

    @Test
    void shouldTakeZeroAsNeverSuppressAndNeedAFutureBound() {
        assertThat(JobConfig.from(withS3()).alertsMaxAge).isEqualTo(Duration.ofHours(24));
        assertThat(JobConfig.from(withS3().set("alerts.max-age", "0")).alertsMaxAge).isZero();
        assertThat(JobConfig.from(withS3()).maxFuture).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> JobConfig.from(withS3().set("pipeline.max-future", "0")))
                .hasMessageContaining("pipeline.max-future");
    }

    @Test
    void shouldParsePricingAliases() {
        JobConfig c =
                JobConfig.from(
                        withS3().set(
                                        "pricing.aliases",
                                        "arn:aws:bedrock:us-east-1:1:application-inference-profile/abc=anthropic.claude-3-haiku-20240307-v1:0"));
        assertThat(c.pricingAliases)
                .containsEntry(
                        "arn:aws:bedrock:us-east-1:1:application-inference-profile/abc",
                        "anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void shouldDefineEveryKeyOnceWithADescription() {
        assertThat(ConfigKeys.byFullName()).hasSameSizeAs(ConfigKeys.all());
        ConfigKeys.all()
                .forEach(
                        k -> {
                            assertThat(k.description()).as(k.fullName()).isNotBlank();
                            assertThat(k.key()).as(k.fullName()).matches("[a-z0-9.-]+");
                        });
        assertThat(ConfigKeys.runtimeProperties())
                .doesNotContain(ConfigKeys.PARALLELISM, ConfigKeys.CHECKPOINT_INTERVAL);
    }
}
