package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UsagePipelineITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    static final String[] ACCOUNTS = {"111111111111", "222222222222"};
    static final String[] CALLERS = {
        "arn:aws:sts::111111111111:assumed-role/ChatbotApp-BedrockRole/s-1",
        "arn:aws:iam::111111111111:user/alice"
    };
    static final String[] MODELS = {
        "anthropic.claude-3-haiku-20240307-v1:0",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
        "acme.unknown-model-v1:0"
    };
    static final Instant START = Instant.parse("2026-11-01T20:00:00Z");

    @TempDir Path tmp;

    @Test
    void shouldMatchTotalsComputedFromTheInputAndNeverDoubleCountDuplicates() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> unique = records(600, new Random(7));
        writeInFiles(tree, unique, 40);
        // Re-deliveries: 30 records again, in other files (as S3 re-delivery and the Kinesis path
        // would).
        writeInFiles(tree, unique.subList(100, 130), 3);
        // Bad input: a malformed line next to good ones, and a truncated gzip object.
        LogRecord extra = record(9999, START.plusSeconds(60), new Random(1));
        unique.add(extra);
        tree.write(
                extra,
                Arrays.asList(extra.json(), "{\"not\": \"a bedrock record\"}", "{broken json"));
        LogRecord complete = record(10000, START.plusSeconds(120), new Random(2));
        LogRecord cut = record(10001, START.plusSeconds(121), new Random(3));
        unique.add(complete);
        tree.writeBytes(
                complete, LogTree.gzipCutInSecond(complete.json() + "\n", cut.json() + "\n"));

        // Records span 8 hours in random file order: a lateness above that keeps minute and hour
        // rows complete.
        JobConfig config =
                PipelineRuns.config(
                        tree.root(), MINI_CLUSTER.warehouse(), "pipeline.allowed-lateness=12h");
        PipelineRuns.run(config);

        List<Record> invocations = PipelineRuns.rows(config, Tables.INVOCATIONS);
        List<Record> rejected = PipelineRuns.rows(config, Tables.REJECTED_RECORDS);
        assertThat(invocations).hasSize(unique.size());
        assertThat(rejected)
                .extracting(r -> (String) r.getField("reason"))
                .contains("malformed-json", "foreign-json")
                .anyMatch(reason -> reason.startsWith("truncated"));
        assertThat(rejected).hasSize(3);

        Map<String, ExpectedUsage.Totals> expected =
                ExpectedUsage.daily(unique, PriceCatalog.defaultCatalog());
        Map<String, ExpectedUsage.Totals> daily = PipelineRuns.usage(config, Tables.USAGE_DAILY);
        assertThat(daily).isEqualTo(expected);

        // The same totals recomputed from the invocations table, and from the hourly and minute
        // tables.
        BigDecimal invocationCost =
                invocations.stream()
                        .map(r -> (BigDecimal) r.getField("cost_usd"))
                        .filter(c -> c != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(invocationCost).isEqualByComparingTo(sumCost(daily));
        assertThat(sumCost(PipelineRuns.usage(config, Tables.USAGE_HOURLY)))
                .isEqualByComparingTo(sumCost(daily));
        assertThat(sumCost(PipelineRuns.usage(config, Tables.USAGE_MINUTE)))
                .isEqualByComparingTo(sumCost(daily));
        assertThat(sumCost(daily)).isGreaterThan(BigDecimal.ZERO);
        assertThat(daily.values().stream().mapToLong(t -> t.unpriced).sum()).isGreaterThan(0);
        // Every priced call names the row that priced it.
        assertThat(invocations)
                .filteredOn(r -> Boolean.TRUE.equals(r.getField("priced")))
                .allSatisfy(r -> assertThat((String) r.getField("price_row")).isNotBlank());
    }

    @Test
    void shouldPriceEachCallWithThePriceInForceAtItsOwnTime() throws Exception {
        String model = "anthropic.claude-3-haiku-20240307-v1:0";
        Path catalogue = tmp.resolve("prices.csv");
        Files.write(
                catalogue,
                Arrays.asList(
                        PriceCsv.HEADER,
                        model + ",*,2026-01-01T00:00:00Z,1,2,0.1,1.25,2",
                        model + ",*,2026-11-01T21:00:00Z,10,20,1,12.5,20",
                        model + ",eu-west-1,2026-01-01T00:00:00Z,100,200,10,125,200"),
                StandardCharsets.UTF_8);
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LogRecord r =
                    new LogRecord(
                            "price-" + i,
                            START.plusSeconds(1800L * i)); // 20:00, 20:30, 21:00, 21:30
            r.modelId = model;
            r.input = 1_000_000;
            r.output = 1_000_000;
            calls.add(r);
        }
        calls.get(3).region = "eu-west-1";
        for (LogRecord r : calls) {
            tree.write(r, Arrays.asList(r.json()));
        }

        JobConfig config =
                PipelineRuns.config(
                        tree.root(), MINI_CLUSTER.warehouse(), "pricing.catalog=" + catalogue);
        PipelineRuns.run(config);

        Map<String, BigDecimal> cost = new HashMap<>();
        Map<String, String> row = new HashMap<>();
        for (Record r : PipelineRuns.rows(config, Tables.INVOCATIONS)) {
            cost.put((String) r.getField("request_id"), (BigDecimal) r.getField("cost_usd"));
            row.put((String) r.getField("request_id"), (String) r.getField("price_row"));
        }
        assertThat(cost.get("price-0")).isEqualByComparingTo("3");
        assertThat(cost.get("price-1")).isEqualByComparingTo("3");
        assertThat(cost.get("price-2")).isEqualByComparingTo("30");
        assertThat(cost.get("price-3")).isEqualByComparingTo("300");
        assertThat(row.get("price-2")).contains("2026-11-01T21:00:00Z");
        assertThat(row.get("price-3")).contains("eu-west-1");
    }

    @Test
    void shouldUpdateAWindowsRowWhenALateEventArrivesAndKeepDailyTotalsExact() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Instant t0 = Instant.parse("2026-11-01T10:00:05Z");
        List<LogRecord> inOrder =
                Arrays.asList(
                        call("late-0", t0),
                        call(
                                "late-1",
                                t0.plusSeconds(3600)), // watermark moves past the 10:00 minute
                        call(
                                "late-2",
                                t0.plusSeconds(
                                        10)), // late, within allowed lateness: 10:00 row updated
                        call(
                                "late-3",
                                Instant.parse("2026-11-02T12:00:00Z")), // watermark passes day 1 +
                        // lateness
                        call("late-4", t0.plusSeconds(20))); // too late for every window of day 1
        tree.write(inOrder.get(0), toJson(inOrder));

        JobConfig config =
                PipelineRuns.config(
                        tree.root(),
                        MINI_CLUSTER.warehouse(),
                        "pipeline.parallelism=1",
                        "pipeline.max-out-of-orderness=0s",
                        "pipeline.allowed-lateness=2h");
        // Pace records so the source's periodic watermark advances between them, as in a live
        // stream.
        runPaced(config, 400);

        Instant minute = Instant.parse("2026-11-01T10:00:00Z");
        LogRecord any = inOrder.get(0);
        String minuteKey =
                ExpectedUsage.key(minute, any.accountId, any.region, any.callerArn, any.modelId);
        assertThat(PipelineRuns.usage(config, Tables.USAGE_MINUTE).get(minuteKey).invocations)
                .as("late-0 and late-2; late-4 came after the allowed lateness")
                .isEqualTo(2);
        Map<String, ExpectedUsage.Totals> daily = PipelineRuns.usage(config, Tables.USAGE_DAILY);
        assertThat(daily).isEqualTo(ExpectedUsage.daily(inOrder, PriceCatalog.defaultCatalog()));
        assertThat(PipelineRuns.rows(config, Tables.LATE_INVOCATIONS))
                .extracting(r -> (String) r.getField("request_id"))
                .containsExactly("late-4");
        assertThat(PipelineRuns.rows(config, Tables.INVOCATIONS)).hasSize(5);
        Record lateRow = PipelineRuns.rows(config, Tables.LATE_INVOCATIONS).get(0);
        assertThat(((OffsetDateTime) lateRow.getField("event_time")).toInstant())
                .isEqualTo(t0.plusSeconds(20));
    }

    @Test
    void shouldKeepCallsFromTheFutureOffTheWatermarkSoEveryTableStaysExact() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> ordinary = records(200, new Random(11));
        LogRecord year9999 = record(20_000, Instant.parse("9999-12-31T00:00:00Z"), new Random(12));
        LogRecord daysAhead =
                record(20_001, Instant.now().plus(Duration.ofDays(3)), new Random(13));
        // The future calls come first, in the folder of the earliest ordinary hour, so they are
        // read before the rest.
        LogRecord earliest = ordinary.stream().min(Comparator.comparing(r -> r.time)).get();
        tree.write(earliest, Arrays.asList(year9999.json(), daysAhead.json(), earliest.json()));
        List<LogRecord> rest = new ArrayList<>(ordinary);
        rest.remove(earliest);
        writeInFiles(tree, rest, 20);

        JobConfig config =
                PipelineRuns.config(
                        tree.root(),
                        MINI_CLUSTER.warehouse(),
                        "pipeline.parallelism=1",
                        "pipeline.allowed-lateness=12h");
        // Paced so the periodic watermark is emitted while ordinary calls are still coming, as in a
        // live stream.
        runPaced(config, 5);

        assertThat(PipelineRuns.rows(config, Tables.REJECTED_RECORDS))
                .extracting(r -> (String) r.getField("reason"))
                .containsExactly("future_timestamp", "future_timestamp");
        assertThat(PipelineRuns.rows(config, Tables.INVOCATIONS)).hasSize(ordinary.size());
        assertThat(PipelineRuns.rows(config, Tables.LATE_INVOCATIONS)).isEmpty();
        PriceCatalog catalog = PriceCatalog.defaultCatalog();
        assertThat(PipelineRuns.usage(config, Tables.USAGE_MINUTE))
                .isEqualTo(ExpectedUsage.windowed(ordinary, catalog, ChronoUnit.MINUTES));
        assertThat(PipelineRuns.usage(config, Tables.USAGE_HOURLY))
                .isEqualTo(ExpectedUsage.windowed(ordinary, catalog, ChronoUnit.HOURS));
        assertThat(PipelineRuns.usage(config, Tables.USAGE_DAILY))
                .isEqualTo(ExpectedUsage.daily(ordinary, catalog));
    }

    /** Runs the pipeline bounded, with a pause of {@code millis} before each call. */
    private static void runPaced(JobConfig config, long millis) throws Exception {
        PipelineRuns.run(
                config,
                s ->
                        s.map(new Pace(millis))
                                .returns(TypeInformation.of(Invocation.class))
                                .uid("test-pace")
                                .name("pace"),
                false);
    }

    static final class Pace implements MapFunction<Invocation, Invocation> {
        private final long millis;

        Pace(long millis) {
            this.millis = millis;
        }

        @Override
        public Invocation map(Invocation value) throws Exception {
            Thread.sleep(millis);
            return value;
        }
    }

    private static LogRecord call(String id, Instant t) {
        LogRecord r = new LogRecord(id, t);
        r.input = 100;
        r.output = 10;
        return r;
    }

    private static List<String> toJson(List<LogRecord> records) {
        List<String> lines = new ArrayList<>();
        for (LogRecord r : records) {
            lines.add(r.json());
        }
        return lines;
    }

    static List<LogRecord> records(int n, Random rnd) {
        List<LogRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // spread over 8 hours across midnight: two days
            out.add(record(i, START.plusSeconds(rnd.nextInt(8 * 3600)), rnd));
        }
        return out;
    }

    static LogRecord record(int i, Instant t, Random rnd) {
        LogRecord r = new LogRecord("req-" + i, t);
        r.accountId = ACCOUNTS[rnd.nextInt(ACCOUNTS.length)];
        r.callerArn = CALLERS[rnd.nextInt(CALLERS.length)];
        r.modelId = MODELS[rnd.nextInt(MODELS.length)];
        r.region = rnd.nextInt(4) == 0 ? "us-west-2" : "us-east-1";
        r.input = 1 + rnd.nextInt(5000);
        r.output = rnd.nextInt(2000);
        if (rnd.nextInt(3) == 0) {
            r.cacheRead = rnd.nextInt(10000);
            r.cacheWrite = rnd.nextInt(3000);
            r.cacheWrite1h = r.cacheWrite / 3;
        }
        r.latencyMs = 100 + rnd.nextInt(5000);
        if (rnd.nextInt(20) == 0) {
            r.errorCode = "ThrottlingException";
        }
        r.bodyBytes = 200 + rnd.nextInt(2000);
        return r;
    }

    static void writeInFiles(LogTree tree, List<LogRecord> records, int files) {
        int per = (records.size() + files - 1) / files;
        for (int f = 0; f * per < records.size(); f++) {
            List<LogRecord> part =
                    records.subList(f * per, Math.min(records.size(), (f + 1) * per));
            tree.write(part.get(0), toJson(part));
        }
    }

    private static BigDecimal sumCost(Map<String, ExpectedUsage.Totals> rows) {
        return rows.values().stream().map(t -> t.cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
