package com.bedrockusage.local.dashboard;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.ScopeType;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.alerts.rules.RulesParser;
import com.bedrockusage.local.sql.CliException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget rules of the job's rules file (cost_usd rules over a day or the calendar month) with
 * their burn-down: spent so far per scope key, the share of the threshold, the month's
 * straight-line forecast and the running total per day.
 */
final class Budgets {

    static final int MAX_KEYS = 10;

    private final List<AlertRule> rules;

    private Budgets(List<AlertRule> rules) {
        this.rules = rules;
    }

    static Budgets none() {
        return new Budgets(List.of());
    }

    /**
     * The cost_usd rules over {@code 1d} or {@code month} of a rules file (built-in rules left out:
     * none is one). Rules scoped by a tag are left out too: their spend needs the calls' metadata,
     * which the overview does not read.
     */
    static Budgets load(Path rulesFile) {
        try {
            String text = Files.readString(rulesFile, StandardCharsets.UTF_8);
            List<AlertRule> budgets = new ArrayList<>();
            for (AlertRule r : RulesParser.parse(text, rulesFile.toString(), false)) {
                if (r.metric == Metric.COST_USD
                        && r.threshold != null
                        && r.scopeType != ScopeType.TAG
                        && (r.window.equals("month") || r.window.equals("1d"))) {
                    budgets.add(r);
                }
            }
            return new Budgets(budgets);
        } catch (IOException e) {
            throw new CliException("cannot read rules file " + rulesFile + ": " + e.getMessage());
        } catch (RulesException e) {
            throw new CliException(e.getMessage());
        }
    }

    List<Map<String, Object>> burnDown(List<UsageFact> rows, Filters filters, LocalDate asOf) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            boolean month = rule.window.equals("month");
            LocalDate first = month ? asOf.withDayOfMonth(1) : asOf;
            LocalDate end = month ? first.plusMonths(1) : asOf.plusDays(1);
            Filters period =
                    filters.withRange(Answers.start(first), Answers.start(asOf.plusDays(1)));
            String dim = dimension(rule);
            Map<String, Map<LocalDate, BigDecimal>> perKey = new LinkedHashMap<>();
            for (UsageFact f : rows) {
                if (period.matches(f) && applies(rule, f)) {
                    LocalDate day = Answers.dayOf(f.windowStart());
                    perKey.computeIfAbsent(
                                    dim == null ? "all" : f.dimension(dim),
                                    k -> new java.util.TreeMap<>())
                            .merge(day, f.measures().costUsd(), BigDecimal::add);
                }
            }
            long elapsed = ChronoUnit.DAYS.between(first, asOf.plusDays(1));
            long length = ChronoUnit.DAYS.between(first, end);
            List<Map<String, Object>> entries = new ArrayList<>();
            perKey.forEach(
                    (key, days) ->
                            entries.add(entry(rule, key, days, first, asOf, elapsed, length)));
            entries.sort(
                    Comparator.comparing(
                                    (Map<String, Object> e) ->
                                            new BigDecimal((String) e.get("spent_usd")))
                            .reversed());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("rule_id", rule.id);
            b.put("name", rule.displayName());
            b.put("kind", rule.kind.wireName());
            b.put("scope", rule.scopeLabel());
            b.put("window", rule.window);
            b.put("threshold_usd", Money.str(rule.threshold));
            b.put("period_from", first.toString());
            b.put("period_to", end.toString());
            b.put("entries", entries.subList(0, Math.min(MAX_KEYS, entries.size())));
            out.add(b);
        }
        return out;
    }

    private static Map<String, Object> entry(
            AlertRule rule,
            String key,
            Map<LocalDate, BigDecimal> days,
            LocalDate first,
            LocalDate asOf,
            long elapsed,
            long length) {
        BigDecimal spent = BigDecimal.ZERO;
        List<Map<String, Object>> cumulative = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(asOf); d = d.plusDays(1)) {
            spent = spent.add(days.getOrDefault(d, BigDecimal.ZERO));
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("day", d.toString());
            point.put("cost_usd", Money.str(spent));
            cumulative.add(point);
        }
        BigDecimal forecast =
                spent.multiply(BigDecimal.valueOf(length))
                        .divide(
                                BigDecimal.valueOf(elapsed),
                                Money.DERIVED_SCALE,
                                RoundingMode.HALF_UP);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("scope_key", key);
        e.put("spent_usd", Money.str(spent));
        e.put("used_ratio", Money.str(Money.ratio(spent, rule.threshold)));
        e.put("remaining_usd", Money.str(rule.threshold.subtract(spent)));
        e.put("forecast_usd", Money.str(forecast));
        e.put("cumulative", cumulative);
        return e;
    }

    /** The dashboard dimension of the rule's scope; null for a global rule. */
    private static String dimension(AlertRule rule) {
        if (rule.scopeType == ScopeType.GLOBAL) {
            return null;
        }
        return rule.scopeType.wireName();
    }

    private static boolean applies(AlertRule rule, UsageFact f) {
        if (rule.accounts.length > 0 && !List.of(rule.accounts).contains(f.account())) {
            return false;
        }
        if (rule.arnContains != null
                && (f.caller() == null || !f.caller().contains(rule.arnContains))) {
            return false;
        }
        if (rule.models.length == 0) {
            return true;
        }
        for (String m : rule.models) {
            boolean prefix =
                    m.endsWith("*") && f.model().startsWith(m.substring(0, m.length() - 1));
            if (prefix || m.equals(f.model())) {
                return true;
            }
        }
        return false;
    }
}
