package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.RejectedRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Q Developer user-activity report: a header of metric names (AWS's "User activity report
 * metrics") and one row per user and day. Kept: {@code UserId}, {@code Date}, {@code
 * Chat_MessagesSent}, {@code Inline_SuggestionsCount}, {@code Inline_AcceptanceCount}, {@code
 * Dev_GenerationEventCount}, {@code Transformation_LinesIngested}; other columns are ignored,
 * absent ones are null. Counts must be integers in [0, 10^9].
 */
final class ActivityReportCsv {

    static final int MAX_LINE_CHARS = 64 * 1024;
    static final long MAX_COUNT = 1_000_000_000L;
    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("MM-dd-yyyy"),
        DateTimeFormatter.ofPattern("MM/dd/yyyy")
    };

    private final QDeveloperPath path;
    private final String location;

    ActivityReportCsv(QDeveloperPath path, String location) {
        this.path = path;
        this.location = location;
    }

    void read(byte[] content, List<IngestRecord> out) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            out.add(reject(RejectReason.MALFORMED_CSV, 1, "no header"));
            return;
        }
        List<String> header = fields(strip(lines[0]));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            column.put(header.get(i).trim(), i);
        }
        if (!column.containsKey("UserId") || !column.containsKey("Date")) {
            out.add(
                    reject(
                            RejectReason.MALFORMED_CSV,
                            1,
                            "header without UserId and Date: "
                                    + lines[0].substring(0, Math.min(200, lines[0].length()))));
            return;
        }
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.trim().isEmpty()) {
                continue;
            }
            int lineNo = n + 1;
            List<String> row = line.length() > MAX_LINE_CHARS ? null : fields(line);
            if (row == null || row.size() != header.size()) {
                out.add(
                        reject(
                                RejectReason.MALFORMED_CSV,
                                lineNo,
                                "row of "
                                        + (row == null ? "?" : row.size())
                                        + " fields, header has "
                                        + header.size()));
                continue;
            }
            QDeveloperActivity a = new QDeveloperActivity();
            a.accountId = path.accountId;
            a.region = path.region;
            a.source = location;
            a.userId = row.get(column.get("UserId")).trim();
            String problem = null;
            if (a.userId.isEmpty()) {
                problem = RejectReason.MISSING_FIELD + "UserId";
            } else if (a.userId.length() > QDeveloperLogParser.MAX_USER_ID_CHARS) {
                problem = RejectReason.FIELD_TOO_LONG + "UserId";
            }
            Long day = day(row.get(column.get("Date")).trim());
            if (problem == null && day == null) {
                problem = RejectReason.INVALID_FIELD + "Date";
            }
            String[] counts = {
                "Chat_MessagesSent",
                "Inline_SuggestionsCount",
                "Inline_AcceptanceCount",
                "Dev_GenerationEventCount",
                "Transformation_LinesIngested"
            };
            Long[] values = new Long[counts.length];
            for (int i = 0; i < counts.length && problem == null; i++) {
                Integer at = column.get(counts[i]);
                if (at == null) {
                    continue;
                }
                String v = row.get(at).trim();
                if (v.isEmpty()) {
                    continue;
                }
                values[i] = count(v);
                if (values[i] == null) {
                    problem = RejectReason.INVALID_FIELD + counts[i];
                }
            }
            if (problem != null) {
                out.add(
                        reject(
                                problem,
                                lineNo,
                                "UserId=" + (a.userId.length() > 256 ? "…" : a.userId)));
                continue;
            }
            a.dayStart = day;
            a.chatMessagesSent = values[0];
            a.inlineSuggestions = values[1];
            a.inlineAcceptances = values[2];
            a.devGenerations = values[3];
            a.transformationLines = values[4];
            out.add(IngestRecord.of(QDeveloperRecord.of(a)));
        }
    }

    private static String strip(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Long day(String v) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static Long count(String v) {
        if (v.length() > 12) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            return n >= 0 && n <= MAX_COUNT ? n : null;
        } catch (NumberFormatException e) {
            // a decimal such as "12.0" is still a count
            try {
                double d = Double.parseDouble(v);
                return d >= 0 && d <= MAX_COUNT && d == Math.rint(d) ? (long) d : null;
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** RFC 4180 fields of one line (quotes, doubled quotes); null when a quote is left open. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }

    private IngestRecord reject(String reason, int line, String excerpt) {
        return IngestRecord.rejected(
                new RejectedRecord(
                        reason, location + ":" + line, System.currentTimeMillis(), excerpt));
    }
}
