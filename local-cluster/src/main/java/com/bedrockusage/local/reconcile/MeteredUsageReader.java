package com.bedrockusage.local.reconcile;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.reconcile.MeteredUsage;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.sql.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The metered side: {@code usage_daily} rows of {@code [from, toExclusive)}, through the job's
 * catalog.
 */
final class MeteredUsageReader {

    private MeteredUsageReader() {}

    static List<MeteredUsage> read(JobConfig config, LocalDate from, LocalDate toExclusive) {
        Catalog catalog = IcebergCatalogs.loader(config).loadCatalog();
        TableIdentifier id = TableIdentifier.of(config.icebergNamespace, Tables.USAGE_DAILY);
        if (!catalog.tableExists(id)) {
            throw new CliException("no table " + id + " in warehouse " + config.icebergWarehouse);
        }
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = toExclusive.atStartOfDay().atOffset(ZoneOffset.UTC);
        List<MeteredUsage> out = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(catalog.loadTable(id))
                        .where(
                                Expressions.and(
                                        Expressions.greaterThanOrEqual(
                                                "window_start", micros(start)),
                                        Expressions.lessThan("window_start", micros(end))))
                        .build()) {
            for (Record r : records) {
                OffsetDateTime w = (OffsetDateTime) r.getField("window_start");
                if (w.isBefore(start) || !w.isBefore(end)) {
                    continue;
                }
                long tokens =
                        (Long) r.getField("input_tokens")
                                + (Long) r.getField("output_tokens")
                                + (Long) r.getField("cache_read_tokens")
                                + (Long) r.getField("cache_write_tokens");
                Long unpriced = (Long) r.getField("unpriced_invocations");
                out.add(
                        new MeteredUsage(
                                w.toLocalDate(),
                                (String) r.getField("account_id"),
                                (String) r.getField("region"),
                                (String) r.getField("caller_arn"),
                                (String) r.getField("model_id"),
                                tokens,
                                (BigDecimal) r.getField("cost_usd"),
                                unpriced == null ? 0 : unpriced));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static long micros(OffsetDateTime t) {
        return TimeUnit.SECONDS.toMicros(t.toEpochSecond());
    }
}
