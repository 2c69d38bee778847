package com.bedrockusage.job.reconcile;

import com.bedrockusage.job.report.DailyReportCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes Bedrock line items as a CUR 2.0 data file (gzip CSV or Parquet) with the export's column
 * names, for fixtures and local runs ({@code bin/generate-cur}). Only the columns reconciliation
 * reads are written, plus {@code line_item_line_item_type} = {@code Usage}.
 */
public final class CurExportWriter {

    static final List<String> COLUMNS =
            Arrays.asList(
                    CurColumns.USAGE_START_DATE,
                    CurColumns.USAGE_ACCOUNT_ID,
                    CurColumns.PRODUCT_CODE,
                    CurColumns.USAGE_TYPE,
                    CurColumns.USAGE_AMOUNT,
                    CurColumns.UNBLENDED_COST,
                    CurColumns.REGION_CODE,
                    CurColumns.RESOURCE_ID,
                    CurColumns.IAM_PRINCIPAL,
                    CurColumns.LINE_ITEM_TYPE);

    private CurExportWriter() {}

    public static void writeCsvGz(Path file, List<CurLine> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (CurLine l : lines) {
                w.write(
                        String.join(
                                ",",
                                l.day + "T00:00:00Z",
                                l.accountId,
                                l.productCode,
                                DailyReportCsv.escape(l.usageType),
                                l.usageAmount.toPlainString(),
                                l.unblendedCost.toPlainString(),
                                l.region,
                                cell(l.resourceId),
                                cell(l.principal),
                                "Usage"));
                w.write('\n');
            }
        }
    }

    /**
     * Amounts and costs as doubles, as Data Exports writes them: keep them to what a double holds
     * exactly enough.
     */
    public static void writeParquet(Path file, List<CurLine> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try (FileAppender<Record> appender =
                Parquet.write(org.apache.iceberg.Files.localOutput(file.toFile()))
                        .schema(CurParquetReader.SCHEMA)
                        .createWriterFunc(GenericParquetWriter::create)
                        .build()) {
            for (CurLine l : lines) {
                GenericRecord r = GenericRecord.create(CurParquetReader.SCHEMA);
                r.setField(CurColumns.USAGE_START_DATE, l.day.atStartOfDay());
                r.setField(CurColumns.USAGE_ACCOUNT_ID, l.accountId);
                r.setField(CurColumns.PRODUCT_CODE, l.productCode);
                r.setField(CurColumns.USAGE_TYPE, l.usageType);
                r.setField(CurColumns.USAGE_AMOUNT, l.usageAmount.doubleValue());
                r.setField(CurColumns.UNBLENDED_COST, l.unblendedCost.doubleValue());
                r.setField(CurColumns.REGION_CODE, l.region);
                r.setField(CurColumns.RESOURCE_ID, l.resourceId);
                r.setField(CurColumns.IAM_PRINCIPAL, l.principal);
                r.setField(CurColumns.LINE_ITEM_TYPE, "Usage");
                appender.add(r);
            }
        }
    }

    private static String cell(String v) {
        return v == null ? "" : DailyReportCsv.escape(v);
    }
}
