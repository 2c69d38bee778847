package com.bedrockusage.local.generate;

import com.bedrockusage.pricing.CostBreakdown;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth, from the unique records: usage per (account, region, caller, model as logged,
 * UTC day) and per day, plus delivery counts. Written as {@code expected-totals.json} for
 * end-to-end tests.
 */
final class ExpectedTotals {

    /** Column order of {@link Usage#values}. */
    static final List<String> FIELDS =
            List.of(
                    "invocations",
                    "errors",
                    "inputTokens",
                    "outputTokens",
                    "cacheReadTokens",
                    "cacheWriteTokens",
                    "cacheWrite1hTokens");

    record Key(String accountId, String region, String callerArn, String modelId, String day) {}

    /**
     * Money fields, in this order: each the sum of every call's rounded part, as the job adds them.
     */
    static final List<String> MONEY =
            List.of(
                    "costUsd",
                    "inputCostUsd",
                    "outputCostUsd",
                    "cacheReadCostUsd",
                    "cacheWriteCostUsd",
                    "unitCostUsd");

    /** Sums in {@link #FIELDS} order. */
    static final class Usage {
        final long[] values = new long[FIELDS.size()];
        final BigDecimal[] money = {
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO
        };
        long unpricedInvocations;

        /** Adds the call and its exact cost, priced as the job prices it (failed calls cost 0). */
        void add(PlannedRecord r, PricingResult price) {
            add(r);
            if (price == null) {
                return;
            }
            if (!price.isPriced()) {
                unpricedInvocations++;
                return;
            }
            CostBreakdown c = price.cost();
            BigDecimal[] parts = {
                c.total(), c.input(), c.output(), c.cacheRead(), c.cacheWrite(), c.units()
            };
            for (int i = 0; i < parts.length; i++) {
                money[i] = money[i].add(parts[i]);
            }
        }

        void add(PlannedRecord r) {
            values[0]++;
            values[1] += r.isError() ? 1 : 0;
            values[2] += r.inputTokens;
            values[3] += r.outputTokens;
            values[4] += r.cacheReadTokens;
            values[5] += r.cacheWriteTokens;
            values[6] += r.cacheWrite1hTokens;
        }
    }

    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing(Key::day)
                    .thenComparing(Key::accountId)
                    .thenComparing(Key::region)
                    .thenComparing(Key::callerArn)
                    .thenComparing(Key::modelId);

    final Map<Key, Usage> byKey = new TreeMap<>(KEY_ORDER);
    final Map<String, Usage> byDay = new TreeMap<>();
    final Usage total = new Usage();
    long uniqueRecords;
    long lateRecords;
    long duplicateLines;
    long offloadedInputs;
    long unknownModelRecords;
    long unitCallRecords;

    static ExpectedTotals of(List<PlannedRecord> records) {
        ExpectedTotals t = new ExpectedTotals();
        PriceCatalog catalog = PriceCatalog.defaultCatalog();
        for (PlannedRecord r : records) {
            String day =
                    LocalDate.ofInstant(Instant.ofEpochSecond(r.epochSecond), ZoneOffset.UTC)
                            .toString();
            Key key = new Key(r.account.id(), r.region, r.callerArn, r.model.modelId(), day);
            PricingResult price = price(r, catalog);
            t.byKey.computeIfAbsent(key, k -> new Usage()).add(r, price);
            t.byDay.computeIfAbsent(day, k -> new Usage()).add(r, price);
            t.total.add(r, price);
            t.uniqueRecords++;
            t.lateRecords += r.late ? 1 : 0;
            t.duplicateLines += r.duplicateFolderHour >= 0 ? 1 : 0;
            t.offloadedInputs += r.inputOffloaded ? 1 : 0;
            t.unknownModelRecords += r.model.spec() == ModelCatalog.UNKNOWN ? 1 : 0;
            t.unitCallRecords += r.unitCall != null ? 1 : 0;
        }
        return t;
    }

