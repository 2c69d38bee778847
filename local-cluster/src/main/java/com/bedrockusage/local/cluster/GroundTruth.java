package com.bedrockusage.local.cluster;

import com.bedrockusage.pricing.CostBreakdown;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceRow;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was fed, as the tables should show it: per day, account, region, caller and model, the usage
 * of the UNIQUE records (one per requestId, whichever path and however often it was delivered) and
 * its exact cost.
 *
 * <p>Token totals come from the generator's own plan ({@code expected-totals.json}), not from
 * parsing what was sent, so a parser bug in the job cannot hide in the truth. Cost is the
 * generator's own per-call cost when its truth carries one ({@code costUsd}: every call priced in
 * its served tier, long-context rows included, then summed); an older truth file without it is
 * priced here from its totals, exact as long as one base row covers the whole day (checked) and no
 * call crosses a long-context threshold.
 */
final class GroundTruth {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Map<UsageKey, UsageTotals> byKey = new TreeMap<>();
    long uniqueRecords;

    /** Prices the generator's per-key totals. */
    static GroundTruth fromGeneratorTotals(Path expectedTotalsJson, PriceCatalog catalog)
            throws IOException {
        JsonNode root = MAPPER.readTree(expectedTotalsJson.toFile());
        GroundTruth t = new GroundTruth();
        t.uniqueRecords = root.path("counts").path("uniqueRecords").asLong();
        for (JsonNode row : root.path("byKey")) {
            UsageKey key = keyOf(row);
            UsageTotals u = countsOf(row);
            long cacheWrite1h = row.path("cacheWrite1hTokens").asLong();
            if (row.has("costUsd")) {
                costsOf(row, u);
            } else {
                price(u, key, cacheWrite1h, catalog);
            }
            t.byKey.merge(
                    key,
                    u,
                    (a, b) -> {
                        a.add(b);
                        return a;
                    });
        }
        long sum = t.byKey.values().stream().mapToLong(u -> u.invocations).sum();
        if (sum != t.uniqueRecords) {
            throw new IOException(
                    expectedTotalsJson
                            + ": byKey holds "
                            + sum
                            + " invocations but counts.uniqueRecords is "
                            + t.uniqueRecords);
        }
        return t;
    }

    private static UsageKey keyOf(JsonNode row) {
        return new UsageKey(
                LocalDate.parse(row.path("day").asText()),
                row.path("accountId").asText(),
                row.path("region").asText(),
                row.path("callerArn").asText(),
                row.path("modelId").asText());
    }

    /** The call and token counts of a row; costs are left to the caller. */
    private static UsageTotals countsOf(JsonNode row) {
        UsageTotals u = new UsageTotals();
        u.invocations = row.path("invocations").asLong();
        u.errors = row.path("errors").asLong();
        u.inputTokens = row.path("inputTokens").asLong();
        u.outputTokens = row.path("outputTokens").asLong();
        u.cacheReadTokens = row.path("cacheReadTokens").asLong();
        u.cacheWriteTokens = row.path("cacheWriteTokens").asLong();
        return u;
    }

    /** The exact per-call costs the generator summed. */
    private static void costsOf(JsonNode row, UsageTotals u) {
        u.unpricedInvocations = row.path("unpricedInvocations").asLong();
        u.costUsd = new BigDecimal(row.path("costUsd").asText());
        u.inputCostUsd = new BigDecimal(row.path("inputCostUsd").asText());
        u.outputCostUsd = new BigDecimal(row.path("outputCostUsd").asText());
        u.cacheReadCostUsd = new BigDecimal(row.path("cacheReadCostUsd").asText());
        u.cacheWriteCostUsd = new BigDecimal(row.path("cacheWriteCostUsd").asText());
    }

