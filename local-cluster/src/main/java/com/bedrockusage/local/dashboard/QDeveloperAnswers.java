package com.bedrockusage.local.dashboard;

import com.bedrockusage.job.qdeveloper.QDeveloperAlerts;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;

/**
 * {@code /api/qdeveloper}: a month of Amazon Q Developer use per user against the limits (from
 * {@code q_developer_usage_monthly}, as {@code q_developer_users.sql}), inline acceptance and the
 * daily counts per kind (from {@code q_developer_usage_daily}), and the Q alerts of the month.
 */
record QDeveloperAnswers(Refresher refresher) {

    private static final String[] KINDS = {"chat_events", "inline_events", "dev_events"};

    Map<String, Object> answer(Map<String, String> query) {
        WarehouseData d = refresher.data();
        WarehouseLoader loader = refresher.loader();
        List<Record> allMonths =
                loader.rows(QDeveloperTables.MONTHLY, d.snapshots(), Expressions.alwaysTrue());
        TreeSet<String> months = new TreeSet<>();
        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        for (Record r : allMonths) {
            months.add(YearMonth.from(day(r.getField("month_start"))).toString());
            accounts.add((String) r.getField("account_id"));
            users.add((String) r.getField("user_id"));
        }
        YearMonth month = month(query.get("month"), months);
        String account = blankToNull(query.get("account"));
        String user = blankToNull(query.get("user"));
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);

        Map<String, long[]> acceptance = new LinkedHashMap<>();
        Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
        for (LocalDate day = month.atDay(1); day.isBefore(month.plusMonths(1).atDay(1)); ) {
            perDay.put(day, new long[KINDS.length]);
            day = day.plusDays(1);
        }
        for (Record r :
                loader.rows(
                        QDeveloperTables.DAILY,
                        d.snapshots(),
                        Expressions.and(
                                Expressions.greaterThanOrEqual("day_start", micros(from)),
                                Expressions.lessThan("day_start", micros(to))))) {
            if (!matches(r, account, user)) {
                continue;
            }
            long[] kinds = perDay.get(day(r.getField("day_start")));
            for (int k = 0; k < KINDS.length; k++) {
                kinds[k] += (Long) r.getField(KINDS[k]);
            }
            Long suggestions = (Long) r.getField("inline_suggestions");
            Long acceptances = (Long) r.getField("inline_acceptances");
            if (suggestions != null && acceptances != null) {
                long[] a = acceptance.computeIfAbsent(key(r), k -> new long[2]);
                a[0] += suggestions;
                a[1] += acceptances;
            }
        }

