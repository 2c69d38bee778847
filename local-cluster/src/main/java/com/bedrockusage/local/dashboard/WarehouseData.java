package com.bedrockusage.local.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything the pages show, read from one set of table snapshots. Immutable: a refresh builds a
 * new one.
 *
 * @param version grows with every refresh that saw a new snapshot
 * @param daily usage_daily
 * @param hourly usage_hourly
 * @param minuteTail usage_minute after the newest hourly window: the minutes no hourly row covers
 *     yet
 * @param tagHours invocations summed per hour, key and requestMetadata; null while they are being
 *     read
 * @param rejected rejected_records counted per UTC day and reason
 * @param alerts rows of the alerts table, newest first, as JSON objects
 * @param dataUpTo epoch millis the tables are complete up to (end of the newest closed window), or
 *     null
 */
public record WarehouseData(
        long version,
        List<UsageFact> daily,
        List<UsageFact> hourly,
        List<UsageFact> minuteTail,
        List<UsageFact> tagHours,
        List<RejectedCount> rejected,
        List<Map<String, Object>> alerts,
        Long dataUpTo,
        Map<String, Long> snapshots) {

    /** rejected_records rows of one UTC day ({@code YYYY-MM-DD}) and reason. */
    public record RejectedCount(String day, String reason, long records) {}

    /**
     * Nothing read yet; the tag hours are null (not ready) until the invocations have been read.
     */
    static WarehouseData empty() {
        return new WarehouseData(
                0, List.of(), List.of(), List.of(), null, List.of(), List.of(), null, Map.of());
    }

    boolean tagsReady() {
        return tagHours != null;
    }
}
