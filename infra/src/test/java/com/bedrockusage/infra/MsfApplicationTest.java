package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MsfApplicationTest {

    private static final CfnTemplate T = CfnTemplate.load();
    private static final JsonNode APP = T.resource("Application").path("Properties");
    private static final JsonNode FLINK =
            APP.at("/ApplicationConfiguration/FlinkApplicationConfiguration");

    @Test
    void shouldRunFlink120AsAStreamingApplication() {
        assertThat(APP.path("RuntimeEnvironment").asText()).isEqualTo("FLINK-1_20");
        assertThat(APP.path("ApplicationMode").asText()).isEqualTo("STREAMING");
        assertThat(CfnTemplate.alternatives(APP.get("ServiceExecutionRole")))
                .containsExactly("${ApplicationRole.Arn}");
    }

    @Test
    void shouldLoadTheJarFromTheCodeParameters() {
        JsonNode code = APP.at("/ApplicationConfiguration/ApplicationCodeConfiguration");
        assertThat(code.path("CodeContentType").asText()).isEqualTo("ZIPFILE");
        assertThat(CfnTemplate.alternatives(code.at("/CodeContent/S3ContentLocation/BucketARN")))
                .containsExactly("arn:${AWS::Partition}:s3:::${CodeBucket}");
        assertThat(CfnTemplate.alternatives(code.at("/CodeContent/S3ContentLocation/FileKey")))
                .containsExactly("${CodeKey}");
    }

    @Test
    void shouldCheckpointBecauseIcebergCommitsOnCheckpoints() {
        JsonNode cp = FLINK.path("CheckpointConfiguration");
        assertThat(cp.path("ConfigurationType").asText()).isEqualTo("CUSTOM");
        assertThat(cp.path("CheckpointingEnabled").asBoolean()).isTrue();
        assertThat(CfnTemplate.alternatives(cp.get("CheckpointInterval")))
                .containsExactly("${CheckpointIntervalMs}");
    }

    @Test
    void shouldKeepSnapshotsAndRestoreThemOnUpdates() {
        assertThat(
                        APP.at(
                                        "/ApplicationConfiguration/ApplicationSnapshotConfiguration/SnapshotsEnabled")
                                .asBoolean())
                .isTrue();
        assertThat(
                        APP.at(
                                        "/RunConfiguration/ApplicationRestoreConfiguration/ApplicationRestoreType")
                                .asText())
                .isEqualTo("RESTORE_FROM_LATEST_SNAPSHOT");
        assertThat(
                        APP.at("/RunConfiguration/FlinkRunConfiguration/AllowNonRestoredState")
                                .asBoolean())
                .isFalse();
    }

    @Test
    void shouldScaleFromTheParallelismParameters() {
        JsonNode p = FLINK.path("ParallelismConfiguration");
        assertThat(p.path("ConfigurationType").asText()).isEqualTo("CUSTOM");
        assertThat(CfnTemplate.alternatives(p.get("Parallelism")))
                .containsExactly("${Parallelism}");
        assertThat(CfnTemplate.alternatives(p.get("ParallelismPerKPU")))
                .containsExactly("${ParallelismPerKPU}");
        assertThat(p.path("AutoScalingEnabled").asBoolean()).isTrue();
    }

    @Test
    void shouldLogToItsOwnLogStreamWithTheRoleAllowedToWriteThere() {
        JsonNode option = T.resource("ApplicationLogging");
        assertThat(option.path("Type").asText())
                .isEqualTo("AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption");
        assertThat(CfnTemplate.alternatives(option.at("/Properties/ApplicationName")))
                .containsExactly("${Application}");
        String stream =
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${ApplicationLogGroup}"
                        + ":log-stream:${ApplicationLogStream}";
        assertThat(
                        CfnTemplate.alternatives(
                                option.at("/Properties/CloudWatchLoggingOption/LogStreamARN")))
                .containsExactly(stream);
        assertThat(T.resource("ApplicationLogGroup").at("/Properties/RetentionInDays").asInt())
                .isPositive();
        assertThat(T.resource("ApplicationRole").toString()).contains(stream);
    }

    @Test
    void shouldNameTheApplicationAfterTheStackAsTheScriptsExpect() {
        assertThat(CfnTemplate.alternatives(APP.get("ApplicationName")))
                .containsExactly("${AWS::StackName}");
        assertThat(
                        CfnTemplate.alternatives(
                                T.resource("ApplicationLogGroup").at("/Properties/LogGroupName")))
                .containsExactly("/aws/kinesis-analytics/${AWS::StackName}");
    }
}
