package com.bedrockusage.job.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CUR 2.0 CSV file (gzip when its name ends in {@code .gz}): a header row, RFC 4180
 * quoting.
 */
final class CurCsvReader {

    private CurCsvReader() {}

    static CurRead read(InputStream raw, String name, CurLineFilter filter) throws IOException {
        CurRead read = new CurRead();
        read.files = 1;
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        try (Reader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            List<String> header = record(r);
            if (header == null) {
                return read;
            }
            for (String required : CurColumns.REQUIRED) {
                if (!header.contains(required)) {
                    read.problem(name + ": no column " + required + " (is this a CUR 2.0 export?)");
                    return read;
                }
            }
            long n = 1;
            List<String> cells;
            while ((cells = record(r)) != null) {
                n++;
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                filter.accept(row, name + " line " + n, read);
            }
        }
        return read;
    }

    /** One CSV record, or null at the end of input. */
    static List<String> record(Reader r) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = r.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                cell.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
