package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.ingest.source.DeniableLogFileSystem;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.KinesisMock;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.pricing.PriceCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub reading three spoke accounts' log locations (one S3 source over three roots) and its
 * Kinesis stream: one of the locations becomes unreadable part-way (its bucket policy withdrawn)
 * and readable again. The job goes on with the others, reports the location, catches up on it, and
 * the tables equal the union of all inputs exactly (the calls that reached both the stream and a
 * bucket counted once).
 */
class MultiAccountLogsITCase {

    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final FlinkMiniCluster MINI_CLUSTER =
            FlinkMiniCluster.withConfiguration(REPORTER.addToConfiguration(new Configuration()));

    private static final String[] ACCOUNTS = {"111111111111", "222222222222", "333333333333"};
    private static final String STREAM_ACCOUNT = "444444444444";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(4);

    @TempDir Path tmp;

    private int nextId;
    private int objectsWritten;
    private LogRecord closer;
    private final Random rnd = new Random(24);

    @Test
    void shouldReadEveryAccountsLocationAndTheStreamIntoExactTotalsThroughALocationOutage()
            throws Exception {
        Map<String, LogTree> spokes = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            spokes.put(account, new LogTree(tmp.resolve("spoke-" + account)));
        }
        Path unreliable = spokes.get(ACCOUNTS[1]).root();
        List<LogRecord> expected = new ArrayList<>();

        // history in every bucket, and in the stream: the hub's own account, plus calls of the
        // first spoke that
        // reached the hub both ways
        List<LogRecord> streamed = new ArrayList<>();
        for (String account : ACCOUNTS) {
            List<LogRecord> history =
                    records(account, 60, UsagePipelineITCase.START, Duration.ofHours(8));
            write(spokes.get(account), history, 6);
            expected.addAll(history);
            if (account.equals(ACCOUNTS[0])) {
                streamed.addAll(history.subList(0, 10));
            }
        }
        List<LogRecord> own =
                records(STREAM_ACCOUNT, 30, UsagePipelineITCase.START, Duration.ofHours(8));
        streamed.addAll(own);
        expected.addAll(own);

