package com.bedrockusage.local.reconcile;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.reconcile.MeteredUsage;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.report.WindowedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
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
        Table table = WindowedRows.load(catalog, id, config.icebergWarehouse);
        List<MeteredUsage> out = new ArrayList<>();
        try (CloseableIterable<Record> records = WindowedRows.read(table, from, toExclusive)) {
            for (Record r : records) {
                long tokens =
                        (Long) r.getField("input_tokens")
                                + (Long) r.getField("output_tokens")
                                + (Long) r.getField("cache_read_tokens")
                                + (Long) r.getField("cache_write_tokens");
                Long unpriced = (Long) r.getField("unpriced_invocations");
                out.add(
                        new MeteredUsage(
                                WindowedRows.windowStart(r).toLocalDate(),
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
}
