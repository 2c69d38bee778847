package com.bedrockusage.local.report;

import com.bedrockusage.local.sql.CliException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/** The rows of a usage table ({@code usage_daily}, {@code usage_hourly}) in a range of UTC days. */
public final class WindowedRows {

    private WindowedRows() {}

    /** The table; a missing one is the user's mistake (wrong warehouse or namespace). */
    public static Table load(Catalog catalog, TableIdentifier id, String warehouse) {
        if (!catalog.tableExists(id)) {
            throw new CliException("no table " + id + " in warehouse " + warehouse);
        }
        return catalog.loadTable(id);
    }

    /**
     * The rows whose {@code window_start} is in the days [from, toExclusive). The filter only
     * prunes files, so each row is checked too.
     */
    public static CloseableIterable<Record> read(
            Table table, LocalDate from, LocalDate toExclusive) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = toExclusive.atStartOfDay().atOffset(ZoneOffset.UTC);
        CloseableIterable<Record> pruned =
                IcebergGenerics.read(table)
                        .where(
                                Expressions.and(
                                        Expressions.greaterThanOrEqual(
                                                "window_start", micros(start)),
                                        Expressions.lessThan("window_start", micros(end))))
                        .build();
        return CloseableIterable.filter(
                pruned,
                r -> {
                    OffsetDateTime w = windowStart(r);
                    return !w.isBefore(start) && w.isBefore(end);
                });
    }

    public static OffsetDateTime windowStart(Record r) {
        return (OffsetDateTime) r.getField("window_start");
    }

    private static long micros(OffsetDateTime t) {
        return TimeUnit.SECONDS.toMicros(t.toEpochSecond());
    }
}
