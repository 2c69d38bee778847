package com.bedrockusage.local.dashboard;

import java.util.List;
import java.util.Map;

/** The top table as CSV (RFC 4180), columns as in the JSON answer; money as exact decimals. */
final class TopCsv {

    static final List<String> COLUMNS =
            List.of(
                    "name",
                    "cost_usd",
                    "share",
                    "invocations",
                    "input_tokens",
                    "output_tokens",
                    "total_tokens",
                    "cost_per_call_usd",
                    "previous_cost_usd",
                    "change_usd",
                    "change_ratio");

    private TopCsv() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> answer) {
        StringBuilder out = new StringBuilder();
        out.append(answer.get("dim"))
                .append(',')
                .append(String.join(",", COLUMNS.subList(1, COLUMNS.size())))
                .append("\r\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) answer.get("rows")) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = row.get(COLUMNS.get(i));
                out.append(v == null ? "" : field(v.toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a
     * formula.
     */
    static String field(String v) {
        String s =
                !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")
                        ? "'" + v
                        : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
