package com.bedrockusage.job.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The classic daily usage CSV. Columns, in this order and spelling (consumers parse the header):
 * {@value #HEADER}. Fields are quoted only when they must be (RFC 4180: a comma, a double quote or
 * a line break; quotes doubled). Lines end with {@code \n}. Charges are USD as a plain decimal
 * (never an exponent), exact, with at least two decimals: {@code 12.50}, {@code 0.000375}.
 */
public final class DailyReportCsv {

    public static final List<String> COLUMNS =
            Collections.unmodifiableList(
                    Arrays.asList(
                            "Account Id",
                            "Identity ARN",
                            "Model Id",
                            "Region Name",
                            "Number of Input tokens",
                            "Number of output tokens",
                            "Charges incurred"));

    public static final String HEADER =
            "Account Id,Identity ARN,Model Id,Region Name,Number of Input tokens,"
                    + "Number of output tokens,Charges incurred";

    public static final String LINE_END = "\n";

    private DailyReportCsv() {}

    /** One CSV line, without the line end. */
    public static String line(DailyReportRow row) {
        return escape(row.accountId)
                + ','
                + escape(row.identityArn)
                + ','
                + escape(row.modelId)
                + ','
                + escape(row.region)
                + ','
                + row.inputTokens
                + ','
                + row.outputTokens
                + ','
                + charges(row.charges);
    }

    /** Header and lines, each ending with {@link #LINE_END}. */
    public static void write(Appendable out, List<DailyReportRow> rows) {
        try {
            out.append(HEADER).append(LINE_END);
            for (DailyReportRow row : rows) {
                out.append(line(row)).append(LINE_END);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toCsv(List<DailyReportRow> rows) {
        StringBuilder sb = new StringBuilder();
        write(sb, rows);
        return sb.toString();
    }

    /**
     * A field as CSV: as is, or quoted with inner quotes doubled when it holds a comma, quote or
     * line break.
     */
    public static String escape(String field) {
        if (field == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /**
     * USD as a plain decimal with at least two and otherwise only the needed decimals; null is
     * 0.00.
     */
    public static String charges(BigDecimal usd) {
        if (usd == null || usd.signum() == 0) {
            return "0.00";
        }
        BigDecimal stripped = usd.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
