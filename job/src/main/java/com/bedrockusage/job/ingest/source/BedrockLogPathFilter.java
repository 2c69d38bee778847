package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.parse.Iso8601;
import com.bedrockusage.job.qdeveloper.QDeveloperPath;
import java.io.Serializable;
import java.util.List;

/**
 * Decides which objects below a source root are log deliveries. Bedrock writes {@code
 * {prefix}/AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/*.json.gz}; large
 * bodies go to {@code data/} folders and a {@code amazon-bedrock-logs-permission-check} marker sits
 * at the prefix.
 *
 * <p>Only objects inside a {@code YYYY/MM/DD/HH} hour folder are read. Paths are given as segments
 * relative to the root. The path time is the first run of numeric segments {@code
 * YYYY[/MM[/DD[/HH]]]}; with a time range, directories whose span misses [from, to) are not listed
 * at all, and an object is read only if its hour folder overlaps [from, to) (objects without a full
 * {@code YYYY/MM/DD/HH} are then skipped).
 */
public final class BedrockLogPathFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String PERMISSION_CHECK_MARKER = "amazon-bedrock-logs-permission-check";
    public static final String BODIES_FOLDER = "data";

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** Epoch millis, inclusive; Long.MIN_VALUE when open. */
    private final long fromMillis;

    /** Epoch millis, exclusive; Long.MAX_VALUE when open. */
    private final long toMillis;

    public BedrockLogPathFilter(long fromMillis, long toMillis) {
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    public static BedrockLogPathFilter all() {
        return new BedrockLogPathFilter(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * This filter with its lower bound raised to {@code floorMillis} (a continuous source's
     * lookback).
     */
    public BedrockLogPathFilter startingAt(long floorMillis) {
        return floorMillis <= fromMillis ? this : new BedrockLogPathFilter(floorMillis, toMillis);
    }

    /**
     * [start, end) of the hour folder an object sits in ({@code .../YYYY/MM/DD/HH/name}), or null
     * when its parent folders are not an hour.
     */
    static long[] hourOf(org.apache.flink.core.fs.Path object) {
        java.util.ArrayList<String> tail = new java.util.ArrayList<>(5);
        for (org.apache.flink.core.fs.Path p = object;
                p != null && tail.size() < 5;
                p = p.getParent()) {
            tail.add(0, p.getName());
        }
        return pathSpan(tail, true);
    }

    private boolean hasRange() {
        return fromMillis != Long.MIN_VALUE || toMillis != Long.MAX_VALUE;
    }

    /** Whether to list a directory (the root itself is always listed). */
    public boolean acceptDirectory(List<String> segments) {
        if (segments.isEmpty()) {
            return true;
        }
        String name = segments.get(segments.size() - 1);
        if (isHidden(name) || BODIES_FOLDER.equals(name)) {
            return false;
        }
        if (!hasRange()) {
            return true;
        }
        long[] span = pathSpan(segments, false);
        return span == null || overlaps(span);
    }

    /** Whether to read an object. */
    public boolean acceptFile(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String name = segments.get(segments.size() - 1);
        if (isHidden(name)
                || PERMISSION_CHECK_MARKER.equals(name)
                || !(hasLogExtension(name) || isQDeveloperActivityReport(segments, name))) {
            return false;
        }
        // Bedrock writes every log object into an hour folder; anything else under the prefix (a
        // manifest, a
        // README, someone's export) is not a delivery.
        long[] span = pathSpan(segments, true);
        return span != null && (!hasRange() || overlaps(span));
    }

    private boolean overlaps(long[] span) {
        return span[1] > fromMillis && span[0] < toMillis;
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /**
     * Amazon Q Developer's user-activity reports are CSV: {@code
     * .../QDeveloperLogs/by_user_analytic/...csv}.
     */
    private static boolean isQDeveloperActivityReport(List<String> segments, String name) {
        return name.endsWith(".csv")
                && segments.contains(QDeveloperPath.FOLDER)
                && segments.contains(QDeveloperPath.ACTIVITY_REPORTS);
    }

    private static boolean hasLogExtension(String name) {
        return name.endsWith(".gz")
                || name.endsWith(".json")
                || name.endsWith(".jsonl")
                || name.endsWith(".ndjson");
    }

    /**
     * [start, end) of the time the path's YYYY/MM/DD/HH prefix covers, or null when the path has no
     * date. For a file ({@code hourRequired}) the date must go down to the hour, in the file's
     * parent folders.
     */
    static long[] pathSpan(List<String> segments, boolean hourRequired) {
        int last = hourRequired ? segments.size() - 1 : segments.size();
        int yearAt = -1;
        for (int i = 0; i < last; i++) {
            if (isNumber(segments.get(i), 4)) {
                yearAt = i;
                break;
            }
        }
        if (yearAt < 0) {
            return null;
        }
        int year = Integer.parseInt(segments.get(yearAt));
        int[] parts = {1, 1, 0}; // month, day, hour
        int known = 0;
        for (int k = 0; k < 3 && yearAt + 1 + k < last; k++) {
            String seg = segments.get(yearAt + 1 + k);
            if (!isNumber(seg, 2)) {
                break;
            }
            parts[k] = Integer.parseInt(seg);
            known++;
        }
        if (hourRequired && known < 3) {
            return null;
        }
        int month = parts[0];
        int day = parts[1];
        int hour = parts[2];
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) {
            return null;
        }
        long start = Iso8601.daysFromCivil(year, month, day) * DAY + hour * HOUR;
        long end;
        switch (known) {
            case 0:
                end = Iso8601.daysFromCivil(year + 1, 1, 1) * DAY;
                break;
            case 1:
                end =
                        month == 12
                                ? Iso8601.daysFromCivil(year + 1, 1, 1) * DAY
                                : Iso8601.daysFromCivil(year, month + 1, 1) * DAY;
                break;
            case 2:
                end = start + DAY;
                break;
            default:
                end = start + HOUR;
        }
        return new long[] {start, end};
    }

    private static boolean isNumber(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