        try (KinesisMock kinesis = KinesisMock.start("bedrock-logs")) {
            for (int i = 0; i < streamed.size(); i += 8) {
                kinesis.put(
                        envelope(streamed.subList(i, Math.min(streamed.size(), i + 8))), "p" + i);
            }
            JobConfig config = config(spokes, kinesis);
            JobClient job = PipelineRuns.start(config);
            try {
                awaitInvocations(config, expected.size());

                // the second spoke withdraws the hub's access; both first spokes keep logging
                DeniableLogFileSystem.deny(unreliable);
                // Recent calls, inside the lookback whatever the time of day, and one call a day
                // later whose
                // time closes their day (a day's row is written when the watermark passes its end).
                Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
                Instant recent = today.minus(Duration.ofHours(30));
                List<LogRecord> stillReadable =
                        records(ACCOUNTS[0], 20, recent, Duration.ofHours(2));
                List<LogRecord> duringOutage =
                        records(ACCOUNTS[1], 20, recent, Duration.ofHours(2));
                closer =
                        records(
                                        ACCOUNTS[2],
                                        1,
                                        today.minus(Duration.ofHours(20)),
                                        Duration.ofMinutes(1))
                                .get(0);
                write(spokes.get(ACCOUNTS[0]), stillReadable, 2);
                write(spokes.get(ACCOUNTS[1]), duringOutage, 2);
                write(spokes.get(ACCOUNTS[2]), List.of(closer), 1);
                expected.addAll(stillReadable);
                expected.add(closer);
                awaitInvocations(config, expected.size());
                await(
                        () -> gauge("s3LocationsUnreadable") == 1,
                        "the unreadable location is reported");
                assertThat(requestIds(config)).doesNotContainAnyElementsOf(ids(duringOutage));

                DeniableLogFileSystem.allow(unreliable);
                expected.addAll(duringOutage);
                awaitInvocations(config, expected.size());
                await(() -> gauge("s3LocationsUnreadable") == 0, "the location is readable again");
                // the recent day closes once every watermark subtask has seen the closing call or
                // gone idle
                Instant open = closer.time.truncatedTo(ChronoUnit.DAYS);
                await(
                        () ->
                                closedDays(PipelineRuns.usage(config, Tables.USAGE_DAILY), open)
                                        .keySet()
                                        .stream()
                                        .anyMatch(
                                                k ->
                                                        k.startsWith(
                                                                open.minus(Duration.ofDays(1))
                                                                        + "|"
                                                                        + ACCOUNTS[1])),
                        "the recent day's rows");
                // a few more checkpoints: nothing more arrives
                Thread.sleep(3000);
            } finally {
                DeniableLogFileSystem.allow(unreliable);
                job.cancel().get();
            }

            assertThat(requestIds(config)).containsExactlyInAnyOrderElementsOf(ids(expected));
            // every closed day: the history, and the recent day whose calls of the second spoke
            // came after it closed
            Instant open = closer.time.truncatedTo(ChronoUnit.DAYS);
            Map<String, ExpectedUsage.Totals> daily =
                    closedDays(PipelineRuns.usage(config, Tables.USAGE_DAILY), open);
            assertThat(daily)
                    .isEqualTo(
                            closedDays(
                                    ExpectedUsage.daily(expected, PriceCatalog.defaultCatalog()),
                                    open));
            assertThat(daily.keySet())
                    .anyMatch(
                            k -> k.startsWith(open.minus(Duration.ofDays(1)) + "|" + ACCOUNTS[1]));
            assertThat(PipelineRuns.rows(config, Tables.REJECTED_RECORDS)).isEmpty();
            assertThat(daily.keySet().stream().map(k -> k.split("\\|")[1]).distinct().sorted())
                    .containsExactly(ACCOUNTS[0], ACCOUNTS[1], ACCOUNTS[2], STREAM_ACCOUNT);
        }
    }

    private JobConfig config(Map<String, LogTree> spokes, KinesisMock kinesis) {
        String paths =
                spokes.values().stream()
                        .map(t -> DeniableLogFileSystem.location(t.root()))
                        .collect(Collectors.joining(","));
        return JobConfig.from(
                PropertyGroups.empty()
                        .set("source.s3.paths", paths)
                        .set("source.s3.mode", "continuous")
                        .set("source.s3.discovery-interval", "300ms")
                        .set("source.s3.lookback", "72h")
                        .set("source.kinesis.stream-arn", kinesis.streamArn())
                        .set("source.kinesis.endpoint", kinesis.endpoint())
                        .set("source.kinesis.initial-position", "TRIM_HORIZON")
                        .set("iceberg.warehouse", tmp.resolve("warehouse").toUri().toString())
                        .set("pipeline.parallelism", "2")
                        .set("pipeline.checkpoint-interval", "500ms")
                        .set("pipeline.idleness", "2s")
                        .set(
                                "pipeline.checkpoint-dir",
                                tmp.resolve("checkpoints").toUri().toString())
                        .set("alerts.defaults-enabled", "false"));
    }

    private List<LogRecord> records(String account, int n, Instant from, Duration span) {
        List<LogRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LogRecord r =
                    UsagePipelineITCase.record(
                            nextId++, from.plusSeconds(rnd.nextInt((int) span.getSeconds())), rnd);
            r.accountId = account;
            r.callerArn = r.callerArn.replaceAll("::\\d{12}:", "::" + account + ":");
            out.add(r);
        }
        return out;
    }

    /**
     * In a few objects per hour folder, each written under a hidden name and renamed, as S3 makes
     * them appear.
     */
    private void write(LogTree tree, List<LogRecord> records, int objects) throws Exception {
        Map<Instant, List<LogRecord>> byHour = new LinkedHashMap<>();
        for (LogRecord r : records) {
            byHour.computeIfAbsent(r.time.truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
                    .add(r);
        }
        int per = Math.max(1, records.size() / objects);
        for (Map.Entry<Instant, List<LogRecord>> hour : byHour.entrySet()) {
            ZonedDateTime t = hour.getKey().atZone(ZoneOffset.UTC);
            String account = hour.getValue().get(0).accountId;
            Path dir =
                    Files.createDirectories(
                            tree.root()
                                    .resolve(
                                            String.format(
                                                    "AWSLogs/%s/BedrockModelInvocationLogs/us-east-1/%04d/%02d/%02d/%02d",
                                                    account,
                                                    t.getYear(),
                                                    t.getMonthValue(),
                                                    t.getDayOfMonth(),
                                                    t.getHour())));
            List<LogRecord> calls = hour.getValue();
            for (int i = 0; i < calls.size(); i += per) {
                List<LogRecord> part = calls.subList(i, Math.min(calls.size(), i + per));
                String name =
                        String.format("%05d_%s.json.gz", objectsWritten++, part.get(0).requestId);
                Path hidden =
                        Files.write(
                                dir.resolve("." + name),
                                LogTree.gzip(
                                        part.stream()
                                                .map(LogRecord::json)
                                                .collect(Collectors.joining("\n", "", "\n"))));
                Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /**
     * A gzip CloudWatch Logs envelope of these calls, as the subscription puts it into the stream.
     */
    private static byte[] envelope(List<LogRecord> records) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("messageType", "DATA_MESSAGE");
        root.put("owner", records.get(0).accountId);
        root.put("logGroup", "/aws/bedrock/spoke/model-invocations");
        root.put("logStream", "aws/bedrock/modelinvocations");
        root.putArray("subscriptionFilters").add("to-hub");
        ArrayNode events = root.putArray("logEvents");
        for (LogRecord r : records) {
            events.addObject()
                    .put(
                            "id",
                            "3195310660696698337880902507980421114328961542429"
                                    + r.requestId.hashCode())
                    .put("timestamp", r.time.toEpochMilli())
                    .put("message", r.json());
        }
        return LogTree.gzip(JSON.writeValueAsString(root));
    }

    private static Map<String, ExpectedUsage.Totals> closedDays(
            Map<String, ExpectedUsage.Totals> rows, Instant open) {
        Map<String, ExpectedUsage.Totals> out = new LinkedHashMap<>(rows);
        out.keySet().removeIf(k -> !Instant.parse(k.split("\\|")[0]).isBefore(open));
        return out;
    }

    private static List<String> ids(List<LogRecord> records) {
        return records.stream().map(r -> r.requestId).collect(Collectors.toList());
    }

    private static List<String> requestIds(JobConfig config) {
        List<String> ids = new ArrayList<>();
        for (Record r : PipelineRuns.rows(config, Tables.INVOCATIONS)) {
            ids.add((String) r.getField("request_id"));
        }
        return ids;
    }

    private static void awaitInvocations(JobConfig config, int count) throws InterruptedException {
        await(() -> requestIds(config).size() >= count, count + " invocations");
        assertThat(requestIds(config)).hasSize(count);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static long gauge(String name) {
        long value = -1;
        for (Map<String, Metric> metrics : REPORTER.getMetricsByGroup().values()) {
            Metric m = metrics.get(name);
            if (m instanceof Gauge) {
                value = ((Number) ((Gauge<?>) m).getValue()).longValue();
            }
        }
        return value;
    }
}
