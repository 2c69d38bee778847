package com.bedrockusage.local.report;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.report.DailyReportCsv;
import com.bedrockusage.local.sql.CliException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/**
 * {@code bin/report --kind q-developer}: one CSV line per Amazon Q Developer user of a UTC month,
 * from {@code q_developer_usage_monthly}, with the limits in force. Tokens are estimates
 * (docs/q-developer.md); a month without activity reports has empty transformation lines, not 0.
 */
final class QDeveloperReport {

    static final String HEADER =
            "Month,Account Id,User Id,Chat events,Inline events,/dev uses,/dev limit,"
                    + "Estimated input tokens,Estimated output tokens,Transformation lines,Transformation limit,"
                    + "Largest conversation (estimated tokens),Context window";

    /**
     * The columns after the user, in the header's order; transformation_lines is null in a month
     * without transformation reports.
     */
    private static final List<String> NUMBER_COLUMNS =
            List.of(
                    "chat_events",
                    "inline_events",
                    "dev_events",
                    "dev_uses_limit",
                    "input_tokens",
                    "output_tokens",
                    "transformation_lines",
                    "transformation_lines_limit",
                    "max_conversation_tokens",
                    "context_window_limit");

    private QDeveloperReport() {}

    static void write(Path warehouse, ReportOptions options, PrintStream out, PrintStream err) {
        LocalDate month = options.date().withDayOfMonth(1);
        List<Record> rows = read(warehouse, options.namespace(), month);
        String content = csv(month, rows);
        String where = ReportOutput.write(content, "text/csv", options.target(), out);
        if (rows.isEmpty()) {
            err.println(
                    "no Q Developer usage in "
                            + month.toString().substring(0, 7)
                            + " in "
                            + warehouse
                            + ": wrote the header only to "
                            + where);
        } else if (options.out() != null) {
            err.println(
                    "wrote "
                            + rows.size()
                            + " users for "
                            + month.toString().substring(0, 7)
                            + " to "
                            + where);
        }
    }

    static List<Record> read(Path warehouseDir, String namespace, LocalDate month) {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouseDir.toUri().toString());
        try (catalog) {
            TableIdentifier id = TableIdentifier.of(namespace, QDeveloperTables.MONTHLY);
            if (!catalog.tableExists(id)) {
                throw new CliException(
                        "no table "
                                + id
                                + " in warehouse "
                                + warehouseDir
                                + " (a job older than Q Developer support wrote it)");
            }
            OffsetDateTime start = month.atStartOfDay().atOffset(ZoneOffset.UTC);
            List<Record> rows = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    IcebergGenerics.read(catalog.loadTable(id)).build()) {
                for (Record r : records) {
                    if (((OffsetDateTime) r.getField("month_start"))
                            .toInstant()
                            .equals(start.toInstant())) {
                        rows.add(r.copy());
                    }
                }
            }
            rows.sort(
                    Comparator.comparing((Record r) -> (String) r.getField("account_id"))
                            .thenComparing(r -> (String) r.getField("user_id")));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(LocalDate month, List<Record> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append(DailyReportCsv.LINE_END);
        for (Record r : rows) {
            sb.append(month.toString(), 0, 7)
                    .append(',')
                    .append(DailyReportCsv.escape((String) r.getField("account_id")))
                    .append(',')
                    .append(DailyReportCsv.escape((String) r.getField("user_id")));
            for (String column : NUMBER_COLUMNS) {
                Object value = r.getField(column);
                sb.append(',').append(value == null ? "" : value);
            }
            sb.append(DailyReportCsv.LINE_END);
        }
        return sb.toString();
    }
}
