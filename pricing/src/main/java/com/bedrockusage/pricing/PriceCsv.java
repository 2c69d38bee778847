package com.bedrockusage.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The user-editable price file. First non-comment line is the header: the eight columns of {@link
 * #HEADER} in that order, optionally followed by any of the {@link #OPTIONAL_COLUMNS}, recognised
 * by name, in any order, each at most once. Then one row per line with as many fields as the
 * header:
 *
 * <pre>
 * anthropic.claude-3-haiku-20240307-v1:0,*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,0.50
 * </pre>
 *
 * An empty optional field takes its default: {@code above_input_tokens} 0, {@code service_tier}
 * {@code standard}, {@code unit} none (per token; then {@code usd_per_unit} and {@code
 * unit_variant} must be empty), {@code unit_variant} any. {@link #parseLine} (price updates,
 * pricing state) reads a line of {@link #HEADER} or of {@link #FULL_HEADER}.
 *
 * <p>Prices are USD per million tokens, with any number of decimals up to {@link
 * PriceBounds#MAX_DECIMALS} (costs are rounded by {@link CostRounding#round}); region {@code *}
 * means any region; an empty last column means 1-hour cache writes are billed at the 5-minute rate.
 * Blank lines and lines starting with {@code #} are ignored; fields are trimmed. There is no
 * quoting: no field may contain a comma.
 */
public final class PriceCsv {

    public static final String HEADER =
            "model_id,region,effective_from,input_per_mtok,output_per_mtok,"
                    + "cache_read_per_mtok,cache_write_per_mtok,cache_write_1h_per_mtok";

    public static final String ABOVE_INPUT_TOKENS = "above_input_tokens";
    public static final String SERVICE_TIER = "service_tier";
    public static final String UNIT = "unit";
    public static final String USD_PER_UNIT = "usd_per_unit";
    public static final String UNIT_VARIANT = "unit_variant";

    /**
     * Optional columns after the eight of {@link #HEADER}, in the order {@link #FULL_HEADER} writes
     * them.
     */
    public static final List<String> OPTIONAL_COLUMNS =
            Collections.unmodifiableList(
                    Arrays.asList(
                            ABOVE_INPUT_TOKENS, SERVICE_TIER, UNIT, USD_PER_UNIT, UNIT_VARIANT));

    public static final String FULL_HEADER = HEADER + "," + String.join(",", OPTIONAL_COLUMNS);

    /**
     * The most an {@code above_input_tokens} threshold may be (10^9, the parser's bound on a token
     * count).
     */
    public static final long MAX_THRESHOLD = 1_000_000_000L;

    private static final List<String> COLUMNS = Arrays.asList(HEADER.split(","));
    private static final int COLUMN_COUNT = COLUMNS.size();
    private static final Layout BASE_LAYOUT = new Layout(COLUMNS);
    private static final Layout FULL_LAYOUT = new Layout(Arrays.asList(FULL_HEADER.split(",")));

    private PriceCsv() {}

    public static List<PriceRow> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new PriceCatalogException(file + ":0: file not found", e);
        } catch (IOException e) {
            throw new PriceCatalogException(file + ":0: cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads all rows; a duplicate (model, region, effective_from) key is an error naming both
     * lines.
     */
    public static List<PriceRow> read(Reader in, String sourceName) {
        BufferedReader reader =
                in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        List<PriceRow> rows = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        Layout layout = null;
        int lineNo = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (isIgnorable(line)) {
                    continue;
                }
                if (layout == null) {
                    layout = layoutOf(line, sourceName, lineNo);
                    continue;
                }
                PriceRow row = layout.parse(line, sourceName, lineNo);
                Integer previous = lineOfKey.putIfAbsent(row.id(), lineNo);
                if (previous != null) {
                    throw PriceCatalogException.at(
                            sourceName,
                            lineNo,
                            "duplicate key "
                                    + row.id()
                                    + " (first defined on line "
                                    + previous
                                    + ")");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new PriceCatalogException(
                    sourceName + ":" + lineNo + ": cannot read: " + e.getMessage(), e);
        }
        if (layout == null) {
            throw PriceCatalogException.at(
                    sourceName, lineNo, "missing header line: expected " + HEADER);
        }
        return rows;
    }

    static boolean isIgnorable(String line) {
        String trimmed = line.trim();
        return trimmed.isEmpty() || trimmed.charAt(0) == '#';
    }

    /** True for a header line: its first field is {@code model_id}. */
    public static boolean isHeader(String line) {
        return split(line)[0].trim().equals(COLUMNS.get(0));
    }

    /** The column layout a header line declares; a bad header is an error naming the line. */
    public static Layout layoutOf(String line, String sourceName, int lineNo) {
        List<String> names = new ArrayList<>();
        for (String name : split(line)) {
            names.add(name.trim());
        }
        for (String name : names) {
            if (!COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        "unknown header column '"
                                + name
                                + "'; expected "
                                + HEADER
                                + " then any of "
                                + OPTIONAL_COLUMNS);
            }
        }
        for (String column : COLUMNS) {
            if (!names.contains(column)) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        "missing header column '" + column + "'; expected " + HEADER);
            }
        }
        if (!names.subList(0, COLUMN_COUNT).equals(COLUMNS)
                || new HashSet<>(names).size() != names.size()) {
            throw PriceCatalogException.at(
                    sourceName,
                    lineNo,
                    "header columns out of order or repeated; expected "
                            + HEADER
                            + " then any of "
                            + OPTIONAL_COLUMNS);
        }
        return new Layout(names);
    }

    /**
     * Parses one data line of {@link #HEADER} (eight fields) or {@link #FULL_HEADER} (thirteen)
     * column order; the row's origin is {@code sourceName:lineNo}.
     */
    public static PriceRow parseLine(String line, String sourceName, int lineNo) {
        int fields = split(line).length;
        return (fields == FULL_LAYOUT.size() ? FULL_LAYOUT : BASE_LAYOUT)
                .parse(line, sourceName, lineNo);
    }

    /**
     * The row as a CSV line (no line terminator) that {@link #parseLine} reads back: a base row in
     * {@link #HEADER} order, as always, any other in {@link #FULL_HEADER} order.
     */
    public static String toCsvLine(PriceRow row) {
        return row.isBase() ? baseFields(row) : toFullCsvLine(row);
    }

    /** The row as a CSV line in {@link #FULL_HEADER} order. */
    public static String toFullCsvLine(PriceRow row) {
        return baseFields(row)
                + ','
                + row.aboveInputTokens()
                + ','
                + row.serviceTier()
                + ','
                + (row.unit() == null ? "" : row.unit())
                + ','
                + (row.usdPerUnit() == null ? "" : row.usdPerUnit().toPlainString())
                + ','
                + row.unitVariant();
    }

    private static String baseFields(PriceRow row) {
        BigDecimal oneHour = row.cacheWrite1hPerMtokOrNull();
        return row.modelId()
                + ','
                + row.region()
                + ','
                + row.effectiveFrom()
                + ','
                + row.inputPerMtok().toPlainString()
                + ','
                + row.outputPerMtok().toPlainString()
                + ','
                + row.cacheReadPerMtok().toPlainString()
                + ','
                + row.cacheWritePerMtok().toPlainString()
                + ','
                + (oneHour == null ? "" : oneHour.toPlainString());
    }

    /** Where each column is in the lines under one header. */
    public static final class Layout {

        private final int size;
        private final int[] optional = new int[OPTIONAL_COLUMNS.size()];

        Layout(List<String> names) {
            this.size = names.size();
            for (int i = 0; i < optional.length; i++) {
                optional[i] = names.indexOf(OPTIONAL_COLUMNS.get(i));
            }
        }

        int size() {
            return size;
        }

        /** One data line under this header; the row's origin is {@code sourceName:lineNo}. */
        public PriceRow parse(String line, String sourceName, int lineNo) {
            String[] f = split(line);
            if (f.length != size) {
                throw PriceCatalogException.at(
                        sourceName, lineNo, "expected " + size + " columns, found " + f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            String modelId =
                    key(
                            f,
                            0,
                            PriceKeys.modelIdProblem(required(f, 0, sourceName, lineNo)),
                            sourceName,
                            lineNo);
            String region =
                    key(
                            f,
                            1,
                            PriceKeys.regionProblem(required(f, 1, sourceName, lineNo)),
                            sourceName,
                            lineNo);
            Instant effectiveFrom = instant(required(f, 2, sourceName, lineNo), sourceName, lineNo);
            BigDecimal in = price(f, 3, sourceName, lineNo);
            BigDecimal out = price(f, 4, sourceName, lineNo);
            BigDecimal cacheRead = price(f, 5, sourceName, lineNo);
            BigDecimal cacheWrite = price(f, 6, sourceName, lineNo);
            BigDecimal cacheWrite1h = f[7].isEmpty() ? null : price(f, 7, sourceName, lineNo);
            long above = threshold(field(f, 0), sourceName, lineNo);
            String tier = field(f, 1).isEmpty() ? ServiceTiers.STANDARD : field(f, 1);
            String tierProblem = ServiceTiers.problem(tier);
            if (tierProblem != null) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        SERVICE_TIER + " " + PriceKeys.quote(tier) + " " + tierProblem);
            }
            String unit = field(f, 2).isEmpty() ? null : field(f, 2);
            if (unit != null && !PriceUnits.isUnit(unit)) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        UNIT + " " + PriceKeys.quote(unit) + " is not one of " + PriceUnits.ALL);
            }
            String perUnitText = field(f, 3);
            String variant = field(f, 4);
            if (unit == null && (!perUnitText.isEmpty() || !variant.isEmpty())) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        USD_PER_UNIT + " and " + UNIT_VARIANT + " need a " + UNIT);
            }
            if (unit != null && perUnitText.isEmpty()) {
                throw PriceCatalogException.at(
                        sourceName, lineNo, USD_PER_UNIT + " is empty for unit " + unit);
            }
            BigDecimal perUnit =
                    unit == null ? null : number(perUnitText, USD_PER_UNIT, sourceName, lineNo);
            if (!UnitQuantity.isVariant(variant)) {
                throw PriceCatalogException.at(
                        sourceName,
                        lineNo,
                        UNIT_VARIANT
                                + " "
                                + PriceKeys.quote(variant)
                                + " "
                                + UnitQuantity.VARIANT_RULE);
            }
            return new PriceRow(
                    modelId,
                    region,
                    effectiveFrom,
                    in,
                    out,
                    cacheRead,
                    cacheWrite,
                    cacheWrite1h,
                    above,
                    tier,
                    unit,
                    perUnit,
                    variant,
                    sourceName + ":" + lineNo);
        }

        private String field(String[] f, int optionalIndex) {
            int at = optional[optionalIndex];
            return at < 0 ? "" : f[at];
        }
    }

    private static long threshold(String text, String sourceName, int lineNo) {
        if (text.isEmpty()) {
            return 0;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > MAX_THRESHOLD) {
            throw PriceCatalogException.at(
                    sourceName,
                    lineNo,
                    ABOVE_INPUT_TOKENS
                            + " "
                            + PriceKeys.quote(text)
                            + " is not a whole number from 0 to "
                            + MAX_THRESHOLD);
        }
        return value;
    }

    /** Splits on every comma, keeping trailing empty fields (String.split would drop them). */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>(COLUMN_COUNT);
        int start = 0;
        int comma;
        while ((comma = line.indexOf(',', start)) >= 0) {
            fields.add(line.substring(start, comma));
            start = comma + 1;
        }
        fields.add(line.substring(start));
        return fields.toArray(new String[0]);
    }

    private static String required(String[] f, int i, String sourceName, int lineNo) {
        if (f[i].isEmpty()) {
            throw PriceCatalogException.at(sourceName, lineNo, COLUMNS.get(i) + " is empty");
        }
        return f[i];
    }

    private static String key(String[] f, int i, String problem, String sourceName, int lineNo) {
        if (problem != null) {
            throw PriceCatalogException.at(
                    sourceName,
                    lineNo,
                    COLUMNS.get(i) + " " + PriceKeys.quote(f[i]) + " " + problem);
        }
        return f[i];
    }

    private static Instant instant(String text, String sourceName, int lineNo) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw PriceCatalogException.at(
                    sourceName,
                    lineNo,
                    "effective_from '"
                            + text
                            + "' is not an ISO-8601 timestamp with offset (e.g. 2024-01-01T00:00:00Z)");
        }
    }

    private static BigDecimal price(String[] f, int i, String sourceName, int lineNo) {
        return number(required(f, i, sourceName, lineNo), COLUMNS.get(i), sourceName, lineNo);
    }

    private static BigDecimal number(String text, String column, String sourceName, int lineNo) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw PriceCatalogException.at(
                    sourceName, lineNo, column + " " + PriceKeys.quote(text) + " is not a number");
        }
        String problem = PriceBounds.problem(value);
        if (problem != null) {
            throw PriceCatalogException.at(
                    sourceName, lineNo, column + " " + PriceKeys.quote(text) + " " + problem);
        }
        return value;
    }
}
