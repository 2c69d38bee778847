package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportRow;
import com.bedrockusage.job.sink.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads one UTC day of {@code usage_daily} straight from the Iceberg files (no Flink job: a report
 * takes a second). Equality deletes of the upsert table are applied by the reader, so each key has
 * its latest total.
 */
public final class UsageDailyReader {

    private UsageDailyReader() {}

    public static ReportLines read(Path warehouseDir, String namespace, LocalDate day) {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouseDir.toUri().toString());
        try (catalog) {
            TableIdentifier id = TableIdentifier.of(namespace, Tables.USAGE_DAILY);
            Table table = WindowedRows.load(catalog, id, warehouseDir.toString());
            List<ReportLines.Usage> lines = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    WindowedRows.read(table, day, day.plusDays(1))) {
                for (Record r : records) {
                    Long unpriced = (Long) r.getField("unpriced_invocations");
                    lines.add(
                            new ReportLines.Usage(
                                    new DailyReportRow(
                                            (String) r.getField("account_id"),
                                            (String) r.getField("caller_arn"),
                                            (String) r.getField("model_id"),
                                            (String) r.getField("region"),
                                            (Long) r.getField("input_tokens"),
                                            (Long) r.getField("output_tokens"),
                                            (BigDecimal) r.getField("cost_usd")),
                                    unpriced == null ? 0 : unpriced));
                }
            }
            return ReportLines.merge(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
