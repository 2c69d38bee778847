package com.bedrockusage.local.dashboard;

import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.sink.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the job's tables through an Iceberg catalog, always at given snapshots so one refresh sees
 * one consistent state. Read-only: it never commits anything.
 */
final class WarehouseLoader {

    static final List<String> TABLES =
            List.of(
                    Tables.USAGE_DAILY,
                    Tables.USAGE_HOURLY,
                    Tables.USAGE_MINUTE,
                    Tables.INVOCATIONS,
                    Tables.REJECTED_RECORDS,
                    AlertsTable.NAME,
                    QDeveloperTables.DAILY,
                    QDeveloperTables.MONTHLY);
    static final long NO_SNAPSHOT = -1;

    private static final String[] INVOCATION_COLUMNS = {
        "event_time",
        "account_id",
        "region",
        "caller_arn",
        "model_id",
        "input_tokens",
        "output_tokens",
        "cache_read_tokens",
        "cache_write_tokens",
        "error_code",
        "priced",
        "cost_usd",
        "cache_read_cost_usd",
        "request_metadata"
    };

    private final Catalog catalog;
    private final String namespace;
    private final FactReader reader;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final TagHours tagHours = new TagHours();

    /**
     * Held while the invocations are read for tags, which takes a while: nothing a request waits
     * for takes it.
     */
    private final Object tagHoursLock = new Object();

    WarehouseLoader(Catalog catalog, String namespace, FactReader reader) {
        this.catalog = catalog;
        this.namespace = namespace;
        this.reader = reader;
    }

    /**
     * The current snapshot id of every table that exists ({@link #NO_SNAPSHOT} for an empty one).
     */
    synchronized Map<String, Long> snapshots() {
        Map<String, Long> ids = new TreeMap<>();
        for (String name : TABLES) {
            Table t = table(name);
            if (t != null) {
                t.refresh();
                Snapshot s = t.currentSnapshot();
                ids.put(name, s == null ? NO_SNAPSHOT : s.snapshotId());
            }
        }
        return ids;
    }

    /**
     * Usage, rejected records and alerts at these snapshots; tag hours are left to {@link
     * #tagHours}.
     */
    synchronized WarehouseData load(
            long version, Map<String, Long> snapshots, List<UsageFact> previousTags) {
        List<UsageFact> daily = usage(Tables.USAGE_DAILY, snapshots, Expressions.alwaysTrue());
        List<UsageFact> hourly = usage(Tables.USAGE_HOURLY, snapshots, Expressions.alwaysTrue());
        long tailStart =
                Math.max(
                        newestEnd(hourly, Duration.ofHours(1)),
                        newestEnd(daily, Duration.ofDays(1)));
        List<UsageFact> minuteTail =
                usage(
                        Tables.USAGE_MINUTE,
                        snapshots,
                        Expressions.greaterThanOrEqual(
                                "window_start", TimeUnit.MILLISECONDS.toMicros(tailStart)));
        long upTo = Math.max(tailStart, newestEnd(minuteTail, Duration.ofMinutes(1)));
        return new WarehouseData(
                version,
                daily,
                hourly,
                minuteTail,
                previousTags,
                rejected(snapshots),
                alerts(snapshots),
                upTo == 0 ? null : upTo,
                snapshots);
    }

    /**
     * usage_minute rows of a range, for charts of a few hours. Not synchronized with the refresh: a
     * request must not wait for the invocations' read (over a minute for a million calls on a busy
     * machine).
     */
    List<UsageFact> minutes(Map<String, Long> snapshots, Instant from, Instant to) {
        return usage(
                Tables.USAGE_MINUTE,
                snapshots,
                Expressions.and(
                        Expressions.greaterThanOrEqual(
                                "window_start",
                                TimeUnit.MILLISECONDS.toMicros(from.toEpochMilli())),
                        Expressions.lessThan(
                                "window_start",
                                TimeUnit.MILLISECONDS.toMicros(to.toEpochMilli()))));
    }

    /**
     * Invocations summed per hour, key and requestMetadata; only new appends are read when that is
     * possible.
     */
    List<UsageFact> tagHours(Map<String, Long> snapshots) {
        synchronized (tagHoursLock) {
            return readTagHours(snapshots);
        }
    }

    private List<UsageFact> readTagHours(Map<String, Long> snapshots) {
        Long id = snapshots.get(Tables.INVOCATIONS);
        if (id == null || id == NO_SNAPSHOT) {
            return List.of();
        }
        Table t = table(Tables.INVOCATIONS);
        Long since = tagHours.appendsOnlySince(t, id);
        if (since != null && since.equals(id)) {
            return tagHours.facts();
        }
        IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(t).select(INVOCATION_COLUMNS);
        scan = since == null ? scan.useSnapshot(id) : scan.appendsBetween(since, id);
        if (since == null) {
            tagHours.reset();
        }
        each(
                scan,
                r -> {
                    long hour =
                            Math.floorDiv(FactReader.millis(r.getField("event_time")), 3_600_000L)
                                    * 3_600_000L;
                    tagHours.add(reader.invocation(r, hour));
                });
        tagHours.readUpTo(id);
        return tagHours.facts();
    }

