package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.PriceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The job's {@code pricing.updates-dir} read the way the job reads it: every {@code *.csv} file not
 * starting with {@code .} or {@code _} is one update, laid over the catalogue as an upsert, oldest
 * file first; a bad line, or a second different row for the same key in one file, is skipped and
 * the rest of the file applies.
 */
final class PriceUpdateDir {

    /** As the job's {@code PriceFileFormat}: a larger file is not a price table and is skipped. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private PriceUpdateDir() {}

    /** The update files in the order they are applied: modification time, then name. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("price updates directory not found: " + dir);
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(PriceUpdateDir::isUpdateFile)
                    .sorted(
                            Comparator.comparing(PriceUpdateDir::modified)
                                    .thenComparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static PriceCatalog apply(PriceCatalog base, List<Path> files) {
        PriceCatalog catalog = base;
        for (Path file : files) {
            List<PriceRow> rows = rows(file);
            if (!rows.isEmpty()) {
                catalog = catalog.upsert(rows);
            }
        }
        return catalog;
    }

    private static List<PriceRow> rows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, PriceRow> byId = new HashMap<>();
        List<PriceRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripBom(lines.get(i));
            if (isIgnorable(line)) {
                continue;
            }
            PriceRow row;
            try {
                row = PriceCsv.parseLine(line, file.toString(), i + 1);
            } catch (RuntimeException bad) {
                continue;
            }
            PriceRow earlier = byId.putIfAbsent(row.id(), row);
            if (earlier == null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean isUpdateFile(Path p) {
        String name = p.getFileName().toString();
        try {
            return Files.isRegularFile(p)
                    && !name.startsWith(".")
                    && !name.startsWith("_")
                    && name.toLowerCase(Locale.ROOT).endsWith(".csv")
                    && Files.size(p) <= MAX_FILE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isIgnorable(String line) {
        String trimmed = line.trim();
        return trimmed.isEmpty()
                || trimmed.charAt(0) == '#'
                || trimmed.replace(" ", "").equals(PriceCsv.HEADER);
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
