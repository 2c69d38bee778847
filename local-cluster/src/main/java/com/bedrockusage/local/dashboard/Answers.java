package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.dashboard.Measures.Count;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The JSON answers of the API, computed from the refresher's current {@link WarehouseData}. */
record Answers(Refresher refresher, Clock clock, Budgets budgets) {

    static final int MAX_SERIES = 8;

    /**
     * A chart of more points than this is refused (a forced minute granularity over years would
     * fill the heap).
     */
    static final long MAX_BUCKETS = 20_000;

    static final String OTHER = "(other)";

    /** The day "today" means: the newest day with data, or the clock's day when there is none. */
    LocalDate asOf(WarehouseData d) {
        Instant t = d.dataUpTo() == null ? clock.instant() : Instant.ofEpochMilli(d.dataUpTo() - 1);
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Without from/to: the month of {@link #asOf} up to and including that day. */
    Filters filters(WarehouseData d, Map<String, String> query) {
        LocalDate day = asOf(d);
        return Filters.parse(query, start(day.withDayOfMonth(1)), start(day.plusDays(1)));
    }

    Map<String, Object> summary(Map<String, String> query) {
        WarehouseData d = refresher.data();
        for (String p : new String[] {"from", "to"}) {
            if (query.containsKey(p) && query.get(p).length() != 10) {
                throw new BadRequest(
                        "'" + p + "' must be a UTC day YYYY-MM-DD (summary reads usage_daily)");
            }
        }
        Filters f = filters(d, query);
        Measures total = sum(f.needsTags() ? Sources.bestAvailable(d, true) : d.daily(), f);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", day(f.from()));
        out.put("to", day(f.to()));
        out.putAll(total.toJson(false));
        out.put("data_up_to", upTo(d));
        return out;
    }

    Map<String, Object> overview(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        List<UsageFact> rows = Sources.bestAvailable(d, f.needsTags());
        LocalDate day = asOf(d);
        LocalDate monthStart = day.withDayOfMonth(1);
        Measures today = sum(rows, f.withRange(start(day), start(day.plusDays(1))));
        Measures month = sum(rows, f.withRange(start(monthStart), start(day.plusDays(1))));
        Measures range = sum(rows, f);
        long daysElapsed = ChronoUnit.DAYS.between(monthStart, day.plusDays(1));
        long daysInMonth = monthStart.lengthOfMonth();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", day.toString());
        out.put("data_up_to", upTo(d));
        out.put("today", today.toJson(true));
        out.put("month_to_date", month.toJson(true));
        Map<String, Object> forecast = new LinkedHashMap<>();
        forecast.put(
                "month_end_usd",
                Money.str(
                        month.costUsd
                                .multiply(BigDecimal.valueOf(daysInMonth))
                                .divide(
                                        BigDecimal.valueOf(daysElapsed),
                                        Money.DERIVED_SCALE,
                                        java.math.RoundingMode.HALF_UP)));
        forecast.put("days_elapsed", daysElapsed);
        forecast.put("days_in_month", daysInMonth);
        out.put("forecast", forecast);
        Map<String, Object> selected = range.toJson(true);
        selected.put("from", f.from().toString());
        selected.put("to", f.to().toString());
        out.put("range", selected);
        out.put("rejected_records", rejectedIn(d, f.from(), f.to()));
        out.put("budgets", budgets.burnDown(rows, f, day));
        out.put("tags_ready", d.tagsReady());
        return out;
    }

    Map<String, Object> timeseries(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        String by = Dimensions.check(query.getOrDefault("by", "model"));
        Granularity g =
                query.containsKey("granularity")
                        ? granularity(query.get("granularity"))
                        : Granularity.forRange(Duration.between(f.from(), f.to()));
        if (Duration.between(f.from(), f.to()).toMillis() / g.millis() > MAX_BUCKETS) {
            throw new BadRequest(
                    "more than "
                            + MAX_BUCKETS
                            + " "
                            + g.wireName()
                            + "s: pick a coarser granularity");
        }
        boolean tags = f.needsTags() || Dimensions.isTag(by);
        if (tags && g == Granularity.MINUTE) {
            g = Granularity.HOUR;
        }
        List<UsageFact> rows = Sources.forChart(d, refresher.loader(), g, tags, f.from(), f.to());
        Map<String, Map<Long, BigDecimal>> perSeries = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        for (UsageFact r : rows) {
            if (f.matches(r)) {
                String name = r.dimension(by);
                perSeries
                        .computeIfAbsent(name, k -> new HashMap<>())
                        .merge(g.bucket(r.windowStart()), r.measures().costUsd(), BigDecimal::add);
                totals.merge(name, r.measures().costUsd(), BigDecimal::add);
            }
        }
        List<String> names = new ArrayList<>(totals.keySet());
        names.sort(
                Comparator.comparing((String n) -> totals.get(n)).reversed().thenComparing(n -> n));
        Map<String, Map<Long, BigDecimal>> shown = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String target = i < MAX_SERIES ? names.get(i) : OTHER;
            Map<Long, BigDecimal> into = shown.computeIfAbsent(target, k -> new HashMap<>());
            perSeries.get(names.get(i)).forEach((t, v) -> into.merge(t, v, BigDecimal::add));
        }
        List<String> buckets = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (long t = g.bucket(f.from().toEpochMilli());
                t < f.to().toEpochMilli();
                t += g.millis()) {
            starts.add(t);
            buckets.add(Instant.ofEpochMilli(t).toString());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        shown.forEach(
                (name, values) -> {
                    List<String> points = new ArrayList<>();
                    BigDecimal total = BigDecimal.ZERO;
                    for (long t : starts) {
                        BigDecimal v = values.getOrDefault(t, BigDecimal.ZERO);
                        points.add(Money.str(v));
                        total = total.add(v);
                    }
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("name", name);
                    s.put("cost_usd", Money.str(total));
                    s.put("values", points);
                    series.add(s);
                });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("by", by);
        out.put("granularity", g.wireName());
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put(
                "cost_usd",
                Money.str(totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        out.put("buckets", buckets);
        out.put("series", series);
        out.put("data_up_to", upTo(d));
        return out;
    }

    /**
     * Cost, share, calls, tokens, cost per call and the change from the period of the same length
     * before.
     */
    Map<String, Object> top(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        String dim = Dimensions.check(query.getOrDefault("dim", "caller"));
        List<UsageFact> rows = Sources.bestAvailable(d, f.needsTags() || Dimensions.isTag(dim));
        Duration length = Duration.between(f.from(), f.to());
        Filters previous = f.withRange(f.from().minus(length), f.from());
        Map<String, Measures> now = group(rows, f, dim);
        Map<String, Measures> before = group(rows, previous, dim);
        BigDecimal total = BigDecimal.ZERO;
        for (Measures m : now.values()) {
            total = total.add(m.costUsd);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Measures> e : now.entrySet()) {
            Measures m = e.getValue();
            BigDecimal prev =
                    before.containsKey(e.getKey())
                            ? before.get(e.getKey()).costUsd
                            : BigDecimal.ZERO;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", e.getKey());
            row.put("cost_usd", Money.str(m.costUsd));
            row.put("share", Money.str(Money.ratio(m.costUsd, total)));
            row.put("invocations", m.get(Count.INVOCATIONS));
            row.put("input_tokens", m.get(Count.INPUT_TOKENS));
            row.put("output_tokens", m.get(Count.OUTPUT_TOKENS));
            row.put("total_tokens", m.totalTokens());
            row.put(
                    "cost_per_call_usd",
                    Money.str(
                            Money.ratio(m.costUsd, BigDecimal.valueOf(m.get(Count.INVOCATIONS)))));
            row.put("previous_cost_usd", Money.str(prev));
            row.put("change_usd", Money.str(m.costUsd.subtract(prev)));
            row.put("change_ratio", Money.str(Money.ratio(m.costUsd.subtract(prev), prev)));
            out.add(row);
        }
        out.sort(
                Comparator.comparing(
                                (Map<String, Object> r) ->
                                        new BigDecimal((String) r.get("cost_usd")))
                        .reversed()
                        .thenComparing(r -> (String) r.get("name")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dim", dim);
        answer.put("from", f.from().toString());
        answer.put("to", f.to().toString());
        answer.put("previous_from", previous.from().toString());
        answer.put("cost_usd", Money.str(total));
        answer.put("rows", out);
        return answer;
    }

    Map<String, Object> models(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        Map<String, Measures> cost = group(Sources.bestAvailable(d, f.needsTags()), f, "model");
        Map<String, Measures> latency =
                f.needsTags() ? Map.of() : group(Sources.latency(d), f, "model");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Measures> e : cost.entrySet()) {
            Measures m = e.getValue();
            Measures l = latency.getOrDefault(e.getKey(), new Measures());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", e.getKey());
            row.put("cost_usd", Money.str(m.costUsd));
            row.put("invocations", m.get(Count.INVOCATIONS));
            row.put("errors", m.get(Count.ERRORS));
            row.put(
                    "error_rate",
                    Money.str(Money.ratio(m.get(Count.ERRORS), m.get(Count.INVOCATIONS))));
            row.put("cache_read_tokens", m.get(Count.CACHE_READ_TOKENS));
            long cacheRead = m.get(Count.CACHE_READ_TOKENS);
            row.put(
                    "cache_hit_ratio",
                    Money.str(Money.ratio(cacheRead, m.get(Count.INPUT_TOKENS) + cacheRead)));
            row.put("cache_savings_usd", Money.str(m.cacheSavingsUsd));
            row.put("latency_p50_ms", l.worstP50Ms);
            row.put("latency_p99_ms", l.worstP99Ms);
            rows.add(row);
        }
        rows.sort(
                Comparator.comparing(
                                (Map<String, Object> r) ->
                                        new BigDecimal((String) r.get("cost_usd")))
                        .reversed()
                        .thenComparing(r -> (String) r.get("model")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put(
                "cost_usd",
                Money.str(
                        cost.values().stream()
                                .map(Measures::costUsd)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        out.put("latency", "worst hourly p50 / p99 of the range (as latency_by_model.sql)");
        out.put("rows", rows);
        return out;
    }

    /**
     * Alerts whose window overlaps the range, newest first; an account filter keeps that account's.
     */
    Map<String, Object> alerts(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        String status = query.get("status");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> a : d.alerts()) {
            Instant start = Instant.parse((String) a.get("window_start"));
            Instant end = Instant.parse((String) a.get("window_end"));
            boolean overlaps = start.isBefore(f.to()) && end.isAfter(f.from());
            boolean account = f.account() == null || f.account().equals(a.get("account_id"));
            boolean statusMatches =
                    status == null || status.equalsIgnoreCase((String) a.get("delivery_status"));
            if (overlaps && account && statusMatches) {
                rows.add(a);
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        for (Map<String, Object> a : rows) {
            byStatus.merge(
                    ((String) a.get("delivery_status")).toLowerCase(java.util.Locale.ROOT),
                    1L,
                    Long::sum);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put("by_status", byStatus);
        out.put("alerts", rows);
        return out;
    }

    Map<String, Object> rejected(Map<String, String> query) {
        WarehouseData d = refresher.data();
        Filters f = filters(d, query);
        List<WarehouseData.RejectedCount> rows = new ArrayList<>();
        for (WarehouseData.RejectedCount r : d.rejected()) {
            if (dayInRange(r.day(), f.from(), f.to())) {
                rows.add(r);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put("records", rejectedIn(d, f.from(), f.to()));
        out.put("rows", rows);
        return out;
    }

    /** What the filters can choose from, and the state of the data. */
    Map<String, Object> meta() {
        WarehouseData d = refresher.data();
        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        TreeSet<String> apps = new TreeSet<>();
        TreeSet<String> callers = new TreeSet<>();
        for (UsageFact f : Sources.bestAvailable(d, false)) {
            accounts.add(f.account());
            models.add(f.model());
            apps.add(f.app());
            callers.add(f.caller());
        }
        TreeMap<String, TreeSet<String>> tags = new TreeMap<>();
        if (d.tagsReady()) {
            for (UsageFact f : d.tagHours()) {
                f.tags()
                        .forEach(
                                (k, v) -> {
                                    TreeSet<String> values =
                                            tags.computeIfAbsent(k, x -> new TreeSet<>());
                                    if (values.size() < 200) {
                                        values.add(v);
                                    }
                                });
            }
        }
        LocalDate day = asOf(d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", d.version());
        out.put("as_of", day.toString());
        out.put("default_from", day.withDayOfMonth(1).toString());
        out.put("default_to", day.plusDays(1).toString());
        out.put("data_up_to", upTo(d));
        out.put(
                "has_data",
                !d.daily().isEmpty() || !d.hourly().isEmpty() || !d.minuteTail().isEmpty());
        out.put("tags_ready", d.tagsReady());
        out.put("last_error", refresher.lastError());
        out.put("accounts", accounts);
        out.put("models", models);
        out.put("apps", apps);
        out.put("callers", callers);
        out.put("tags", tags);
        out.put("snapshots", d.snapshots());
        return out;
    }

    static Measures sum(List<UsageFact> rows, Filters f) {
        Measures m = new Measures();
        for (UsageFact r : rows) {
            if (f.matches(r)) {
                m.add(r.measures());
            }
        }
        return m;
    }

    static Map<String, Measures> group(List<UsageFact> rows, Filters f, String dim) {
        Map<String, Measures> out = new HashMap<>();
        for (UsageFact r : rows) {
            if (f.matches(r)) {
                out.computeIfAbsent(r.dimension(dim), k -> new Measures()).add(r.measures());
            }
        }
        return out;
    }

    private static long rejectedIn(WarehouseData d, Instant from, Instant to) {
        long n = 0;
        for (WarehouseData.RejectedCount r : d.rejected()) {
            if (dayInRange(r.day(), from, to)) {
                n += r.records();
            }
        }
        return n;
    }

    /** Rejected records are counted per day: a day counts when the range touches it. */
    private static boolean dayInRange(String day, Instant from, Instant to) {
        Instant start = start(LocalDate.parse(day));
        return start.isBefore(to) && start.plus(Duration.ofDays(1)).isAfter(from);
    }

    private static Granularity granularity(String s) {
        try {
            return Granularity.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("granularity must be minute, hour or day");
        }
    }

    private static String upTo(WarehouseData d) {
        return d.dataUpTo() == null ? null : Instant.ofEpochMilli(d.dataUpTo()).toString();
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static LocalDate dayOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