        List<Map<String, Object>> rows = new ArrayList<>();
        long[] totals = new long[5];
        for (Record r : allMonths) {
            if (YearMonth.from(day(r.getField("month_start"))).equals(month)
                    && matches(r, account, user)) {
                rows.add(userRow(r, acceptance.get(key(r))));
                totals[0] += (Long) r.getField("chat_events");
                totals[1] += (Long) r.getField("inline_events");
                totals[2] += (Long) r.getField("dev_events");
                totals[3] += (Long) r.getField("input_tokens");
                totals[4] += (Long) r.getField("output_tokens");
            }
        }
        rows.sort(
                Comparator.comparing(
                                (Map<String, Object> r) -> percentOrLowest(r.get("dev_uses_pct")))
                        .reversed()
                        .thenComparing(r -> (String) r.get("user_id")));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", month.toString());
        out.put("has_data", !allMonths.isEmpty());
        out.put("months", List.copyOf(months));
        out.put("accounts", List.copyOf(accounts));
        out.put("users", List.copyOf(users));
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("users", rows.size());
        total.put("chat_events", totals[0]);
        total.put("inline_events", totals[1]);
        total.put("dev_events", totals[2]);
        total.put("input_tokens", totals[3]);
        total.put("output_tokens", totals[4]);
        out.put("totals", total);
        out.put("rows", rows);
        out.put("daily", daily(perDay));
        out.put("alerts", alerts(d, from, to, account, user));
        return out;
    }

    private static Map<String, Object> userRow(Record r, long[] acceptance) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", r.getField("account_id"));
        row.put("user_id", r.getField("user_id"));
        row.put("chat_events", r.getField("chat_events"));
        row.put("inline_events", r.getField("inline_events"));
        row.put("dev_uses", r.getField("dev_events"));
        row.put("est_input_tokens", r.getField("input_tokens"));
        row.put("est_output_tokens", r.getField("output_tokens"));
        row.put("inline_suggestions", acceptance == null ? null : acceptance[0]);
        row.put("inline_acceptances", acceptance == null ? null : acceptance[1]);
        row.put(
                "inline_acceptance_rate",
                acceptance == null || acceptance[0] == 0
                        ? null
                        : BigDecimal.valueOf(acceptance[1])
                                .divide(BigDecimal.valueOf(acceptance[0]), 6, RoundingMode.HALF_UP)
                                .toPlainString());
        row.put("dev_uses_limit", r.getField("dev_uses_limit"));
        row.put("dev_uses_pct", percent(r.getField("dev_events"), r.getField("dev_uses_limit")));
        row.put("transformation_lines", r.getField("transformation_lines"));
        row.put("transformation_lines_limit", r.getField("transformation_lines_limit"));
        row.put(
                "transformation_pct",
                percent(
                        r.getField("transformation_lines"),
                        r.getField("transformation_lines_limit")));
        row.put("max_conversation_tokens", r.getField("max_conversation_tokens"));
        row.put("context_window_limit", r.getField("context_window_limit"));
        row.put(
                "context_window_pct",
                percent(r.getField("max_conversation_tokens"), r.getField("context_window_limit")));
        return row;
    }

    /**
     * Use as a percentage of the limit with one decimal, rounded half up as the query pack's {@code
     * DECIMAL(10, 1)}; null without a use or a limit.
     */
    private static String percent(Object used, Object limit) {
        if (used == null || limit == null || (Long) limit <= 0) {
            return null;
        }
        return BigDecimal.valueOf((Long) used)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf((Long) limit), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static Map<String, Object> daily(Map<LocalDate, long[]> perDay) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", perDay.keySet().stream().map(LocalDate::toString).toList());
        for (int k = 0; k < KINDS.length; k++) {
            int kind = k;
            out.put(KINDS[k], perDay.values().stream().map(v -> v[kind]).toList());
        }
        return out;
    }

    /** Alerts of the Q rules whose window overlaps the month, for the account and user chosen. */
    private static List<Map<String, Object>> alerts(
            WarehouseData d, Instant from, Instant to, String account, String user) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : d.alerts()) {
            if (!QDeveloperAlerts.SCOPE.equals(a.get("scope"))) {
                continue;
            }
            String scopeKey = String.valueOf(a.get("scope_key"));
            int bar = scopeKey.indexOf('|');
            String alertAccount = bar < 0 ? null : scopeKey.substring(0, bar);
            String alertUser = scopeKey.substring(bar + 1);
            Instant start = Instant.parse((String) a.get("window_start"));
            Instant end = Instant.parse((String) a.get("window_end"));
            if (start.isBefore(to)
                    && end.isAfter(from)
                    && (account == null || account.equals(alertAccount))
                    && (user == null || user.equals(alertUser))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The month asked for, else the newest month with Q data, else the current UTC month. */
    private static YearMonth month(String asked, TreeSet<String> months) {
        if (asked != null && !asked.isBlank()) {
            try {
                return YearMonth.parse(asked);
            } catch (DateTimeParseException e) {
                throw new BadRequest("'month' must be YYYY-MM, not '" + asked + "'");
            }
        }
        return months.isEmpty() ? YearMonth.now(ZoneOffset.UTC) : YearMonth.parse(months.last());
    }

    private static boolean matches(Record r, String account, String user) {
        return (account == null || account.equals(r.getField("account_id")))
                && (user == null || user.equals(r.getField("user_id")));
    }

    private static String key(Record r) {
        return r.getField("account_id") + "|" + r.getField("user_id");
    }

    private static LocalDate day(Object timestamp) {
        return Instant.ofEpochMilli(FactReader.millis(timestamp))
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
    }

    private static long micros(Instant t) {
        return TimeUnit.MILLISECONDS.toMicros(t.toEpochMilli());
    }

    private static BigDecimal percentOrLowest(Object pct) {
        return pct == null ? BigDecimal.valueOf(-1) : new BigDecimal((String) pct);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
