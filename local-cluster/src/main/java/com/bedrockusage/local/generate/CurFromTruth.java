package com.bedrockusage.local.generate;

import com.bedrockusage.job.reconcile.BilledPrincipals;
import com.bedrockusage.job.reconcile.CurColumns;
import com.bedrockusage.job.reconcile.CurLine;
import com.bedrockusage.job.reconcile.UsageTypeModels;
import com.bedrockusage.pricing.CostBreakdown;
import com.bedrockusage.pricing.ModelIds;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bill the generator's truth ({@code expected-totals.json}) would give: one CUR 2.0 line per
 * day, account, region, billed principal, model and token type, priced with the catalogue the job
 * uses, under the usage type of the usage-type table. With {@code plant}, three differences are
 * planted (see {@link Planted}).
 */
public final class CurFromTruth {

    /** The model billed but never logged; the generator does not use it. */
    public static final String UNLOGGED_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    public static final long UNLOGGED_INPUT = 1_000_000;
    public static final long UNLOGGED_OUTPUT = 100_000;

    /**
     * The price change: the bill charges this many times the catalogue's output price for one
     * group.
     */
    public static final BigDecimal PRICE_FACTOR = new BigDecimal("1.25");

    private static final Map<String, String> REGION_CODES =
            Map.ofEntries(
                    Map.entry("us-east-1", "USE1"),
                    Map.entry("us-east-2", "USE2"),
                    Map.entry("us-west-2", "USW2"),
                    Map.entry("eu-west-1", "EU"),
                    Map.entry("eu-central-1", "EUC1"),
                    Map.entry("eu-west-3", "EUW3"),
                    Map.entry("eu-north-1", "EUN1"),
                    Map.entry("ap-northeast-1", "APN1"),
                    Map.entry("ap-northeast-2", "APN2"),
                    Map.entry("ap-northeast-3", "APN3"),
                    Map.entry("ap-southeast-1", "APS1"),
                    Map.entry("ap-southeast-2", "APS2"),
                    Map.entry("ap-south-1", "APS3"));

    /** What was planted, by day, account, region and model group. */
    public record Planted(String billedOnly, String priceChanged, String principalMissing) {}

    public record Bill(List<CurLine> lines, long skippedUnpriced, Planted planted) {}

    private CurFromTruth() {}

    public static Bill build(Path expectedTotals, PriceCatalog catalog, boolean plant)
            throws IOException {
        JsonNode root = new ObjectMapper().readTree(expectedTotals.toFile());
        Map<String, String> keyOfModel = new HashMap<>();
        UsageTypeModels.builtIn()
                .modelKeys()
                .forEach((key, model) -> keyOfModel.putIfAbsent(model, key));
        Map<String, CurLine> lines = new TreeMap<>();
        long skipped = 0;
        for (JsonNode k : root.path("byKey")) {
            LocalDate day = LocalDate.parse(k.path("day").asText());
            String modelId = k.path("modelId").asText();
            String region = k.path("region").asText();
            String resolved = catalog.resolveModel(modelId);
            String key =
                    resolved == null ? null : keyOfModel.get(ModelIds.stripGeoPrefix(resolved));
            TokenCounts tokens = tokens(k);
            PricingResult price =
                    catalog.price(
                            modelId,
                            region,
                            day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(),
                            tokens);
            if (key == null || !price.isPriced()) {
                skipped++;
                continue;
            }
            // The bill charges what each call cost (a call's tier or long-context rate included),
            // which the truth sums per key; pricing the key's summed tokens as one call would apply
            // thresholds to a day.
            Place place =
                    new Place(
                            day,
                            k.path("accountId").asText(),
                            region,
                            BilledPrincipals.of(k.path("callerArn").asText()));
            String prefix = REGION_CODES.getOrDefault(region, "USE1") + "-" + key;
            place.add(lines, prefix + "-input-tokens", tokens.input(), money(k, "inputCostUsd"));
            place.add(lines, prefix + "-output-tokens", tokens.output(), money(k, "outputCostUsd"));
            place.add(
                    lines,
                    prefix + "-cache-read-input-token-count",
                    tokens.cacheRead(),
                    money(k, "cacheReadCostUsd"));
            place.add(
                    lines,
                    prefix + "-cache-write-input-token-count",
                    tokens.cacheWrite5m() + tokens.cacheWrite1h(),
                    money(k, "cacheWriteCostUsd"));
        }
        List<CurLine> out = new ArrayList<>(lines.values());
        Planted planted = plant ? plant(out, catalog, keyOfModel) : null;
        return new Bill(out, skipped, planted);
    }

    /** Where a truth key's usage is billed: its CUR lines differ only by usage type. */
    private record Place(LocalDate day, String account, String region, String principal) {

