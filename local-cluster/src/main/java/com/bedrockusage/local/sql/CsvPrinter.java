package com.bedrockusage.local.sql;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.types.Row;

/** RFC 4180 CSV: a header of column names, then the rows; NULL is an empty field. */
final class CsvPrinter implements ResultPrinter {

    private final Values values;

    CsvPrinter(Values values) {
        this.values = values;
    }

    @Override
    public long print(List<String> columns, Iterator<Row> rows, PrintStream out) {
        out.print(line(columns.toArray()));
        long count = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            Object[] fields = new Object[row.getArity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = values.text(row.getField(i));
            }
            out.print(line(fields));
            count++;
        }
        out.flush();
        return count;
    }

    private static String line(Object[] fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape((String) fields[i]));
        }
        return sb.append('\n').toString();
    }

    static String escape(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
