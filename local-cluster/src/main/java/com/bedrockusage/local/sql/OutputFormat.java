package com.bedrockusage.local.sql;

import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code --format}: an aligned table for people, CSV with a header, or one JSON object per line.
 */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("unknown --format '" + s + "' (use table, csv or json)");
        }
    }

    public ResultPrinter printer(ZoneId zone) {
        Values values = new Values(zone);
        switch (this) {
            case CSV:
                return new CsvPrinter(values);
            case JSON:
                return new JsonLinesPrinter(zone);
            default:
                return new TablePrinter(values);
        }
    }
}
