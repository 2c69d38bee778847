package com.bedrockusage.job.reconcile;

import static org.apache.iceberg.types.Types.NestedField.optional;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Files;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * Reads a CUR 2.0 Parquet file with Iceberg's Parquet reader, matching columns by name (Data
 * Exports files carry no Iceberg field ids). Types as Data Exports writes them: timestamps, doubles
 * for amounts and costs, strings. A double is taken at its shortest decimal form ({@link
 * BigDecimal#valueOf(double)}), the value the CSV prints.
 */
final class CurParquetReader {

    /**
     * The columns read, in {@link CurColumns} names; a column missing from a file reads as null.
     */
    public static final Schema SCHEMA =
            new Schema(
                    optional(1, CurColumns.USAGE_START_DATE, Types.TimestampType.withoutZone()),
                    optional(2, CurColumns.USAGE_ACCOUNT_ID, Types.StringType.get()),
                    optional(3, CurColumns.PRODUCT_CODE, Types.StringType.get()),
                    optional(4, CurColumns.USAGE_TYPE, Types.StringType.get()),
                    optional(5, CurColumns.USAGE_AMOUNT, Types.DoubleType.get()),
                    optional(6, CurColumns.UNBLENDED_COST, Types.DoubleType.get()),
                    optional(7, CurColumns.REGION_CODE, Types.StringType.get()),
                    optional(8, CurColumns.RESOURCE_ID, Types.StringType.get()),
                    optional(9, CurColumns.IAM_PRINCIPAL, Types.StringType.get()),
                    optional(10, CurColumns.LINE_ITEM_TYPE, Types.StringType.get()));

    private CurParquetReader() {}

    static CurRead read(File file, String name, CurLineFilter filter) throws IOException {
        CurRead read = new CurRead();
        read.files = 1;
        try (CloseableIterable<Record> records =
                Parquet.read(Files.localInput(file))
                        .project(SCHEMA)
                        .withNameMapping(MappingUtil.create(SCHEMA))
                        .createReaderFunc(
                                fileSchema -> GenericParquetReaders.buildReader(SCHEMA, fileSchema))
                        .build()) {
            long n = 0;
            for (Record r : records) {
                n++;
                Map<String, String> row = new HashMap<>();
                for (Types.NestedField f : SCHEMA.columns()) {
                    row.put(f.name(), text(r.getField(f.name())));
                }
                filter.accept(row, name + " row " + n, read);
            }
        }
        return read;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double) {
            BigDecimal d = BigDecimal.valueOf((Double) v).stripTrailingZeros();
            return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
        }
        if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return v.toString();
        }
        return v.toString();
    }
}
