package com.bedrockusage.job.alerts.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Rule windows on event time, in UTC: fixed windows aligned to the epoch ({@code 5m}, {@code 1h},
 * {@code 1d}, any {@code Nm}/{@code Nh} that divides a day) or the calendar {@code month} to date.
 * A fixed window is held as its length in millis; {@link #MONTH} (0) stands for the calendar month.
 */
public final class AlertWindows {

    public static final long MONTH = 0L;
    private static final long DAY = 86_400_000L;

    private AlertWindows() {}

    /**
     * The window length in millis ({@link #MONTH} for {@code month}), or -1 when {@code spec} is
     * not a window.
     */
    public static long parse(String spec) {
        if ("month".equals(spec)) {
            return MONTH;
        }
        long length = parseDuration(spec);
        if (length <= 0 || length > DAY || DAY % length != 0 || length % 60_000L != 0) {
            return -1;
        }
        return length;
    }

    /**
     * A duration such as {@code 30s}, {@code 10m}, {@code 6h}, {@code 2d}, in millis; -1 when not
     * one.
     */
    public static long parseDuration(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim().toLowerCase();
        int split = 0;
        while (split < t.length() && Character.isDigit(t.charAt(split))) {
            split++;
        }
        if (split == 0 || split == t.length() || split > 9) {
            return -1;
        }
        long n = Long.parseLong(t.substring(0, split));
        switch (t.substring(split)) {
            case "s":
                return n * 1000L;
            case "m":
                return n * 60_000L;
            case "h":
                return n * 3_600_000L;
            case "d":
                return n * DAY;
            default:
                return -1;
        }
    }

    public static long start(long windowMillis, long eventTime) {
        if (windowMillis == MONTH) {
            LocalDate d =
                    Instant.ofEpochMilli(eventTime)
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .withDayOfMonth(1);
            return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return Math.floorDiv(eventTime, windowMillis) * windowMillis;
    }

    public static long end(long windowMillis, long start) {
        return shift(windowMillis, start, 1);
    }

    /**
     * The start of the window {@code n} windows after (negative: before) the one starting at {@code
     * start}.
     */
    public static long shift(long windowMillis, long start, int n) {
        if (windowMillis == MONTH) {
            ZonedDateTime t = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).plusMonths(n);
            return t.toInstant().toEpochMilli();
        }
        return start + n * windowMillis;
    }
}
