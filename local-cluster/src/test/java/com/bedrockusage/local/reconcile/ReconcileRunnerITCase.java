package com.bedrockusage.local.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.generate.CurFromTruth;
import com.bedrockusage.local.generate.GenerateCur;
import com.bedrockusage.local.generate.GeneratedLogs;
import com.bedrockusage.local.sql.CliRun;
import com.bedrockusage.local.sql.TestWarehouse;
import com.bedrockusage.pricing.CostBreakdown;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run on the generator's truth: usage_daily as the job would have written it, and a CUR
 * 2.0 export (Parquet) built from the same truth with three planted differences, which must be
 * found exactly.
 */
class ReconcileRunnerITCase {

    static final String DAY = "2026-11-03";
    static final PriceCatalog CATALOG = PriceCatalog.defaultCatalog();

    @TempDir static Path dir;
    static Path truth;
    static Path warehouse;
    static String planted;

    @BeforeAll
    static void generate() throws Exception {
        Path logs = dir.resolve("logs");
        GeneratedLogs.generate(
                logs,
                "--invocations",
                "600",
                "--accounts",
                "2",
                "--start",
                DAY + "T00:00:00Z",
                "--hours",
                "24",
                "--seed",
                "21",
                "--unknown-pct",
                "0",
                "--body-kb",
                "0");
        truth = logs.resolve("expected-totals.json");
        warehouse = dir.resolve("warehouse");
        try (TestWarehouse w = TestWarehouse.create(warehouse)) {
            w.upsert(Tables.USAGE_DAILY, usageDaily(w, truth));
        }
        planted = GenerateCur.write(truth, dir.resolve("cur"), "parquet", true);
    }

    @Test
    void findsThePlantedDifferencesExactlyAndNothingElse() throws Exception {
        Path csv = dir.resolve("out/reconciliation.csv");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(
                rules,
                "rules:\n  - id: bill-delta\n    metric: reconciliation_delta_pct\n"
                        + "    scope: account\n    window: 1d\n    threshold: 2\n");
        String[] args = {
            "--cur",
            dir.resolve("cur").toString(),
            "--from",
            DAY,
            "--to",
            DAY,
            "--warehouse",
            warehouse.toString(),
            "--out",
            csv.toString(),
            "--rules",
            rules.toString(),
            "--no-alerts"
        };
        CliRun run = run(args);
        assertThat(run.exit()).as(run.err()).isZero();

        List<Record> rows = table();
        Map<String, Record> byGroup = new TreeMap<>();
        for (Record r : rows) {
            byGroup.put(
                    r.getField("day")
                            + "|"
                            + r.getField("account_id")
                            + "|"
                            + r.getField("region")
                            + "|"
                            + r.getField("model_group")
                            + "|"
                            + r.getField("principal"),
                    r);
        }
        String[] p = planted.substring(planted.indexOf("planted: ")).split("; ");
        String billedOnly = after(p[0], "not logged ");
        String priceChanged = after(p[1], ") ");
        String principalMissing = after(p[2], "missing ");

        List<Record> notMatching = new ArrayList<>();
        for (Record r : rows) {
            if (!r.getField("status").equals("match")) {
                notMatching.add(r);
            }
        }
        assertThat(notMatching)
                .extracting(r -> r.getField("status"))
                .containsExactlyInAnyOrder("billed_only", "under");

        Record unlogged = only(byGroup, billedOnly);
        assertThat(unlogged.getField("status")).isEqualTo("billed_only");
        // 1,000,000 input tokens at $3 and 100,000 output tokens at $15 per million
        assertThat((BigDecimal) unlogged.getField("billed_cost_usd")).isEqualByComparingTo("4.50");
        assertThat((BigDecimal) unlogged.getField("difference_usd")).isEqualByComparingTo("-4.50");
        assertThat((BigDecimal) unlogged.getField("difference_pct")).isEqualByComparingTo("-100");

        Record repriced = only(byGroup, priceChanged);
        assertThat(repriced.getField("status")).isEqualTo("under");
        BigDecimal outputCost = outputCost(priceChanged, (String) repriced.getField("principal"));
        BigDecimal metered = (BigDecimal) repriced.getField("metered_cost_usd");
        assertThat((BigDecimal) repriced.getField("billed_cost_usd"))
                .isEqualByComparingTo(metered.add(outputCost.multiply(new BigDecimal("0.25"))));
        assertThat((BigDecimal) repriced.getField("difference_usd"))
                .isEqualByComparingTo(outputCost.multiply(new BigDecimal("-0.25")));

        // the group whose bill lost its principals is compared whole, and still matches to the cent
        List<Record> whole = all(byGroup, principalMissing);
        assertThat(whole).hasSize(1);
        assertThat(whole.get(0).getField("principal")).isEqualTo("");
        assertThat(whole.get(0).getField("status")).isEqualTo("match");
        assertThat((BigDecimal) whole.get(0).getField("difference_usd")).isEqualByComparingTo("0");
        for (Record r : rows) {
            if (r.getField("status").equals("match")) {
                assertThat((BigDecimal) r.getField("difference_usd"))
                        .as(r.toString())
                        .isEqualByComparingTo("0");
                assertThat(r.getField("principal").equals("")).isEqualTo(r == whole.get(0));
            }
        }

        // the alert rule sees each account's day: it fires where the planted differences move it by
        // 2 % or more
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        for (Record r : rows) {
            BigDecimal[] sums =
                    byAccount.computeIfAbsent(
                            (String) r.getField("account_id"),
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add((BigDecimal) r.getField("metered_cost_usd"));
            sums[1] = sums[1].add((BigDecimal) r.getField("billed_cost_usd"));
        }
        int fired = 0;
        for (Map.Entry<String, BigDecimal[]> e : byAccount.entrySet()) {
            BigDecimal[] v = e.getValue();
            boolean fires =
                    v[0].subtract(v[1])
                                    .abs()
                                    .multiply(BigDecimal.valueOf(100))
                                    .compareTo(v[1].multiply(BigDecimal.valueOf(2)))
                            >= 0;
            String line = "alert bill-delta: " + e.getKey() + " on " + DAY;
            if (fires) {
                fired++;
                assertThat(run.out()).contains(line).contains("NOT_SENT (--no-alerts)");
            } else {
                assertThat(run.out()).doesNotContain(line);
            }
        }
        assertThat(fired).as(run.out()).isPositive();

        assertThat(run.out())
                .contains(
                        "status: match "
                                + (rows.size() - 2)
                                + " over 0 under 1 billed_only 1 "
                                + "metered_only 0");
        assertThat(Files.readString(csv))
                .startsWith(ReconciliationCsv.HEADER + "\n")
                .contains(",billed_only,");
        assertThat(Files.readAllLines(csv)).hasSize(rows.size() + 1);

        // replays never change totals: refused without --force, and a forced re-run replaces the
        // day
        CliRun again = run(args);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists: pass --force");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(run(forced).exit()).isZero();
        assertThat(table()).hasSize(rows.size());
    }

    private static String after(String s, String marker) {
        return s.substring(s.indexOf(marker) + marker.length()).trim();
    }

    private static Record only(Map<String, Record> byGroup, String group) {
        List<Record> found = all(byGroup, group);
        assertThat(found).as(group).hasSize(1);
        return found.get(0);
    }

    private static List<Record> all(Map<String, Record> byGroup, String group) {
        List<Record> found = new ArrayList<>();
        byGroup.forEach(
                (k, v) -> {
                    if (k.startsWith(group + "|")) {
                        found.add(v);
                    }
                });
        return found;
    }

    /** The catalogue output cost of a group's (and principal's) truth rows. */
    private static BigDecimal outputCost(String group, String principal) throws Exception {
        String[] g = group.split("\\|");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode k : new ObjectMapper().readTree(truth.toFile()).path("byKey")) {
            String model = CATALOG.resolveModel(k.path("modelId").asText());
            if (k.path("accountId").asText().equals(g[1])
                    && k.path("region").asText().equals(g[2])
                    && model != null
                    && com.bedrockusage.pricing.ModelIds.stripGeoPrefix(model).equals(g[3])
                    && (principal.isEmpty()
                            || com.bedrockusage.job.reconcile.BilledPrincipals.of(
                                            k.path("callerArn").asText())
                                    .equals(principal))) {
                sum = sum.add(cost(k).output());
            }
        }
        return sum;
    }

