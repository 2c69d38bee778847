package com.bedrockusage.local.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.types.Row;

/**
 * An aligned text table (numbers right-aligned) with a row count; reads all rows first to size the
 * columns.
 */
final class TablePrinter implements ResultPrinter {

    static final String NULL = "NULL";

    private final Values values;

    TablePrinter(Values values) {
        this.values = values;
    }

    @Override
    public long print(List<String> columns, Iterator<Row> rows, PrintStream out) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = columns.get(i).length();
        }
        List<String[]> cells = new ArrayList<>();
        List<boolean[]> numeric = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String[] text = new String[width.length];
            boolean[] number = new boolean[width.length];
            for (int i = 0; i < width.length; i++) {
                Object v = row.getField(i);
                String s = values.text(v);
                text[i] = s == null ? NULL : s.replace("\n", "\\n");
                number[i] = Values.isNumber(v);
                width[i] = Math.max(width[i], text[i].length());
            }
            cells.add(text);
            numeric.add(number);
        }
        String rule = rule(width);
        StringBuilder sb = new StringBuilder(rule);
        sb.append(line(columns.toArray(new String[0]), new boolean[width.length], width));
        sb.append(rule);
        for (int r = 0; r < cells.size(); r++) {
            sb.append(line(cells.get(r), numeric.get(r), width));
        }
        if (!cells.isEmpty()) {
            sb.append(rule);
        }
        sb.append(cells.size()).append(cells.size() == 1 ? " row" : " rows").append('\n');
        out.print(sb);
        out.flush();
        return cells.size();
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static String line(String[] text, boolean[] right, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            String pad = " ".repeat(width[i] - text[i].length());
            sb.append(' ').append(right[i] ? pad + text[i] : text[i] + pad).append(" |");
        }
        return sb.append('\n').toString();
    }
}
