package com.bedrockusage.job.qdeveloper;

import static com.bedrockusage.job.qdeveloper.QDeveloperSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.PipelineRuns;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline, bounded, on Q Developer logs: exact counts, token estimates recomputed here,
 * rejects, alerts.
 */
class QDeveloperPipelineITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    static final Encoding CL100K =
            Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    static final String ACCOUNT = "111122223333";
    static final String[] USERS = {"d-1.alice", "d-1.bob", "d-1.carol"};
    static final String[] WORDS = {
        "bucket",
        "lambda",
        "func",
        "() {",
        "return",
        "x + 1;",
        "for (int i = 0;",
        "über",
        "naïve",
        "日本語",
        "\n",
        "  ",
        "\"quoted\"",
        "\\",
        "🙂"
    };

    @TempDir Path tmp;

    static String text(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextBoolean() ? " " : "");
        }
        return b.toString();
    }

    static void write(Path logs, String logType, String hour, String name, byte[] content)
            throws Exception {
        Path dir =
                logs.resolve(
                        "AWSLogs/" + ACCOUNT + "/QDeveloperLogs/" + logType + "/us-east-1/" + hour);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }

    static final class Expected {
        long events;
        long dev;
        long input;
        long output;
    }

    @Test
    void shouldWriteExactCountsAndTokenEstimatesPerUserDayAndMonth() throws Exception {
        Path logs = tmp.resolve("logs");
        Random r = new Random(22);
        Map<String, Expected> expected = new HashMap<>();
        List<String> chats = new ArrayList<>();
        List<String> devs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = USERS[i % USERS.length];
            String prompt = text(r, 5 + r.nextInt(40));
            String response = text(r, r.nextInt(80));
            String ts =
                    String.format(
                            "2026-11-0%dT10:%02d:00Z",
                            2 + i % 2, i); // too early in the month for a forecast
            Expected e =
                    expected.computeIfAbsent(user + "|" + ts.substring(0, 10), k -> new Expected());
            if (i % 4 == 0) {
                devs.add(dev(user, "dev-" + i, ts, "conv-" + user, prompt));
                e.dev++;
                e.input += CL100K.countTokens(prompt);
            } else {
                chats.add(chat(user, "chat-" + i, ts, "conv-" + user, prompt, response));
                e.input += CL100K.countTokens(prompt);
                e.output += CL100K.countTokens(response);
            }
            e.events++;
        }
        // a bad record among good ones: rejected with a reason, the rest still counted
        chats.add(chat(USERS[0], "", "2026-11-02T10:59:00Z", "c", "secret prompt", "r"));
        byte[] chatFile = gzip(file(chats.toArray(new String[0])));
        write(logs, "GenerateAssistantResponse", "2026/11/02/10", "chat-1.json.gz", chatFile);
        // the same object delivered twice under another name: dedup by requestId
        write(logs, "GenerateAssistantResponse", "2026/11/02/11", "chat-1-again.json.gz", chatFile);
        write(
                logs,
                "StartTaskAssistCodeGeneration",
                "2026/11/02/10",
                "dev-1.json.gz",
                gzip(file(devs.toArray(new String[0]))));
        write(
                logs,
                "by_user_analytic",
                "2026/11/03/00",
                ACCOUNT + "_by_user_analytic_1.csv",
                ("UserId,Date,Chat_MessagesSent,Transformation_LinesIngested\n"
                                + USERS[1]
                                + ",2026-11-02,9,3500\n")
                        .getBytes(StandardCharsets.UTF_8));

        JobConfig config =
                PipelineRuns.config(
                        logs,
                        tmp.resolve("warehouse"),
                        "qdeveloper.limits=dev=3",
                        "pipeline.windows=1d");
        PipelineRuns.run(config);

        List<Record> events = PipelineRuns.rows(config, QDeveloperTables.EVENTS);
        assertThat(events).hasSize(40);
        Map<String, Expected> actual = new HashMap<>();
        for (Record e : events) {
            String day = utcDay(e, "event_time");
            Expected a =
                    actual.computeIfAbsent(e.getField("user_id") + "|" + day, k -> new Expected());
            a.events++;
            a.dev += "dev".equals(e.getField("kind")) ? 1 : 0;
            a.input += (Long) e.getField("input_tokens");
            a.output += (Long) e.getField("output_tokens");
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());

        List<Record> daily = PipelineRuns.rows(config, QDeveloperTables.DAILY);
        assertThat(daily).hasSize(expected.size());
        for (Record d : daily) {
            String day = utcDay(d, "day_start");
            String userDay = d.getField("user_id") + "|" + day;
            Expected e = expected.get(userDay);
            Expected a = actual.get(userDay);
            assertThat(a.input).isEqualTo(e.input);
            assertThat(a.output).isEqualTo(e.output);
            assertThat((Long) d.getField("chat_events") + (Long) d.getField("dev_events"))
                    .isEqualTo(e.events);
            assertThat(d.getField("dev_events")).isEqualTo(e.dev);
            assertThat(d.getField("input_tokens")).isEqualTo(e.input);
            assertThat(d.getField("output_tokens")).isEqualTo(e.output);
            assertThat(d.getField("transformation_lines"))
                    .isEqualTo(
                            USERS[1].equals(d.getField("user_id")) && day.equals("2026-11-02")
                                    ? 3500L
                                    : null);
        }

        List<Record> monthly = PipelineRuns.rows(config, QDeveloperTables.MONTHLY);
        assertThat(monthly).hasSize(USERS.length);
        for (Record m : monthly) {
            long input = 0;
            long dev = 0;
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                if (e.getKey().startsWith(m.getField("user_id") + "|")) {
                    input += e.getValue().input;
                    dev += e.getValue().dev;
                }
            }
            assertThat(m.getField("input_tokens")).isEqualTo(input);
            assertThat(m.getField("dev_events")).isEqualTo(dev);
            assertThat(m.getField("dev_uses_limit")).isEqualTo(3L);
        }

        List<Record> rejected = PipelineRuns.rows(config, Tables.REJECTED_RECORDS);
        assertThat(rejected)
                .extracting(x -> x.getField("reason"))
                .containsExactly(
                        RejectReason.MISSING_FIELD + "requestId",
                        RejectReason.MISSING_FIELD + "requestId");
        assertThat(rejected)
                .allSatisfy(
                        x ->
                                assertThat((String) x.getField("raw_excerpt"))
                                        .doesNotContain("secret"));

        List<String> rules = new ArrayList<>();
        for (Record a : PipelineRuns.rows(config, AlertsTable.NAME)) {
            rules.add(a.getField("rule_id") + " " + a.getField("scope_key"));
        }
        // each user has 3 or 4 /dev uses (level 3 of 3): one alert each; bob's 3,500 transformation
        // lines pass 3,200
        assertThat(rules)
                .containsExactlyInAnyOrder(
                        "q-dev-uses-80pct " + ACCOUNT + "|" + USERS[0],
                        "q-dev-uses-80pct " + ACCOUNT + "|" + USERS[1],
                        "q-dev-uses-80pct " + ACCOUNT + "|" + USERS[2],
                        "q-transformation-lines-80pct " + ACCOUNT + "|" + USERS[1]);
    }

    /** The UTC day, yyyy-mm-dd, of a timestamp column of {@code row}. */
    private static String utcDay(Record row, String column) {
        return ((OffsetDateTime) row.getField(column)).toInstant().toString().substring(0, 10);
    }
}