    static void price(UsageTotals u, UsageKey key, long cacheWrite1h, PriceCatalog catalog)
            throws IOException {
        long dayStart = key.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long dayEnd =
                key.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        PriceRow first = catalog.find(key.modelId(), key.region(), dayStart);
        PriceRow last = catalog.find(key.modelId(), key.region(), dayEnd);
        if (!Objects.equals(first, last)) {
            throw new IOException(
                    "the price of "
                            + key.modelId()
                            + " in "
                            + key.region()
                            + " changes during "
                            + key.day()
                            + "; day totals cannot be priced exactly (feed another day)");
        }
        TokenCounts tokens =
                new TokenCounts(
                        u.inputTokens,
                        u.outputTokens,
                        u.cacheReadTokens,
                        u.cacheWriteTokens - cacheWrite1h,
                        cacheWrite1h);
        PricingResult result = catalog.price(key.modelId(), key.region(), dayStart, tokens);
        if (!result.isPriced()) {
            u.unpricedInvocations = u.invocations;
            return;
        }
        CostBreakdown cost = result.cost();
        u.costUsd = cost.total();
        u.inputCostUsd = cost.input();
        u.outputCostUsd = cost.output();
        u.cacheReadCostUsd = cost.cacheRead();
        u.cacheWriteCostUsd = cost.cacheWrite();
    }

    /** Sums several truths (successive feeds with different seeds never share a requestId). */
    static GroundTruth read(Iterable<Path> files) throws IOException {
        GroundTruth t = new GroundTruth();
        for (Path f : files) {
            JsonNode root = MAPPER.readTree(f.toFile());
            t.uniqueRecords += root.path("uniqueRecords").asLong();
            for (JsonNode row : root.path("rows")) {
                UsageKey key = keyOf(row);
                UsageTotals u = countsOf(row);
                u.unpricedInvocations = row.path("unpricedInvocations").asLong();
                u.costUsd = new BigDecimal(row.path("costUsd").asText("0"));
                u.inputCostUsd = new BigDecimal(row.path("inputCostUsd").asText("0"));
                u.outputCostUsd = new BigDecimal(row.path("outputCostUsd").asText("0"));
                u.cacheReadCostUsd = new BigDecimal(row.path("cacheReadCostUsd").asText("0"));
                u.cacheWriteCostUsd = new BigDecimal(row.path("cacheWriteCostUsd").asText("0"));
                t.byKey.computeIfAbsent(key, k -> new UsageTotals()).add(u);
            }
        }
        return t;
    }

    void write(Path file, ObjectNode feedInfo) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(
                "_note",
                "Ground truth of one feed: usage of the unique records per day/account/region/caller/model, "
                        + "cost from the default price catalogue. Money is exact (decimal strings).");
        root.put("uniqueRecords", uniqueRecords);
        root.set("feed", feedInfo);
        ArrayNode byDay = root.putArray("byDayAccountModel");
        summaryByDayAccountModel()
                .forEach(
                        (k, u) ->
                                row(
                                        byDay.addObject()
                                                .put("day", k.day().toString())
                                                .put("accountId", k.accountId())
                                                .put("modelId", k.modelId()),
                                        u));
        ArrayNode rows = root.putArray("rows");
        byKey.forEach(
                (k, u) ->
                        row(
                                rows.addObject()
                                        .put("day", k.day().toString())
                                        .put("accountId", k.accountId())
                                        .put("region", k.region())
                                        .put("callerArn", k.callerArn())
                                        .put("modelId", k.modelId()),
                                u));
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), root);
    }

    /** The totals at (day, account, model) grain, the view people read. */
    Map<UsageKey, UsageTotals> summaryByDayAccountModel() {
        Map<UsageKey, UsageTotals> out = new TreeMap<>();
        byKey.forEach(
                (k, u) ->
                        out.computeIfAbsent(
                                        new UsageKey(k.day(), k.accountId(), "", "", k.modelId()),
                                        x -> new UsageTotals())
                                .add(u));
        return out;
    }

    private static void row(ObjectNode n, UsageTotals u) {
        n.put("invocations", u.invocations);
        n.put("errors", u.errors);
        n.put("inputTokens", u.inputTokens);
        n.put("outputTokens", u.outputTokens);
        n.put("cacheReadTokens", u.cacheReadTokens);
        n.put("cacheWriteTokens", u.cacheWriteTokens);
        n.put("unpricedInvocations", u.unpricedInvocations);
        n.put("costUsd", u.costUsd.toPlainString());
        n.put("inputCostUsd", u.inputCostUsd.toPlainString());
        n.put("outputCostUsd", u.outputCostUsd.toPlainString());
        n.put("cacheReadCostUsd", u.cacheReadCostUsd.toPlainString());
        n.put("cacheWriteCostUsd", u.cacheWriteCostUsd.toPlainString());
    }
}