    /**
     * The call priced with the default catalogue in the tier it was served in, as the job prices
     * it; null for a failed call (the job charges it 0).
     */
    static PricingResult price(PlannedRecord r, PriceCatalog catalog) {
        if (r.isError()) {
            return null;
        }
        TokenCounts tokens =
                new TokenCounts(
                        r.inputTokens,
                        r.outputTokens,
                        r.cacheReadTokens,
                        r.cacheWriteTokens - r.cacheWrite1hTokens,
                        r.cacheWrite1hTokens);
        return catalog.price(
                r.model.modelId(),
                r.region,
                r.epochSecond * 1000,
                tokens,
                AccountingCases.tier(r),
                r.unitCall == null ? null : UnitCall.unitsOf(r));
    }

    void write(Path file, GeneratorOptions options, WriteStats stats) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put(
                "_note",
                "Ground truth from unique records (one per requestId). Token fields follow the log: "
                        + "inputTokens excludes cache reads/writes; cacheWriteTokens includes the 1h part cacheWrite1hTokens. "
                        + "invocations counts failed calls too (errors); they carry no tokens. costUsd and its parts are exact: "
                        + "each call priced with the default catalogue in its served tier (long-context rows above 200,000 "
                        + "input tokens; image, video-second and rerank-query rows for unit calls, in unitCostUsd), rounded once, "
                        + "then summed; unpricedInvocations have no cost.");
        ObjectNode gen = root.putObject("generator");
        gen.put("seed", options.seed());
        gen.put("invocations", options.invocations());
        gen.put("accounts", options.accounts());
        gen.put("start", options.start().toString());
        gen.put("hours", options.hours());
        gen.put("bodyKb", options.bodyKb());
        gen.put("duplicatesPct", options.duplicatesPct());
        gen.put("latePct", options.latePct());
        gen.put("errorsPct", options.errorsPct());
        gen.put("unknownPct", options.unknownPct());
        gen.put("slowPct", options.slowPct());
        gen.put("mix", options.mix().label());
        gen.put("latencyTail", options.latencyTail());
        gen.put("unknownModelId", ModelCatalog.UNKNOWN_MODEL);

        ObjectNode counts = root.putObject("counts");
        counts.put("uniqueRecords", uniqueRecords);
        counts.put("duplicateLines", duplicateLines);
        counts.put("linesWritten", uniqueRecords + duplicateLines);
        counts.put("lateRecords", lateRecords);
        counts.put("errorRecords", total.values[1]);
        counts.put("offloadedInputs", offloadedInputs);
        counts.put("unknownModelRecords", unknownModelRecords);
        counts.put("unitCallRecords", unitCallRecords);
        if (stats != null) {
            counts.put("files", stats.files);
            counts.put("payloadObjects", stats.payloadObjects);
            counts.put("bytesUncompressed", stats.bytesUncompressed);
            counts.put("bytesCompressed", stats.bytesCompressed);
        }

        usage(root.putObject("totals"), total);
        ArrayNode days = root.putArray("byDay");
        byDay.forEach((day, u) -> usage(days.addObject().put("day", day), u));
        ArrayNode rows = root.putArray("byKey");
        byKey.forEach(
                (k, u) ->
                        usage(
                                rows.addObject()
                                        .put("day", k.day())
                                        .put("accountId", k.accountId())
                                        .put("region", k.region())
                                        .put("callerArn", k.callerArn())
                                        .put("modelId", k.modelId()),
                                u));
        mapper.writeValue(file.toFile(), root);
    }

    private static void usage(ObjectNode node, Usage u) {
        for (int i = 0; i < FIELDS.size(); i++) {
            node.put(FIELDS.get(i), u.values[i]);
        }
        node.put("unpricedInvocations", u.unpricedInvocations);
        for (int i = 0; i < MONEY.size(); i++) {
            node.put(MONEY.get(i), u.money[i].toPlainString());
        }
    }
}
