package com.bedrockusage.local.sql;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * Generated Bedrock calls over three UTC days (2026-11-02 to 2026-11-04) and the rows the job would
 * write for them: invocations, and usage per minute, hour and day, priced with the default
 * catalogue.
 */
public final class SampleCalls {

    public static final Instant FIRST_DAY = Instant.parse("2026-11-02T00:00:00Z");
    public static final int DAYS = 3;

    public static final String[] CALLERS = {
        "arn:aws:sts::111111111111:assumed-role/Checkout-BedrockRole/i-0abc",
        "arn:aws:sts::111111111111:assumed-role/DataAnalysis-BedrockRole/ops,night",
        "arn:aws:iam::222222222222:user/alice",
        "arn:aws:sts::333333333333:assumed-role/Search-BedrockRole/batch-7"
    };
    public static final String[] MODELS = {
        "anthropic.claude-sonnet-4-5-20250929-v1:0", "us.anthropic.claude-3-haiku-20240307-v1:0",
        "amazon.nova-lite-v1:0", "acme.unknown-model-v1"
    };
    public static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    public static final String[] TEAMS = {"search", "payments", null};

    /** One call as logged, with its price (null when unpriced). */
    public record Call(
            String requestId,
            Instant time,
            String account,
            String region,
            String caller,
            String model,
            long input,
            long output,
            long cacheRead,
            long cacheWrite,
            long cacheWrite1h,
            Long latencyMs,
            String errorCode,
            String team,
            PricingResult price) {

        public BigDecimal cost() {
            return price.isPriced() ? price.cost().total() : null;
        }
    }

    private SampleCalls() {}

    /**
     * Writes a sample warehouse for trying bin/sql and bin/report by hand: {@code SampleCalls DIR
     * [CALLS]}.
     */
    public static void main(String[] args) throws Exception {
        try (TestWarehouse w = TestWarehouse.create(java.nio.file.Paths.get(args[0]))) {
            writeAll(w, generate(args.length > 1 ? Integer.parseInt(args[1]) : 200, 11));
        }
    }