    private static CostBreakdown cost(JsonNode k) {
        TokenCounts t = CurFromTruth.tokens(k);
        PricingResult p =
                CATALOG.price(
                        k.path("modelId").asText(),
                        k.path("region").asText(),
                        LocalDate.parse(k.path("day").asText())
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli(),
                        t);
        return p.cost();
    }

    /**
     * usage_daily as the job writes it from these calls (one row per truth key; costs from the same
     * catalogue).
     */
    static List<Record> usageDaily(TestWarehouse w, Path truth) throws Exception {
        List<Record> out = new ArrayList<>();
        for (JsonNode k : new ObjectMapper().readTree(truth.toFile()).path("byKey")) {
            if (cost(k) == null) {
                // the generator's image, video and rerank calls: priced per unit, which the bill
                // built from the truth (CurFromTruth) and the reconciler's usage types leave out
                continue;
            }
            GenericRecord r = w.newRecord(Tables.USAGE_DAILY);
            r.setField("window_start", OffsetDateTime.parse(k.path("day").asText() + "T00:00:00Z"));
            r.setField("account_id", k.path("accountId").asText());
            r.setField("region", k.path("region").asText());
            r.setField("caller_arn", k.path("callerArn").asText());
            r.setField("model_id", k.path("modelId").asText());
            r.setField("invocations", k.path("invocations").asLong());
            r.setField("errors", k.path("errors").asLong());
            r.setField("input_tokens", k.path("inputTokens").asLong());
            r.setField("output_tokens", k.path("outputTokens").asLong());
            r.setField("cache_read_tokens", k.path("cacheReadTokens").asLong());
            r.setField("cache_write_tokens", k.path("cacheWriteTokens").asLong());
            CostBreakdown c = cost(k);
            r.setField(
                    "cost_usd",
                    // What the job meters: each call's exact cost, summed (a day's tokens priced as
                    // one call would cross the long-context threshold).
                    c == null
                            ? null
                            : com.bedrockusage.pricing.CostRounding.atScale(
                                    new java.math.BigDecimal(k.path("costUsd").asText())));
            r.setField("unpriced_invocations", c == null ? k.path("invocations").asLong() : 0L);
            r.setField("latency_count", 0L);
            out.add(r);
        }
        return out;
    }

    private static List<Record> table() throws Exception {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        try (catalog;
                CloseableIterable<Record> it =
                        IcebergGenerics.read(
                                        catalog.loadTable(
                                                TableIdentifier.of(
                                                        TestWarehouse.NAMESPACE, "reconciliation")))
                                .build()) {
            List<Record> rows = new ArrayList<>();
            it.forEach(r -> rows.add(r.copy()));
            return rows;
        }
    }

    static CliRun run(String... args) {
        return CliRun.of(ReconcileRunner::run, args);
    }
}
