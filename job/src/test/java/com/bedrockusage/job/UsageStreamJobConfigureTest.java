package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.testing.PipelineRuns;
import java.nio.file.Path;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link UsageStreamJob#configure} sets, now through configuration options instead of
 * deprecated setters.
 */
class UsageStreamJobConfigureTest {

    @TempDir Path dir;

    @Test
    @SuppressWarnings(
            "deprecation") // the getters are the only way to read these settings back in Flink 1.20
    void shouldRefuseGenericTypesAndCheckpointExactlyOnceWhenLocal() {
        JobConfig config = PipelineRuns.config(dir.resolve("logs"), dir.resolve("warehouse"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        UsageStreamJob.configure(env, config, true);

        assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getCheckpointInterval()).isEqualTo(config.checkpointInterval.toMillis());
    }

    @Test
    @SuppressWarnings("deprecation")
    void shouldRefuseGenericTypesOnManagedFlinkToo() {
        JobConfig config = PipelineRuns.config(dir.resolve("logs"), dir.resolve("warehouse"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        UsageStreamJob.configure(env, config, false);

        assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }
}
