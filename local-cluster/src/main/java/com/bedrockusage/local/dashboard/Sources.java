package com.bedrockusage.local.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rows answer a question. usage_daily is exact (late calls added) but a day appears only once
 * it has closed; usage_hourly and the newest minutes of usage_minute fill the days it does not have
 * yet. A tag filter or grouping needs the calls' requestMetadata, so it reads the invocations
 * summed per hour.
 */
final class Sources {

    private Sources() {}

    /**
     * Rows at day granularity or finer that cover each instant once: daily where it has the day,
     * else finer.
     */
    static List<UsageFact> bestAvailable(WarehouseData d, boolean needsTags) {
        if (needsTags) {
            return tagRows(d);
        }
        Set<Long> closedDays = new HashSet<>();
        for (UsageFact f : d.daily()) {
            closedDays.add(f.windowStart());
        }
        List<UsageFact> out = new ArrayList<>(d.daily());
        for (UsageFact f : d.hourly()) {
            if (!closedDays.contains(Granularity.DAY.bucket(f.windowStart()))) {
                out.add(f);
            }
        }
        for (UsageFact f : d.minuteTail()) {
            if (!closedDays.contains(Granularity.DAY.bucket(f.windowStart()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Rows for a chart of this granularity over {@code [from, to)}. */
    static List<UsageFact> forChart(
            WarehouseData d,
            WarehouseLoader loader,
            Granularity g,
            boolean needsTags,
            Instant from,
            Instant to) {
        if (needsTags) {
            return tagRows(d);
        }
        switch (g) {
            case MINUTE:
                return loader.minutes(d.snapshots(), from, to);
            case HOUR:
                List<UsageFact> hours = new ArrayList<>(d.hourly());
                hours.addAll(d.minuteTail());
                return hours;
            default:
                return bestAvailable(d, false);
        }
    }

    /** Latency comes from the hourly windows, as latency_by_model.sql takes it. */
    static List<UsageFact> latency(WarehouseData d) {
        List<UsageFact> rows = new ArrayList<>(d.hourly());
        rows.addAll(d.minuteTail());
        return rows;
    }

    private static List<UsageFact> tagRows(WarehouseData d) {
        if (!d.tagsReady()) {
            throw new NotReady(
                    "the invocations are still being read for tags; try again in a moment");
        }
        return d.tagHours();
    }

    /** The data a question needs is still loading: HTTP 503 with this message. */
    static final class NotReady extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotReady(String message) {
            super(message);
        }
    }
}
