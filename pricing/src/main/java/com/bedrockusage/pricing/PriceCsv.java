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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-editable price file. First non-comment line is exactly {@link #HEADER}; then one row per line:
 *
 * <pre>
 * anthropic.claude-3-haiku-20240307-v1:0,*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,0.50
 * </pre>
 *
 * Prices are USD per million tokens, with any number of decimals up to {@link PriceBounds#MAX_DECIMALS} (costs are
 * rounded by {@link CostRounding#round}); region {@code *} means any region; an empty last column means 1-hour
 * cache writes are billed at the 5-minute rate. Blank lines and lines starting with {@code #} are ignored;
 * fields are trimmed. There is no quoting: no field may contain a comma.
 */
public final class PriceCsv {

    public static final String HEADER = "model_id,region,effective_from,input_per_mtok,output_per_mtok,"
            + "cache_read_per_mtok,cache_write_per_mtok,cache_write_1h_per_mtok";

    private static final List<String> COLUMNS = Arrays.asList(HEADER.split(","));
    private static final int COLUMN_COUNT = COLUMNS.size();

    private PriceCsv() {
    }

    public static List<PriceRow> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new PriceCatalogException(file + ":0: file not found", e);
        } catch (IOException e) {
            throw new PriceCatalogException(file + ":0: cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads all rows; a duplicate (model, region, effective_from) key is an error naming both lines. */
    public static List<PriceRow> read(Reader in, String sourceName) {
        BufferedReader reader = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        List<PriceRow> rows = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        boolean headerSeen = false;
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
                if (!headerSeen) {
                    checkHeader(line, sourceName, lineNo);
                    headerSeen = true;
                    continue;
                }
                PriceRow row = parseLine(line, sourceName, lineNo);
                Integer previous = lineOfKey.putIfAbsent(row.id(), lineNo);
                if (previous != null) {
                    throw PriceCatalogException.at(sourceName, lineNo,
                            "duplicate key " + row.id() + " (first defined on line " + previous + ")");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new PriceCatalogException(sourceName + ":" + lineNo + ": cannot read: " + e.getMessage(), e);
        }
        if (!headerSeen) {
            throw PriceCatalogException.at(sourceName, lineNo, "missing header line: expected " + HEADER);
        }
        return rows;
    }

    static boolean isIgnorable(String line) {
        String trimmed = line.trim();
        return trimmed.isEmpty() || trimmed.charAt(0) == '#';
    }

    private static void checkHeader(String line, String sourceName, int lineNo) {
        List<String> names = new ArrayList<>();
        for (String name : split(line)) {
            names.add(name.trim());
        }
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                throw PriceCatalogException.at(sourceName, lineNo,
                        "unknown header column '" + name + "'; expected " + HEADER);
            }
        }
        for (String column : COLUMNS) {
            if (!names.contains(column)) {
                throw PriceCatalogException.at(sourceName, lineNo,
                        "missing header column '" + column + "'; expected " + HEADER);
            }
        }
        if (!names.equals(COLUMNS)) {
            throw PriceCatalogException.at(sourceName, lineNo,
                    "header columns out of order or repeated; expected " + HEADER);
        }
    }

    /** Parses one data line in {@link #HEADER} column order; the row's origin is {@code sourceName:lineNo}. */
    public static PriceRow parseLine(String line, String sourceName, int lineNo) {
        String[] f = split(line);
        if (f.length != COLUMN_COUNT) {
            throw PriceCatalogException.at(sourceName, lineNo,
                    "expected " + COLUMN_COUNT + " columns, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        String modelId = key(f, 0, PriceKeys.modelIdProblem(required(f, 0, sourceName, lineNo)), sourceName, lineNo);
        String region = key(f, 1, PriceKeys.regionProblem(required(f, 1, sourceName, lineNo)), sourceName, lineNo);
        Instant effectiveFrom = instant(required(f, 2, sourceName, lineNo), sourceName, lineNo);
        BigDecimal in = price(f, 3, sourceName, lineNo);
        BigDecimal out = price(f, 4, sourceName, lineNo);
        BigDecimal cacheRead = price(f, 5, sourceName, lineNo);
        BigDecimal cacheWrite = price(f, 6, sourceName, lineNo);
        BigDecimal cacheWrite1h = f[7].isEmpty() ? null : price(f, 7, sourceName, lineNo);
        return new PriceRow(modelId, region, effectiveFrom, in, out, cacheRead, cacheWrite, cacheWrite1h,
                sourceName + ":" + lineNo);
    }

    /** The row as a CSV line in {@link #HEADER} order (no line terminator); {@link #parseLine} reads it back. */
    public static String toCsvLine(PriceRow row) {
        BigDecimal oneHour = row.cacheWrite1hPerMtokOrNull();
        return row.modelId() + ',' + row.region() + ',' + row.effectiveFrom() + ','
                + row.inputPerMtok().toPlainString() + ',' + row.outputPerMtok().toPlainString() + ','
                + row.cacheReadPerMtok().toPlainString() + ',' + row.cacheWritePerMtok().toPlainString() + ','
                + (oneHour == null ? "" : oneHour.toPlainString());
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
            throw PriceCatalogException.at(sourceName, lineNo, COLUMNS.get(i) + " " + PriceKeys.quote(f[i]) + " "
                    + problem);
        }
        return f[i];
    }

    private static Instant instant(String text, String sourceName, int lineNo) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw PriceCatalogException.at(sourceName, lineNo, "effective_from '" + text
                    + "' is not an ISO-8601 timestamp with offset (e.g. 2024-01-01T00:00:00Z)");
        }
    }

    private static BigDecimal price(String[] f, int i, String sourceName, int lineNo) {
        String text = required(f, i, sourceName, lineNo);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw PriceCatalogException.at(sourceName, lineNo, COLUMNS.get(i) + " " + PriceKeys.quote(text)
                    + " is not a number");
        }
        String problem = PriceBounds.problem(value);
        if (problem != null) {
            throw PriceCatalogException.at(sourceName, lineNo, COLUMNS.get(i) + " " + PriceKeys.quote(text) + " "
                    + problem);
        }
        return value;
    }
}
