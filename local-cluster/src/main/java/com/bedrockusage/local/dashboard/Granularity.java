package com.bedrockusage.local.dashboard;

import java.time.Duration;

/**
 * The bucket of a spend-over-time chart, following the range: minutes for hours, hours for weeks,
 * days beyond.
 */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    static final Duration MINUTES_UP_TO = Duration.ofHours(6);
    static final Duration HOURS_UP_TO = Duration.ofDays(14);

    private final long millis;

    Granularity(Duration size) {
        this.millis = size.toMillis();
    }

    public static Granularity forRange(Duration range) {
        if (range.compareTo(MINUTES_UP_TO) <= 0) {
            return MINUTE;
        }
        return range.compareTo(HOURS_UP_TO) <= 0 ? HOUR : DAY;
    }

    public long millis() {
        return millis;
    }

    public long bucket(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
