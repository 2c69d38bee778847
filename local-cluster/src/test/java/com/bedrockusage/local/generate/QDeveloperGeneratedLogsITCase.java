package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.sink.TableRows;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.PipelineRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.data.Record;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc =
                GenerateLogs.run(
                        new String[] {
                            "--out",
                            logs.toString(),
                            "--invocations",
                            "50",
                            "--start",
                            "2026-11-01T22:00:00Z",
                            "--hours",
                            "4",
                            "--seed",
                            "7",
                            "--q-developer-users",
                            "4"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("q-developer users=4");

        JobConfig config = PipelineRuns.config(logs, tmp.resolve("warehouse"));
        PipelineRuns.run(config);

        JsonNode truth =
                new ObjectMapper()
                        .readTree(logs.resolve(QDeveloperLogGenerator.TRUTH_FILE).toFile());
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode d : truth.get("user_days")) {
            expected.put(d.get("user_id").asText() + "|" + d.get("day").asText(), d);
        }
        assertThat(expected).isNotEmpty();
        Map<String, Record> actual = new HashMap<>();
        for (Record r : TableRows.read(config, QDeveloperTables.DAILY)) {
            String day =
                    ((OffsetDateTime) r.getField("day_start"))
                            .toInstant()
                            .toString()
                            .substring(0, 10);
            actual.put(r.getField("user_id") + "|" + day, r);
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            Record r = actual.get(e.getKey());
            JsonNode t = e.getValue();
            for (String column :
                    new String[] {
                        "chat_events",
                        "inline_events",
                        "dev_events",
                        "input_tokens",
                        "output_tokens",
                        "transformation_lines"
                    }) {
                assertThat((Long) r.getField(column))
                        .as(e.getKey() + " " + column)
                        .isEqualTo(t.get(column).asLong());
            }
        }
        long events =
                truth.get("total").get("chat_events").asLong()
                        + truth.get("total").get("inline_events").asLong()
                        + truth.get("total").get("dev_events").asLong();
        assertThat(TableRows.read(config, QDeveloperTables.EVENTS)).hasSize((int) events);
    }
}
