package com.bedrockusage.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Bedrock prices from LiteLLM's {@code model_prices_and_context_window.json} (or our filtered
 * snapshot of it, {@code litellm_bedrock_prices.json}). Per-token USD costs become
 * per-million-token rows exactly: the JSON number's text goes into {@code new BigDecimal(String)}
 * and the point moves six places (never a double).
 *
 * <p>Kept: entries with {@code litellm_provider} {@code bedrock} or {@code bedrock_converse} that
 * have both {@code input_cost_per_token} and {@code output_cost_per_token}. Key {@code
 * [bedrock/][<region>/]<model id>}: a region segment (e.g. {@code us-east-1}) gives a row for that
 * region, otherwise region {@code *}; route segments {@code invoke}/{@code converse} are ignored.
 * Cache rates: {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost}
 * (5-minute writes), {@code cache_creation_input_token_cost_above_1hr} (1-hour writes; absent = the
 * 5-minute rate); an absent read or write rate is 0 (the model has no caching).
 *
 * <p>Skipped: keys starting with {@code _} (metadata); other providers; entries priced per image,
 * per second or per video second (no per-token input price: image generation,
 * provisioned-throughput commitments, TwelveLabs Pegasus); keys with any other path segment (image
 * sizes/steps, {@code N-month-commitment}); model ids without a {@code vendor.} prefix (LiteLLM
 * shorthands such as {@code claude-sonnet-4-5-20250929-v1:0}, never logged by Bedrock).
 * Long-context tiers: an entry with {@code input_cost_per_token_above_200k_tokens} also gives a row
 * with {@code above_input_tokens} 200000 from its {@code *_above_200k_tokens} rates (a rate it
 * lacks is the base rate; a lacking 1-hour write rate is the long-context 5-minute rate). Per-unit
 * entries give unit rows with zero token rates: {@code output_cost_per_image} (modes {@code
 * image_generation}, {@code image_edit}: unit {@code image}, any variant, as LiteLLM has one price
 * per image) and {@code input_cost_per_query} (rerank: unit {@code query}); a rerank entry's zero
 * token rates are then not kept as a per-token row (that would price rerank at 0). When several
 * keys give the same (model, region), the key with the fewest path segments wins (the plain model
 * id over {@code bedrock/<id>}); on a tie the first in the file.
 *
 * <p>Refused with {@code file:line: problem}: the same key twice, anything after the top-level
 * object, a price field of a kept entry that is not a number ({@code true}, {@code null}, text), a
 * model id or region that could never match a logged call ({@link PriceKeys}).
 */
public final class LiteLlmPrices {

    static final String INPUT = "input_cost_per_token";
    static final String OUTPUT = "output_cost_per_token";
    static final String CACHE_READ = "cache_read_input_token_cost";
    static final String CACHE_WRITE = "cache_creation_input_token_cost";
    static final String CACHE_WRITE_1H = "cache_creation_input_token_cost_above_1hr";
    static final String LONG_CONTEXT_SUFFIX = "_above_200k_tokens";
    static final long LONG_CONTEXT_THRESHOLD = 200_000;
    static final String PER_IMAGE = "output_cost_per_image";
    static final String PER_QUERY = "input_cost_per_query";
    private static final String MODE = "mode";
    private static final String PROVIDER = "litellm_provider";

    /** Two entries with one key would leave the price to whichever the parser keeps: refused. */
    private static final JsonFactory JSON =
            new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private LiteLlmPrices() {}