    /**
     * Rows of a small table (the Q Developer usage) at the given snapshots; empty when it does not
     * exist.
     */
    List<Record> rows(String name, Map<String, Long> snapshots, Expression filter) {
        Long id = snapshots.get(name);
        if (id == null || id == NO_SNAPSHOT) {
            return List.of();
        }
        List<Record> out = new ArrayList<>();
        each(IcebergGenerics.read(table(name)).useSnapshot(id).where(filter), out::add);
        return out;
    }

    private List<UsageFact> usage(String name, Map<String, Long> snapshots, Expression filter) {
        Long id = snapshots.get(name);
        if (id == null || id == NO_SNAPSHOT) {
            return List.of();
        }
        List<UsageFact> facts = new ArrayList<>();
        each(
                IcebergGenerics.read(table(name)).useSnapshot(id).where(filter),
                r -> facts.add(reader.usageRow(r)));
        return facts;
    }

    private List<WarehouseData.RejectedCount> rejected(Map<String, Long> snapshots) {
        Long id = snapshots.get(Tables.REJECTED_RECORDS);
        if (id == null || id == NO_SNAPSHOT) {
            return List.of();
        }
        Map<List<String>, Long> counts =
                new TreeMap<>(
                        Comparator.comparing((List<String> k) -> k.get(0))
                                .reversed()
                                .thenComparing(k -> k.get(1)));
        each(
                IcebergGenerics.read(table(Tables.REJECTED_RECORDS))
                        .useSnapshot(id)
                        .select("reason", "ingest_time"),
                r -> {
                    String day =
                            Instant.ofEpochMilli(FactReader.millis(r.getField("ingest_time")))
                                    .atOffset(ZoneOffset.UTC)
                                    .toLocalDate()
                                    .toString();
                    counts.merge(List.of(day, (String) r.getField("reason")), 1L, Long::sum);
                });
        List<WarehouseData.RejectedCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new WarehouseData.RejectedCount(k.get(0), k.get(1), n)));
        return out;
    }

    private List<Map<String, Object>> alerts(Map<String, Long> snapshots) {
        Long id = snapshots.get(AlertsTable.NAME);
        if (id == null || id == NO_SNAPSHOT) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        each(
                IcebergGenerics.read(table(AlertsTable.NAME)).useSnapshot(id),
                r -> out.add(AlertRows.toJson(r)));
        out.sort(
                Comparator.comparing((Map<String, Object> a) -> (String) a.get("fired_at"))
                        .reversed());
        return out;
    }

    private static long newestEnd(List<UsageFact> facts, Duration window) {
        long newest = Long.MIN_VALUE;
        for (UsageFact f : facts) {
            newest = Math.max(newest, f.windowStart());
        }
        return newest == Long.MIN_VALUE ? 0 : newest + window.toMillis();
    }

    private static void each(IcebergGenerics.ScanBuilder scan, Consumer<Record> action) {
        try (CloseableIterable<Record> records = scan.build()) {
            for (Record r : records) {
                action.accept(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            TableIdentifier id = TableIdentifier.of(namespace, name);
            if (!catalog.tableExists(id)) {
                return null;
            }
            Table loaded = catalog.loadTable(id);
            t = tables.putIfAbsent(name, loaded);
            return t == null ? loaded : t;
        }
        return t;
    }

    /** Alert rows as the API answers them. */
    static final class AlertRows {

        private static final List<String> FIELDS =
                List.of(
                        "alert_id",
                        "rule_id",
                        "kind",
                        "severity",
                        "metric",
                        "scope",
                        "scope_key",
                        "window",
                        "window_start",
                        "window_end",
                        "observed_value",
                        "threshold",
                        "forecast_value",
                        "window_cost_usd",
                        "window_invocations",
                        "account_id",
                        "fired_at",
                        "subject",
                        "delivery_status",
                        "delivery_attempts",
                        "delivery_error");

        private AlertRows() {}

        static Map<String, Object> toJson(Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : FIELDS) {
                Object v = r.getField(f);
                if (v instanceof java.time.OffsetDateTime t) {
                    v = t.toInstant().toString();
                } else if (v instanceof java.math.BigDecimal d) {
                    v = d.stripTrailingZeros().toPlainString();
                }
                m.put(f, v);
            }
            return m;
        }
    }
}
