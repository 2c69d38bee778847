package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.sink.TableRows;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.local.cluster.QDeveloperCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate-logs --q-developer-users: the job's Q Developer tables equal the generator's truth file,
 * exactly.
 */
class QDeveloperGeneratedLogsITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    @TempDir Path tmp;

    @Test
    void shouldMeterTheGeneratedUsersExactlyAsTheTruthFileSays() throws Exception {
        Path logs = tmp.resolve("logs");
        GenerateLogs.Result generated =
                GeneratedLogs.generate(
                        logs,
                        "--invocations",
                        "50",
                        "--start",
                        "2026-11-01T22:00:00Z",
                        "--hours",
                        "4",
                        "--seed",
                        "7",
                        "--q-developer-users",
                        "4");
        assertThat(generated.summary()).contains("q-developer users=4");

        JobConfig config = PipelineRuns.config(logs, tmp.resolve("warehouse"));
        PipelineRuns.run(config);

        JsonNode truth =
                new ObjectMapper()
                        .readTree(logs.resolve(QDeveloperLogGenerator.TRUTH_FILE).toFile());
        assertThat(truth.get("user_days")).isNotEmpty();
        assertThat(QDeveloperCheck.compare(truth, TableRows.read(config, QDeveloperTables.DAILY)))
                .isEmpty();
        long events =
                truth.get("total").get("chat_events").asLong()
                        + truth.get("total").get("inline_events").asLong()
                        + truth.get("total").get("dev_events").asLong();
        assertThat(TableRows.read(config, QDeveloperTables.EVENTS)).hasSize((int) events);
    }
}