    public static List<PriceRow> read(InputStream json, String sourceName, Instant effectiveFrom) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        int line = 1;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw PriceCatalogException.at(
                        sourceName, line(p), "expected a JSON object at top level");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                line = line(p);
                JsonToken value = p.nextToken();
                if (key.startsWith("_")) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_OBJECT) {
                    throw PriceCatalogException.at(
                            sourceName, line, "entry '" + key + "' is not an object");
                }
                Map<String, String> fields = readEntry(p, sourceName, key);
                for (Candidate candidate :
                        toCandidates(key, fields, sourceName, line, effectiveFrom)) {
                    Candidate previous = byKey.get(candidate.row.id());
                    if (previous == null || candidate.segments < previous.segments) {
                        byKey.put(candidate.row.id(), candidate);
                    }
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw PriceCatalogException.at(
                        sourceName, line(p), "unexpected " + token + " at top level");
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw PriceCatalogException.at(
                        sourceName, line(p), "unexpected " + after + " after the top-level object");
            }
        } catch (JsonParseException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new PriceCatalogException(
                    sourceName + ":" + at + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PriceCatalogException(
                    sourceName + ":" + line + ": cannot read: " + e.getMessage(), e);
        }
        List<PriceRow> rows = new ArrayList<>(byKey.size());
        for (Candidate c : byKey.values()) {
            rows.add(c.row);
        }
        return rows;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /**
     * Scalar fields of one entry as their JSON text (numbers exactly as written); nested values
     * skipped.
     */
    private static Map<String, String> readEntry(JsonParser p, String sourceName, String key)
            throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                fields.put(name, p.getText());
            } else if (value == JsonToken.VALUE_STRING
                    || value == JsonToken.VALUE_TRUE
                    || value == JsonToken.VALUE_FALSE
                    || value == JsonToken.VALUE_NULL) {
                // a price of true or null is then "not a number", never a silently dropped model
                fields.put(name, p.getText());
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
        return fields;
    }

    private static List<Candidate> toCandidates(
            String key, Map<String, String> f, String sourceName, int line, Instant effectiveFrom) {
        List<Candidate> none = new ArrayList<>(0);
        String provider = f.get(PROVIDER);
        if (!"bedrock".equals(provider) && !"bedrock_converse".equals(provider)) {
            return none;
        }
        String unit = unitOf(f);
        if (unit == null && (!f.containsKey(INPUT) || !f.containsKey(OUTPUT))) {
            return none;
        }
        String[] segments = key.split("/");
        String modelId = segments[segments.length - 1];
        String region = PriceRow.ANY_REGION;
        for (int i = 0; i < segments.length - 1; i++) {
            String s = segments[i];
            if (s.equals("bedrock") || s.equals("invoke") || s.equals("converse")) {
                continue;
            }
            if (isRegion(s)) {
                region = s;
                continue;
            }
            return none;
        }
        if (!hasVendorPrefix(modelId)) {
            return none;
        }
        String where = sourceName + ":" + line;
        String problem = PriceKeys.modelIdProblem(modelId);
        if (problem != null) {
            throw new PriceCatalogException(
                    where + ": " + PriceKeys.quote(key) + ": model id " + problem);
        }
        List<Candidate> out = new ArrayList<>(2);
        if (unit != null) {
            String field = unit.equals(PriceUnits.IMAGE) ? PER_IMAGE : PER_QUERY;
            out.add(
                    new Candidate(
                            new PriceRow(
                                    modelId,
                                    region,
                                    effectiveFrom,
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO,
                                    BigDecimal.ZERO,
                                    null,
                                    0,
                                    ServiceTiers.STANDARD,
                                    unit,
                                    perUnit(f, field, key, where),
                                    "",
                                    where),
                            segments.length));
            return out;
        }
        PriceRow base = tokenRow(modelId, region, effectiveFrom, f, "", null, 0, key, where);
        out.add(new Candidate(base, segments.length));
        if (f.containsKey(INPUT + LONG_CONTEXT_SUFFIX)) {
            PriceRow longContext =
                    tokenRow(
                            modelId,
                            region,
                            effectiveFrom,
                            f,
                            LONG_CONTEXT_SUFFIX,
                            base,
                            LONG_CONTEXT_THRESHOLD,
                            key,
                            where);
            out.add(new Candidate(longContext, segments.length));
        }
        return out;
    }

    /**
     * A standard-tier per-token row from the entry's rate fields ending in {@code suffix}: an
     * output, cache read or cache write rate the entry leaves out is {@code base}'s (for the base
     * row itself, null: zero for the cache rates); a left-out 1-hour rate is the 5-minute one.
     */
    private static PriceRow tokenRow(
            String modelId,
            String region,
            Instant effectiveFrom,
            Map<String, String> f,
            String suffix,
            PriceRow base,
            long aboveInputTokens,
            String key,
            String where) {
        return new PriceRow(
                modelId,
                region,
                effectiveFrom,
                perMtok(f, INPUT + suffix, key, where),
                orBase(f, OUTPUT + suffix, base == null ? null : base.outputPerMtok(), key, where),
                orBase(
                        f,
                        CACHE_READ + suffix,
                        base == null ? BigDecimal.ZERO : base.cacheReadPerMtok(),
                        key,
                        where),
                orBase(
                        f,
                        CACHE_WRITE + suffix,
                        base == null ? BigDecimal.ZERO : base.cacheWritePerMtok(),
                        key,
                        where),
                orBase(f, CACHE_WRITE_1H + suffix, null, key, where),
                aboveInputTokens,
                ServiceTiers.STANDARD,
                null,
                null,
                "",
                where);
    }

    /** {@code image} or {@code query} for an entry priced per image or per query, else null. */
    private static String unitOf(Map<String, String> f) {
        String mode = f.get(MODE);
        if (f.containsKey(PER_IMAGE)
                && ("image_generation".equals(mode) || "image_edit".equals(mode))) {
            return PriceUnits.IMAGE;
        }
        if (f.containsKey(PER_QUERY) && "rerank".equals(mode)) {
            return PriceUnits.QUERY;
        }
        return null;
    }

    private static BigDecimal orBase(
            Map<String, String> f, String field, BigDecimal base, String key, String where) {
        return f.containsKey(field) ? perMtok(f, field, key, where) : base;
    }

    /** A USD amount per unit, exactly as written. */
    private static BigDecimal perUnit(
            Map<String, String> f, String field, String key, String where) {
        BigDecimal value = number(f, field, key, where);
        String problem = PriceBounds.problem(value);
        if (problem != null) {
            throw fieldProblem(where, key, field, "'" + f.get(field) + "' " + problem);
        }
        return withoutNegativeScale(value);
    }

    /**
     * An AWS region name such as {@code us-east-1}, {@code ap-southeast-3} or {@code
     * us-gov-west-1}.
     */
    static boolean isRegion(String s) {
        int lastDash = s.lastIndexOf('-');
        int firstDash = s.indexOf('-');
        if (firstDash != 2 || lastDash == firstDash || lastDash == s.length() - 1) {
            return false;
        }
        for (int i = lastDash + 1; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        for (int i = 0; i < lastDash; i++) {
            char c = s.charAt(i);
            if (c != '-' && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code vendor.model}, optionally after a geographic prefix: vendors we do not know yet still
     * count.
     */
    private static boolean hasVendorPrefix(String modelId) {
        String base = ModelIds.stripGeoPrefix(modelId);
        int dot = base.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            char c = base.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal perMtok(
            Map<String, String> f, String field, String key, String where) {
        String text = f.get(field);
        BigDecimal perToken = number(f, field, key, where);
        if (perToken.signum() < 0) {
            throw fieldProblem(where, key, field, "'" + text + "' is negative");
        }
        BigDecimal perMillion;
        try {
            perMillion = perToken.signum() == 0 ? BigDecimal.ZERO : perToken.movePointRight(6);
        } catch (ArithmeticException e) {
            throw fieldProblem(where, key, field, "'" + text + "' is out of range");
        }
        String problem = PriceBounds.problem(perMillion);
        if (problem != null) {
            throw fieldProblem(
                    where,
                    key,
                    field,
                    "'"
                            + text
                            + "' is "
                            + perMillion
                            + " USD per million tokens, which "
                            + problem);
        }
        // The bounds keep the scale at -6 or more, so this never builds a huge number.
        return withoutNegativeScale(perMillion);
    }

    /** The field's JSON number, exactly as written. */
    private static BigDecimal number(
            Map<String, String> f, String field, String key, String where) {
        String text = f.get(field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw fieldProblem(where, key, field, PriceKeys.quote(text) + " is not a number");
        }
    }

    private static PriceCatalogException fieldProblem(
            String where, String key, String field, String problem) {
        return new PriceCatalogException(where + ": " + key + ": " + field + " " + problem);
    }

    private static BigDecimal withoutNegativeScale(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static final class Candidate {
        final PriceRow row;
        final int segments;

        Candidate(PriceRow row, int segments) {
            this.row = row;
            this.segments = segments;
        }
    }
}
