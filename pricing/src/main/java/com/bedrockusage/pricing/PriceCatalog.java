package com.bedrockusage.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable, thread-safe price catalogue: answers "what did this Bedrock call cost" exactly.
 *
 * <p>Model resolution ({@link #resolveModel}), first match wins:
 *
 * <ol>
 *   <li>a row for the id exactly as logged (so {@code us.} profile prices, which may carry a
 *       premium, win);
 *   <li>the alias map (application-inference-profile ARNs or ids), whose target is then resolved by
 *       the steps below;
 *   <li>the last path segment of a foundation-model or inference-profile ARN;
 *   <li>that id with its geographic prefix ({@code us.}, {@code eu.}, ...) removed.
 * </ol>
 *
 * Application-inference-profile ARNs are never reduced: they price only via an explicit row or an
 * alias.
 *
 * <p>Then time and region ({@link #find}): among the resolved model's rows for the call's source
 * region, the one with the greatest {@code effective_from <= call time}; if there is none, the same
 * among its {@code *} rows. Resolution does not fall back to another model id when the resolved one
 * has no row at that time: the call is unpriced with a reason instead (an explicit outcome, never a
 * zero cost).
 */
public final class PriceCatalog implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String DEFAULT_RESOURCE = "default-prices.csv";

    private final List<PriceRow> rows;
    private final Map<String, ModelPrices> byModel;
    private final Map<String, String> aliases;
    private final String baseSource;
    private final int upsertedRows;

    private PriceCatalog(
            List<PriceRow> sortedRows,
            Map<String, ModelPrices> byModel,
            Map<String, String> aliases,
            String baseSource,
            int upsertedRows) {
        this.rows = sortedRows;
        this.byModel = byModel;
        this.aliases = aliases;
        this.baseSource = baseSource;
        this.upsertedRows = upsertedRows;
    }

    /**
     * A catalogue of exactly these rows; a duplicate (model, region, effective_from) key is an
     * error.
     */
    public static PriceCatalog of(Collection<PriceRow> rows) {
        return of(rows, "in-memory (" + rows.size() + " rows)");
    }

    static PriceCatalog of(Collection<PriceRow> rows, String source) {
        Map<String, PriceRow> byKey = new HashMap<>();
        for (PriceRow row : rows) {
            PriceRow previous = byKey.putIfAbsent(Objects.requireNonNull(row, "row").id(), row);
            if (previous != null) {
                throw new PriceCatalogException(
                        where(row)
                                + "duplicate key "
                                + row.id()
                                + (previous.origin() == null
                                        ? ""
                                        : " (first defined at " + previous.origin() + ")"));
            }
        }
        return build(byKey.values(), Collections.<String, String>emptyMap(), source, 0);
    }

    /**
     * The catalogue shipped with this module (generated from the LiteLLM snapshot); loaded once.
     */
    public static PriceCatalog defaultCatalog() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * The rows of a price CSV file, or the default catalogue when {@code csvFileOrNull} is null.
     */
    public static PriceCatalog load(Path csvFileOrNull) {
        if (csvFileOrNull == null) {
            return defaultCatalog();
        }
        List<PriceRow> loaded = PriceCsv.read(csvFileOrNull);
        return of(loaded, csvFileOrNull.toAbsolutePath() + " (" + loaded.size() + " rows)");
    }

    /**
     * The same prices with this alias map (replacing any previous one): logged id or
     * application-inference-profile ARN (or its trailing profile id) to a model id, which is then
     * resolved like a logged id.
     */
    public PriceCatalog withAliases(Map<String, String> aliasToModelId) {
        Map<String, String> copy = new HashMap<>();
        for (Map.Entry<String, String> e : aliasToModelId.entrySet()) {
            String alias = e.getKey();
            String target = e.getValue();
            if (alias == null
                    || alias.trim().isEmpty()
                    || target == null
                    || target.trim().isEmpty()) {
                throw new PriceCatalogException(
                        "alias map: empty alias or target in '" + alias + "' -> '" + target + "'");
            }
            copy.put(alias.trim(), target.trim());
        }
        return new PriceCatalog(
                rows, byModel, Collections.unmodifiableMap(copy), baseSource, upsertedRows);
    }

    /**
     * A new catalogue with these rows added; a row whose (model, region, effective_from) key exists
     * replaces it. Applying the same rows again gives the same catalogue. Two different rows for
     * one key in the same batch are an error (their order would decide the price).
     */
    public PriceCatalog upsert(Collection<PriceRow> newRows) {
        Map<String, PriceRow> batch = new HashMap<>();
        for (PriceRow row : newRows) {
            PriceRow previous = batch.putIfAbsent(Objects.requireNonNull(row, "row").id(), row);
            if (previous != null && !previous.equals(row)) {
                throw new PriceCatalogException(
                        where(row)
                                + "conflicting rows for key "
                                + row.id()
                                + " in one upsert"
                                + (previous.origin() == null
                                        ? ""
                                        : " (other at " + previous.origin() + ")"));
            }
        }
        Map<String, PriceRow> merged = new LinkedHashMap<>();
        for (PriceRow row : rows) {
            merged.put(row.id(), row);
        }
        merged.putAll(batch);
        return build(merged.values(), aliases, baseSource, upsertedRows + batch.size());
    }

    /** Every row, ordered by model, region and effective_from. */
    public List<PriceRow> rows() {
        return rows;
    }

    /** Where the rows came from, for logs and provenance. */
    public String source() {
        return upsertedRows == 0
                ? baseSource
                : baseSource + " + " + upsertedRows + " upserted rows";
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    /** The catalogue model id a logged id (bare id, profile id or ARN) resolves to, or null. */
    public String resolveModel(String modelIdAsLogged) {
        if (modelIdAsLogged == null || modelIdAsLogged.isEmpty()) {
            return null;
        }
        if (byModel.containsKey(modelIdAsLogged)) {
            return modelIdAsLogged;
        }
        String target = aliasOf(modelIdAsLogged);
        if (target != null) {
            return byModel.containsKey(target) ? target : resolveWithoutAliases(target);
        }
        return resolveWithoutAliases(modelIdAsLogged);
    }

    private String aliasOf(String logged) {
        if (aliases.isEmpty()) {
            return null;
        }
        String target = aliases.get(logged);
        if (target == null && ModelIds.isApplicationInferenceProfileArn(logged)) {
            target = aliases.get(logged.substring(logged.lastIndexOf('/') + 1));
        }
        return target;
    }

    private String resolveWithoutAliases(String id) {
        String bare = ModelIds.stripArn(id);
        if (bare != id && byModel.containsKey(bare)) {
            return bare;
        }
        String base = ModelIds.stripGeoPrefix(bare);
        if (base != bare && byModel.containsKey(base)) {
            return base;
        }
        return null;
    }

    /**
     * The base row (standard tier, per token, no threshold) that prices a call of this model from
     * this source region at this time, or null. A null region matches only {@code *} rows.
     */
    public PriceRow find(String modelIdAsLogged, String region, long epochMillis) {
        String model = resolveModel(modelIdAsLogged);
        return model == null
                ? null
                : byModel.get(model)
                        .at(
                                ModelPrices.classKey(ServiceTiers.STANDARD, null, ""),
                                0,
                                region,
                                epochMillis);
    }

    /**
     * The exact cost of a standard-tier, per-token call, or an explicit unpriced result with the
     * reason.
     */
    public PricingResult price(
            String modelIdAsLogged, String region, long epochMillis, TokenCounts tokens) {
        return price(modelIdAsLogged, region, epochMillis, tokens, ServiceTiers.STANDARD, null);
    }

    /**
     * The exact cost of a call, or an explicit unpriced result with the reason.
     *
     * <p>Rows apply by model, region and time as always, and further: only rows of the call's
     * {@code serviceTier} (never another tier's: a tier without rows is {@link
     * PricingRules#NO_PRICE_FOR_TIER}); for a call with units, only rows of that unit, of its
     * variant or else of any variant; and among those, the row with the highest {@code
     * above_input_tokens} below the call's input total (input + cache read + cache write tokens)
     * prices the whole call.
     *
     * @param serviceTier the tier that served the call ({@link ServiceTiers#normalize}d); null
     *     means standard
     * @param units the images, seconds or queries the call made, or null for a per-token call
     */
    public PricingResult price(
            String modelIdAsLogged,
            String region,
            long epochMillis,
            TokenCounts tokens,
            String serviceTier,
            UnitQuantity units) {
        String model = resolveModel(modelIdAsLogged);
        if (model == null) {
            return PricingResult.unpriced(
                    null, PricingRules.UNKNOWN_MODEL, unresolvedReason(modelIdAsLogged));
        }
        if (tokens.input() < 0
                || tokens.output() < 0
                || tokens.cacheRead() < 0
                || tokens.cacheWrite5m() < 0
                || tokens.cacheWrite1h() < 0
                || (units != null && units.quantity() < 0)) {
            return PricingResult.unpriced(
                    model,
                    PricingRules.INVALID_QUANTITY,
                    "negative count: " + tokens + (units == null ? "" : ", " + units));
        }
        String tier = serviceTier == null ? ServiceTiers.STANDARD : serviceTier;
        ModelPrices prices = byModel.get(model);
        long inputTotal = inputTotal(tokens);
        if (units != null && prices.hasUnitRows()) {
            // a quantity the model is not priced by (a chat model's RAG documents) leaves it priced
            // per token
            return priceUnits(model, prices, region, epochMillis, tokens, tier, units, inputTotal);
        }
        String key = ModelPrices.classKey(tier, null, "");
        if (!prices.hasClass(key)) {
            if (ServiceTiers.STANDARD.equals(tier) && prices.hasUnitRows()) {
                return PricingResult.unpriced(
                        model,
                        PricingRules.NO_UNIT_QUANTITY,
                        model
                                + " is priced per unit and the log does not say how many units the call made");
            }
            return PricingResult.unpriced(
                    model,
                    PricingRules.NO_PRICE_FOR_TIER,
                    "no per-token price for " + model + " in service tier " + tier);
        }
        PriceRow row = prices.at(key, inputTotal, region, epochMillis);
        if (row == null) {
            return PricingResult.unpriced(
                    model,
                    PricingRules.NO_PRICE_AT_TIME,
                    prices.whyNoRow(key, model, region, epochMillis));
        }
        String rule =
                !ServiceTiers.STANDARD.equals(tier)
                        ? PricingRules.SERVICE_TIER
                        : row.aboveInputTokens() > 0
                                ? PricingRules.LONG_CONTEXT
                                : PricingRules.BASE;
        return PricingResult.priced(model, CostBreakdown.of(row, tokens), rule);
    }

    private static PricingResult priceUnits(
            String model,
            ModelPrices prices,
            String region,
            long epochMillis,
            TokenCounts tokens,
            String tier,
            UnitQuantity units,
            long inputTotal) {
        String exact = ModelPrices.classKey(tier, units.unit(), units.variant());
        String any = ModelPrices.classKey(tier, units.unit(), "");
        if (!prices.hasClass(exact) && !prices.hasClass(any)) {
            return PricingResult.unpriced(
                    model,
                    PricingRules.NO_PRICE_FOR_UNIT,
                    "no price per "
                            + units.unit()
                            + (units.variant().isEmpty() ? "" : " (" + units.variant() + ")")
                            + " for "
                            + model
                            + " in service tier "
                            + tier);
        }
        PriceRow row =
                prices.hasClass(exact) ? prices.at(exact, inputTotal, region, epochMillis) : null;
        if (row == null && prices.hasClass(any)) {
            row = prices.at(any, inputTotal, region, epochMillis);
        }
        if (row == null) {
            return PricingResult.unpriced(
                    model,
                    PricingRules.NO_PRICE_AT_TIME,
                    prices.whyNoRow(
                            prices.hasClass(exact) ? exact : any, model, region, epochMillis));
        }
        return PricingResult.priced(
                model, CostBreakdown.of(row, tokens, units.quantity()), PricingRules.UNIT);
    }

    /**
     * Input + cache read + cache write tokens, the total a long-context threshold compares
     * (saturating).
     */
    static long inputTotal(TokenCounts t) {
        long sum = 0;
        for (long part :
                new long[] {t.input(), t.cacheRead(), t.cacheWrite5m(), t.cacheWrite1h()}) {
            sum = sum > Long.MAX_VALUE - part ? Long.MAX_VALUE : sum + part;
        }
        return sum;
    }

    private String unresolvedReason(String logged) {
        if (logged == null || logged.isEmpty()) {
            return "no model id";
        }
        String target = aliasOf(logged);
        if (target != null) {
            return "alias " + logged + " -> " + target + ": no price for that model";
        }
        if (ModelIds.isApplicationInferenceProfileArn(logged)) {
            return "application inference profile " + logged + " has no price row or alias";
        }
        return "no price for model " + logged;
    }

    private static String where(PriceRow row) {
        return row.origin() == null ? "" : row.origin() + ": ";
    }

    private static PriceCatalog build(
            Collection<PriceRow> rows,
            Map<String, String> aliases,
            String baseSource,
            int upsertedRows) {
        List<PriceRow> sorted = new ArrayList<>(rows);
        sorted.sort(
                Comparator.comparing(PriceRow::modelId)
                        .thenComparing(PriceRow::region)
                        .thenComparing(PriceRow::effectiveFrom)
                        .thenComparing(PriceRow::id));
        Map<String, List<PriceRow>> grouped = new LinkedHashMap<>();
        for (PriceRow row : sorted) {
            grouped.computeIfAbsent(row.modelId(), k -> new ArrayList<>()).add(row);
        }
        Map<String, ModelPrices> byModel = new HashMap<>(grouped.size() * 2);
        for (Map.Entry<String, List<PriceRow>> e : grouped.entrySet()) {
            byModel.put(e.getKey(), ModelPrices.of(e.getValue()));
        }
        return new PriceCatalog(
                Collections.unmodifiableList(sorted),
                Collections.unmodifiableMap(byModel),
                aliases,
                baseSource,
                upsertedRows);
    }

    @Override
    public String toString() {
        return "PriceCatalog{"
                + rows.size()
                + " rows, "
                + byModel.size()
                + " models, "
                + aliases.size()
                + " aliases, source="
                + source()
                + '}';
    }

    /**
     * Lazily loaded once per JVM (class-holder idiom: thread-safe without locking on the hot path).
     */
    private static final class DefaultHolder {
        static final PriceCatalog INSTANCE = loadDefault();

        private static PriceCatalog loadDefault() {
            String resource = "/com/bedrockusage/pricing/" + DEFAULT_RESOURCE;
            InputStream in = PriceCatalog.class.getResourceAsStream(resource);
            if (in == null) {
                throw new PriceCatalogException("classpath:" + resource + ":0: resource not found");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                String text = readAll(reader);
                List<PriceRow> loaded =
                        PriceCsv.read(new java.io.StringReader(text), "classpath:" + resource);
                return of(
                        loaded,
                        "classpath:"
                                + resource
                                + " ("
                                + loaded.size()
                                + " rows"
                                + provenance(text)
                                + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath:" + resource, e);
            }
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = reader.read(buf)) >= 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }

        /** The "# source:" and "# snapshot:" comment values, if the file has them. */
        private static String provenance(String text) {
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("# source:") || trimmed.startsWith("# snapshot:")) {
                    sb.append("; ").append(trimmed.substring(2));
                }
            }
            return sb.toString();
        }
    }

    /**
     * All rows of one model, by price class (tier, unit, unit variant), then by threshold (highest
     * first), then per region and for {@code *}, each sorted by effective_from.
     */
    private static final class ModelPrices implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Map<String, Level[]> byClass;
        private final boolean hasUnitRows;

        private ModelPrices(Map<String, Level[]> byClass, boolean hasUnitRows) {
            this.byClass = byClass;
            this.hasUnitRows = hasUnitRows;
        }

        static String classKey(String tier, String unit, String variant) {
            return tier + '|' + (unit == null ? "" : unit) + '|' + variant;
        }

        /** {@code rows} are sorted by region then effective_from. */
        static ModelPrices of(List<PriceRow> rows) {
            Map<String, Map<Long, List<PriceRow>>> grouped = new LinkedHashMap<>();
            boolean units = false;
            for (PriceRow row : rows) {
                units |= row.unit() != null;
                grouped.computeIfAbsent(
                                classKey(row.serviceTier(), row.unit(), row.unitVariant()),
                                k -> new HashMap<>())
                        .computeIfAbsent(row.aboveInputTokens(), k -> new ArrayList<>())
                        .add(row);
            }
            Map<String, Level[]> byClass = new HashMap<>();
            for (Map.Entry<String, Map<Long, List<PriceRow>>> e : grouped.entrySet()) {
                List<Level> levels = new ArrayList<>();
                for (Map.Entry<Long, List<PriceRow>> t : e.getValue().entrySet()) {
                    levels.add(new Level(t.getKey(), RegionRows.of(t.getValue())));
                }
                levels.sort((a, b) -> Long.compare(b.above, a.above));
                byClass.put(e.getKey(), levels.toArray(new Level[0]));
            }
            return new ModelPrices(byClass, units);
        }

        boolean hasClass(String key) {
            return byClass.containsKey(key);
        }

        boolean hasUnitRows() {
            return hasUnitRows;
        }

        /**
         * The row of the highest threshold below {@code inputTotal} that is in force; null if none.
         */
        PriceRow at(String key, long inputTotal, String region, long epochMillis) {
            Level[] levels = byClass.get(key);
            if (levels == null) {
                return null;
            }
            for (Level level : levels) {
                if (level.above == 0 || inputTotal > level.above) {
                    PriceRow row = level.rows.at(region, epochMillis);
                    if (row != null) {
                        return row;
                    }
                }
            }
            return null;
        }

        String whyNoRow(String key, String model, String region, long epochMillis) {
            Level[] levels = byClass.get(key);
            return levels[levels.length - 1].rows.whyNoRow(model, region, epochMillis);
        }
    }

    private static final class Level implements Serializable {

        private static final long serialVersionUID = 1L;

        final long above;
        final RegionRows rows;

        Level(long above, RegionRows rows) {
            this.above = above;
            this.rows = rows;
        }
    }

    /**
     * The rows of one model, class and threshold: per region and for {@code *}, each sorted by
     * effective_from.
     */
    private static final class RegionRows implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Map<String, Timeline> byRegion;
        private final Timeline anyRegion;

        private RegionRows(Map<String, Timeline> byRegion, Timeline anyRegion) {
            this.byRegion = byRegion;
            this.anyRegion = anyRegion;
        }

        /** {@code rows} are sorted by region then effective_from. */
        static RegionRows of(List<PriceRow> rows) {
            Map<String, List<PriceRow>> grouped = new LinkedHashMap<>();
            for (PriceRow row : rows) {
                grouped.computeIfAbsent(row.region(), k -> new ArrayList<>()).add(row);
            }
            Map<String, Timeline> byRegion = new HashMap<>();
            Timeline any = null;
            for (Map.Entry<String, List<PriceRow>> e : grouped.entrySet()) {
                Timeline timeline = new Timeline(e.getValue());
                if (PriceRow.ANY_REGION.equals(e.getKey())) {
                    any = timeline;
                } else {
                    byRegion.put(e.getKey(), timeline);
                }
            }
            return new RegionRows(
                    byRegion.isEmpty() ? Collections.<String, Timeline>emptyMap() : byRegion, any);
        }

        PriceRow at(String region, long epochMillis) {
            if (region != null && !byRegion.isEmpty()) {
                Timeline regional = byRegion.get(region);
                if (regional != null) {
                    PriceRow row = regional.at(epochMillis);
                    if (row != null) {
                        return row;
                    }
                }
            }
            return anyRegion == null ? null : anyRegion.at(epochMillis);
        }

        String whyNoRow(String model, String region, long epochMillis) {
            Timeline regional = region == null ? null : byRegion.get(region);
            if (regional == null && anyRegion == null) {
                List<String> regions = new ArrayList<>(byRegion.keySet());
                Collections.sort(regions);
                return "no price for "
                        + model
                        + " in region "
                        + region
                        + " (priced only in "
                        + regions
                        + ")";
            }
            long earliest = Long.MAX_VALUE;
            if (regional != null) {
                earliest = Math.min(earliest, regional.fromMillis[0]);
            }
            if (anyRegion != null) {
                earliest = Math.min(earliest, anyRegion.fromMillis[0]);
            }
            return "no price for "
                    + model
                    + " in region "
                    + region
                    + " at "
                    + Instant.ofEpochMilli(epochMillis)
                    + ": earliest effective_from is "
                    + Instant.ofEpochMilli(earliest);
        }
    }

    /**
     * Rows of one model and region, by effective_from; lookup is a binary search over a primitive
     * array.
     */
    private static final class Timeline implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long[] fromMillis;
        private final PriceRow[] rows;

        Timeline(List<PriceRow> sortedRows) {
            this.rows = sortedRows.toArray(new PriceRow[0]);
            this.fromMillis = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                fromMillis[i] = rows[i].effectiveFrom().toEpochMilli();
            }
        }

        /** The row with the greatest effective_from <= epochMillis, or null. */
        PriceRow at(long epochMillis) {
            int lo = 0;
            int hi = fromMillis.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (fromMillis[mid] <= epochMillis) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? null : rows[found];
        }
    }
}
