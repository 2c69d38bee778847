package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.testing.PipelineRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs in one task: every call the pricing task hands to another task is serialized on the
 * way.
 */
class UsagePipelineTopologyTest {

    @TempDir Path dir;

    @Test
    void shouldRunTheAlertMatcherAndTheUsageWindowsInThePricingTask() throws Exception {
        JobConfig config = PipelineRuns.config(dir.resolve("logs"), dir.resolve("warehouse"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);

        List<String> tasks = new ArrayList<>();
        for (JobVertex vertex : env.getStreamGraph().getJobGraph().getVertices()) {
            tasks.add(vertex.getName());
        }
        assertThat(tasks)
                .filteredOn(name -> name.startsWith("dedup and price"))
                .singleElement()
                .asString()
                .contains("Match alert rules", "usage per minute", "invocations to rows");
    }
}
