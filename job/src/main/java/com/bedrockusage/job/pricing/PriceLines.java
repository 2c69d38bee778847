package com.bedrockusage.job.pricing;

import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.PriceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers for price CSV lines as they travel through the job (header, comments, blank lines).
 */
public final class PriceLines {

    private PriceLines() {}

    /**
     * Blank lines, {@code #} comments and a header line (first field {@code model_id}) carry no
     * price.
     */
    public static boolean isIgnorable(String line) {
        if (line == null) {
            return true;
        }
        String trimmed = stripBom(line).trim();
        return trimmed.isEmpty() || trimmed.charAt(0) == '#' || PriceCsv.isHeader(trimmed);
    }

    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /**
     * The catalogue's rows as CSV lines, e.g. to pass the default catalogue to {@link
     * DedupAndPrice}.
     */
    public static List<String> csvLines(PriceCatalog catalog) {
        List<String> lines = new ArrayList<>(catalog.rows().size());
        for (PriceRow row : catalog.rows()) {
            lines.add(PriceCsv.toCsvLine(row));
        }
        return lines;
    }
}
