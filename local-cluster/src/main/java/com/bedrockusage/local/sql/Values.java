package com.bedrockusage.local.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Text of a SQL value for the table and CSV formats: decimals plain, timestamps in the session time
 * zone.
 */
public final class Values {

    /** {@code 2026-11-03 10:15:00}, with as many fraction digits as needed. */
    static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("yyyy-MM-dd HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter();

    private final ZoneId zone;

    public Values(ZoneId zone) {
        this.zone = zone;
    }

    /** Null for SQL NULL. */
    public String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Instant t) {
            return TIMESTAMP.format(t.atZone(zone));
        }
        if (v instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            Values.sorted(m).forEach((k, val) -> j.add(text(k) + "=" + text(val)));
            return j.toString();
        }
        if (v instanceof Object[] a) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            Arrays.stream(a).forEach(e -> j.add(String.valueOf(text(e))));
            return j.toString();
        }
        if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder("x'");
            for (byte x : b) {
                sb.append(String.format("%02x", x));
            }
            return sb.append('\'').toString();
        }
        return v.toString();
    }

    /** Sorted by key when the keys allow it, for stable output. */
    static Map<?, ?> sorted(Map<?, ?> m) {
        try {
            return new TreeMap<>(m);
        } catch (ClassCastException | NullPointerException e) {
            return m;
        }
    }

    static boolean isNumber(Object v) {
        return v instanceof Number;
    }
}
