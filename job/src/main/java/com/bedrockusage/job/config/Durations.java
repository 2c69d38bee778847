package com.bedrockusage.job.config;

import java.time.Duration;

/**
 * Parses the short durations used in settings: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 48h},
 * {@code 35d}, and a bare {@code 0}.
 */
final class Durations {

    private Durations() {}

    static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        int split = 0;
        while (split < t.length() && Character.isDigit(t.charAt(split))) {
            split++;
        }
        if (split == 0 || split == t.length()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration like 500ms, 30s, 5m, 48h or 35d");
        }
        long n = Long.parseLong(t.substring(0, split));
        switch (t.substring(split)) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
            case "min":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            default:
                throw new IllegalArgumentException(
                        "'" + text + "' has an unknown unit; use ms, s, m, h or d");
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
