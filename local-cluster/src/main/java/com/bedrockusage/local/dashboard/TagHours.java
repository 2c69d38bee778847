package com.bedrockusage.local.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Invocations summed per hour, account, region, caller, model and requestMetadata, kept between
 * refreshes: the invocations table only grows by appends, so a refresh reads just the new files.
 */
final class TagHours {

    private record Key(
            long hour,
            String account,
            String region,
            String caller,
            String model,
            Map<String, String> tags) {}

    private final Map<Key, UsageFact> sums = new HashMap<>();
    private Long readUpTo;

    void reset() {
        sums.clear();
        readUpTo = null;
    }

    void add(UsageFact call) {
        Key k =
                new Key(
                        call.windowStart(),
                        call.account(),
                        call.region(),
                        call.caller(),
                        call.model(),
                        call.tags());
        UsageFact sum = sums.get(k);
        if (sum == null) {
            sums.put(k, call);
        } else {
            // facts handed out are never changed: sum into a new one
            Measures m = new Measures().add(sum.measures()).add(call.measures());
            sums.put(
                    k,
                    new UsageFact(
                            sum.windowStart(),
                            sum.account(),
                            sum.region(),
                            sum.caller(),
                            sum.model(),
                            sum.app(),
                            sum.tags(),
                            m));
        }
    }

    void readUpTo(long snapshotId) {
        readUpTo = snapshotId;
    }

    /**
     * The snapshot to read appends after, or null when everything must be read again (first read,
     * or a snapshot since then that was not an append: a rewrite, delete or rollback).
     */
    Long appendsOnlySince(Table table, long current) {
        if (readUpTo == null) {
            return null;
        }
        Long id = current;
        while (id != null && !id.equals(readUpTo)) {
            Snapshot s = table.snapshot(id);
            if (s == null || !"append".equals(s.operation())) {
                return null;
            }
            id = s.parentId();
        }
        return id == null ? null : readUpTo;
    }

    List<UsageFact> facts() {
        return List.copyOf(new ArrayList<>(sums.values()));
    }
}