        /** Adds {@code amount} and {@code cost} to this place's line of {@code usageType}. */
        void add(Map<String, CurLine> lines, String usageType, long amount, BigDecimal cost) {
            if (amount == 0) {
                return;
            }
            String k = day + "|" + account + "|" + region + "|" + principal + "|" + usageType;
            CurLine prev = lines.get(k);
            lines.put(
                    k,
                    new CurLine(
                            day,
                            account,
                            CurColumns.BEDROCK_PRODUCT_CODE,
                            usageType,
                            BigDecimal.valueOf(amount)
                                    .add(prev == null ? BigDecimal.ZERO : prev.usageAmount),
                            cost.add(prev == null ? BigDecimal.ZERO : prev.unblendedCost),
                            region,
                            null,
                            principal));
        }
    }

    /**
     * Plants, in line order: the first output line's group is billed at {@link #PRICE_FACTOR} times
     * the output price; every line of the next group of another model loses its principal; and the
     * first line's account, region and principal are billed {@link #UNLOGGED_MODEL} tokens that no
     * log has.
     */
    private static Planted plant(
            List<CurLine> lines, PriceCatalog catalog, Map<String, String> keyOfModel) {
        UsageTypeModels models = UsageTypeModels.builtIn();
        String priceGroup = null;
        String principalGroup = null;
        for (int i = 0; i < lines.size(); i++) {
            CurLine l = lines.get(i);
            String group = group(models, l);
            if (priceGroup == null && l.usageType.endsWith("-output-tokens")) {
                priceGroup = group;
            }
            if (priceGroup != null
                    && principalGroup == null
                    && !group.equals(priceGroup)
                    && !model(group).equals(model(priceGroup))) {
                principalGroup = group;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            CurLine l = lines.get(i);
            String group = group(models, l);
            if (group.equals(priceGroup) && l.usageType.endsWith("-output-tokens")) {
                lines.set(i, copy(l, l.unblendedCost.multiply(PRICE_FACTOR), l.principal));
            } else if (group.equals(principalGroup)) {
                lines.set(i, copy(l, l.unblendedCost, null));
            }
        }
        CurLine first = lines.get(0);
        TokenCounts t = new TokenCounts(UNLOGGED_INPUT, UNLOGGED_OUTPUT, 0, 0, 0);
        // A day's billed tokens at the model's base rates: thresholds apply to a call, not to a
        // day.
        CostBreakdown c =
                CostBreakdown.of(
                        catalog.find(
                                UNLOGGED_MODEL,
                                first.region,
                                first.day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()),
                        t);
        String prefix =
                REGION_CODES.getOrDefault(first.region, "USE1")
                        + "-"
                        + keyOfModel.get(UNLOGGED_MODEL);
        lines.add(beside(first, prefix + "-input-tokens", UNLOGGED_INPUT, c.input()));
        lines.add(beside(first, prefix + "-output-tokens", UNLOGGED_OUTPUT, c.output()));
        return new Planted(
                first.day + "|" + first.accountId + "|" + first.region + "|" + UNLOGGED_MODEL,
                priceGroup,
                principalGroup);
    }

    /** A truth key's tokens; its cache writes are split into 5-minute and 1-hour ones. */
    public static TokenCounts tokens(JsonNode k) {
        long cw1h = k.path("cacheWrite1hTokens").asLong();
        return new TokenCounts(
                k.path("inputTokens").asLong(),
                k.path("outputTokens").asLong(),
                k.path("cacheReadTokens").asLong(),
                k.path("cacheWriteTokens").asLong() - cw1h,
                cw1h);
    }

    /** {@code l} with another cost and principal. */
    private static CurLine copy(CurLine l, BigDecimal cost, String principal) {
        return new CurLine(
                l.day,
                l.accountId,
                l.productCode,
                l.usageType,
                l.usageAmount,
                cost,
                l.region,
                l.resourceId,
                principal);
    }

    /** A line of another usage type on {@code l}'s day, account, region and principal. */
    private static CurLine beside(CurLine l, String usageType, long amount, BigDecimal cost) {
        return new CurLine(
                l.day,
                l.accountId,
                l.productCode,
                usageType,
                BigDecimal.valueOf(amount),
                cost,
                l.region,
                null,
                l.principal);
    }

    /** day|account|region|model of a line. */
    private static String group(UsageTypeModels models, CurLine l) {
        return l.day
                + "|"
                + l.accountId
                + "|"
                + l.region
                + "|"
                + models.group(
                        l.productCode,
                        com.bedrockusage.job.reconcile.BilledUsageType.parse(l.usageType));
    }

    private static String model(String group) {
        return group.substring(group.lastIndexOf('|') + 1);
    }

    private static BigDecimal money(JsonNode key, String field) {
        return new BigDecimal(key.path(field).asText("0"));
    }
}