    public static List<Call> generate(int count, long seed) {
        Random random = new Random(seed);
        PriceCatalog catalog = PriceCatalog.defaultCatalog();
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time =
                    FIRST_DAY.plusMillis(
                            (long) (random.nextDouble() * Duration.ofDays(DAYS).toMillis()));
            String caller = CALLERS[random.nextInt(CALLERS.length)];
            String account = caller.split(":")[4];
            String model = MODELS[random.nextInt(MODELS.length)];
            String region = REGIONS[random.nextInt(REGIONS.length)];
            boolean error = random.nextInt(10) == 0;
            long input = error ? 0 : 100 + random.nextInt(5000);
            long output = error ? 0 : 10 + random.nextInt(1500);
            long cacheRead = error || random.nextBoolean() ? 0 : random.nextInt(3000);
            long cacheWrite = error || random.nextBoolean() ? 0 : random.nextInt(2000);
            long cacheWrite1h = cacheWrite == 0 ? 0 : random.nextInt((int) cacheWrite + 1);
            PricingResult price =
                    catalog.price(
                            model,
                            region,
                            time.toEpochMilli(),
                            new TokenCounts(
                                    input,
                                    output,
                                    cacheRead,
                                    cacheWrite - cacheWrite1h,
                                    cacheWrite1h));
            calls.add(
                    new Call(
                            "req-" + i,
                            time,
                            account,
                            region,
                            caller,
                            model,
                            input,
                            output,
                            cacheRead,
                            cacheWrite,
                            cacheWrite1h,
                            200L + random.nextInt(4000),
                            error ? "ThrottlingException" : null,
                            TEAMS[random.nextInt(TEAMS.length)],
                            price));
        }
        return Collections.unmodifiableList(calls);
    }

    public static List<Record> invocationRecords(TestWarehouse w, List<Call> calls) {
        List<Record> records = new ArrayList<>();
        GenericRecord empty =
                w.newRecord(Tables.INVOCATIONS); // once: each newRecord loads the table
        for (Call c : calls) {
            GenericRecord r = empty.copy();
            r.setField("request_id", c.requestId());
            r.setField("event_time", ts(c.time()));
            r.setField("account_id", c.account());
            r.setField("region", c.region());
            r.setField("inference_region", c.region());
            r.setField("caller_arn", c.caller());
            r.setField("model_id", c.model());
            r.setField("model", c.price().resolvedModel());
            r.setField("operation", "Converse");
            r.setField("input_tokens", c.input());
            r.setField("output_tokens", c.output());
            r.setField("cache_read_tokens", c.cacheRead());
            r.setField("cache_write_tokens", c.cacheWrite());
            r.setField("cache_write_1h_tokens", c.cacheWrite1h());
            r.setField("latency_ms", c.latencyMs());
            r.setField("first_byte_latency_ms", c.latencyMs() / 3);
            r.setField("error_code", c.errorCode());
            r.setField("priced", c.price().isPriced());
            if (c.price().isPriced()) {
                r.setField("cost_usd", money(c.price().cost().total()));
                r.setField("input_cost_usd", money(c.price().cost().input()));
                r.setField("output_cost_usd", money(c.price().cost().output()));
                r.setField("cache_read_cost_usd", money(c.price().cost().cacheRead()));
                r.setField("cache_write_cost_usd", money(c.price().cost().cacheWrite()));
                r.setField("price_row", c.price().cost().row().id());
            }
            if (c.team() != null) {
                r.setField("request_metadata", Map.of("team", c.team(), "env", "prod"));
            }
            r.setField("source", "test");
            records.add(r);
        }
        return records;
    }

    /** The rows of usage_minute / usage_hourly / usage_daily for these calls. */
    public static List<Record> usageRecords(
            TestWarehouse w, String table, Duration window, List<Call> calls) {
        Map<List<Object>, List<Call>> groups = new LinkedHashMap<>();
        for (Call c : calls) {
            long start =
                    Math.floorDiv(c.time().toEpochMilli(), window.toMillis()) * window.toMillis();
            groups.computeIfAbsent(
                            List.of(start, c.account(), c.region(), c.caller(), c.model()),
                            k -> new ArrayList<>())
                    .add(c);
        }
        List<Record> records = new ArrayList<>();
        GenericRecord empty = w.newRecord(table);
        for (Map.Entry<List<Object>, List<Call>> g : groups.entrySet()) {
            List<Call> in = g.getValue();
            GenericRecord r = empty.copy();
            r.setField("window_start", ts(Instant.ofEpochMilli((Long) g.getKey().get(0))));
            r.setField("account_id", g.getKey().get(1));
            r.setField("region", g.getKey().get(2));
            r.setField("caller_arn", g.getKey().get(3));
            r.setField("model_id", g.getKey().get(4));
            r.setField("invocations", (long) in.size());
            r.setField("errors", in.stream().filter(c -> c.errorCode() != null).count());
            r.setField("input_tokens", in.stream().mapToLong(Call::input).sum());
            r.setField("output_tokens", in.stream().mapToLong(Call::output).sum());
            r.setField("cache_read_tokens", in.stream().mapToLong(Call::cacheRead).sum());
            r.setField("cache_write_tokens", in.stream().mapToLong(Call::cacheWrite).sum());
            // as the job writes them: no cost at all when none of the row's calls had a price
            if (in.stream().anyMatch(c -> c.price().isPriced())) {
                r.setField("cost_usd", money(sum(in, p -> p.total())));
                r.setField("input_cost_usd", money(sum(in, p -> p.input())));
                r.setField("output_cost_usd", money(sum(in, p -> p.output())));
                r.setField("cache_read_cost_usd", money(sum(in, p -> p.cacheRead())));
                r.setField("cache_write_cost_usd", money(sum(in, p -> p.cacheWrite())));
            }
            r.setField(
                    "unpriced_invocations", in.stream().filter(c -> !c.price().isPriced()).count());
            List<Long> latencies = in.stream().map(Call::latencyMs).sorted().toList();
            r.setField("latency_count", (long) latencies.size());
            r.setField("latency_min_ms", latencies.get(0));
            r.setField(
                    "latency_avg_ms",
                    latencies.stream().mapToLong(Long::longValue).average().orElseThrow());
            r.setField("latency_max_ms", latencies.get(latencies.size() - 1));
            r.setField(
                    "latency_p50_ms",
                    latencies.get((int) Math.ceil(0.5 * latencies.size()) - 1).doubleValue());
            r.setField(
                    "latency_p99_ms",
                    latencies.get((int) Math.ceil(0.99 * latencies.size()) - 1).doubleValue());
            records.add(r);
        }
        return records;
    }

    /** A warehouse with the calls in invocations and all usage tables, and two rejected records. */
    public static void writeAll(TestWarehouse w, List<Call> calls) {
        w.append(Tables.INVOCATIONS, invocationRecords(w, calls));
        w.append(
                Tables.USAGE_MINUTE,
                usageRecords(w, Tables.USAGE_MINUTE, Duration.ofMinutes(1), calls));
        w.append(
                Tables.USAGE_HOURLY,
                usageRecords(w, Tables.USAGE_HOURLY, Duration.ofHours(1), calls));
        w.append(
                Tables.USAGE_DAILY, usageRecords(w, Tables.USAGE_DAILY, Duration.ofDays(1), calls));
        List<Record> rejected = new ArrayList<>();
        for (String reason : new String[] {"malformed JSON", "missing requestId"}) {
            GenericRecord r = w.newRecord(Tables.REJECTED_RECORDS);
            r.setField("reason", reason);
            r.setField("source", "test");
            r.setField("ingest_time", ts(FIRST_DAY.plusSeconds(3600)));
            r.setField("raw_excerpt", "{\"oops\"");
            rejected.add(r);
        }
        w.append(Tables.REJECTED_RECORDS, rejected);
        SampleQDeveloper.writeAll(w);
    }

    private static BigDecimal sum(
            List<Call> calls,
            java.util.function.Function<com.bedrockusage.pricing.CostBreakdown, BigDecimal> part) {
        BigDecimal total = BigDecimal.ZERO;
        for (Call c : calls) {
            if (c.price().isPriced()) {
                total = total.add(part.apply(c.price().cost()));
            }
        }
        return total;
    }

    public static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    public static BigDecimal money(BigDecimal v) {
        return v.setScale(Tables.MONEY_SCALE, RoundingMode.UNNECESSARY);
    }
}
