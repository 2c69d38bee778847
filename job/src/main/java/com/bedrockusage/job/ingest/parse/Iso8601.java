package com.bedrockusage.job.ingest.parse;

/**
 * Parses the ISO-8601 instants Bedrock logs ({@code 2025-08-18T16:57:13Z}, optionally with a
 * fraction and a {@code ±HH:MM} offset) straight from bytes, validating every field (month, day of
 * month with leap years, hour, minute, second).
 */
public final class Iso8601 {

    /** Returned for anything that is not a valid instant. */
    static final long INVALID = Long.MIN_VALUE;

    private Iso8601() {}

    static long parseMillis(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20) {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || minute < 0
                || second < 0
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || b[from + 10] != 'T'
                || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return INVALID;
        }
        if (month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return INVALID;
        }
        int p = from + 19;
        int millis = 0;
        if (b[p] == '.') {
            p++;
            int start = p;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                if (p - start < 3) {
                    millis = millis * 10 + (b[p] - '0');
                }
                p++;
            }
            int fractionDigits = p - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return INVALID;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }
        if (p >= to) {
            return INVALID;
        }
        int offsetSeconds;
        if (b[p] == 'Z' && p + 1 == to) {
            offsetSeconds = 0;
        } else if ((b[p] == '+' || b[p] == '-') && p + 6 == to && b[p + 3] == ':') {
            int oh = digits(b, p + 1, 2);
            int om = digits(b, p + 4, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + millis;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    public static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long) era * 146_097L + doe - 719_468L;
    }
}
