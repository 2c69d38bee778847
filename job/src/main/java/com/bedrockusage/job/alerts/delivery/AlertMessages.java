package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Contributor;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import com.bedrockusage.job.qdeveloper.QDeveloperAlerts;
import com.bedrockusage.pricing.CallerArns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an alert reads: the SNS subject (ASCII, one line, at most {@value #MAX_SUBJECT} characters,
 * as SNS requires for email), a plain-text body laid out for email, and message attributes
 * subscribers can filter on.
 */
public final class AlertMessages {

    public static final int MAX_SUBJECT = 99;
    private static final String ELLIPSIS = "...";

    private AlertMessages() {}

    /** E.g. {@code [HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50}. */
    public static String subject(Alert a) {
        if (QDeveloperAlerts.is(a)) {
            return QDeveloperAlerts.subject(a);
        }
        if (ReportAnnouncement.KIND.equals(a.kind)) {
            return truncate(
                    "[INFO] Bedrock daily usage report "
                            + a.scopeKey
                            + ": "
                            + money(a.observedValue));
        }
        if (SuppressedAlerts.KIND.equals(a.kind)) {
            return truncate(
                    "[INFO] Bedrock alerts: "
                            + a.observedValue.toPlainString()
                            + " about old data suppressed");
        }
        String prefix =
                "[" + a.severity.toUpperCase(Locale.ROOT) + "] Bedrock " + ascii(a.ruleName) + ": ";
        String scopeName = scopeName(a);
        String key = scopeKeyShort(a);
        String tail = " " + headline(a);
        String full = prefix + scopeName + key + tail;
        if (full.length() > MAX_SUBJECT && !key.isEmpty()) {
            int room =
                    MAX_SUBJECT
                            - prefix.length()
                            - scopeName.length()
                            - tail.length()
                            - ELLIPSIS.length();
            if (room >= 4) {
                full =
                        prefix
                                + scopeName
                                + key.substring(0, Math.min(key.length(), room))
                                + ELLIPSIS
                                + tail;
            }
        }
        if (full.length() > MAX_SUBJECT) {
            full = full.substring(0, MAX_SUBJECT - ELLIPSIS.length()) + ELLIPSIS;
        }
        return full;
    }

    /**
     * The part after the scope: {@code at $52.10 of $50}, {@code heading for $1,240.00 of $1,000}.
     */
    static String headline(Alert a) {
        Metric m = Metric.fromWireName(a.metric);
        switch (a.kind) {
            case "forecast":
                return "heading for " + value(m, a.forecastValue) + " of " + limit(m, a.threshold);
            case "spike":
                return "at "
                        + value(m, a.observedValue)
                        + (isZero(a.baselineValue)
                                ? ", usually none"
                                : ", " + times(a) + "x usual " + value(m, a.baselineValue));
            default:
                return "at " + value(m, a.observedValue) + " of " + limit(m, a.threshold);
        }
    }

    public static String body(Alert a) {
        if (QDeveloperAlerts.is(a)) {
            return QDeveloperAlerts.body(a);
        }
        if (ReportAnnouncement.KIND.equals(a.kind) || SuppressedAlerts.KIND.equals(a.kind)) {
            return a.description;
        }
        Metric m = Metric.fromWireName(a.metric);
        StringBuilder b = new StringBuilder();
        b.append("Bedrock usage alert: ")
                .append(a.ruleName)
                .append(" (")
                .append(a.severity.toUpperCase(Locale.ROOT))
                .append(")\n\n");
        b.append(sentence(a, m)).append("\n");
        if (a.description != null) {
            b.append(a.description).append("\n");
        }
        b.append("\n");
        line(b, "Rule", a.ruleId + " (" + a.kind + ")");
        line(b, "Metric", a.metric);
        line(
                b,
                "Scope",
                a.scope
                        + (a.scopeKey.equals(RuleScopes.GLOBAL_KEY) && a.scope.equals("global")
                                ? ""
                                : " = " + a.scopeKey));
        line(
                b,
                "Window",
                Instant.ofEpochMilli(a.windowStart)
                        + " to "
                        + Instant.ofEpochMilli(a.windowEnd)
                        + " ("
                        + a.window
                        + ", UTC)");
        line(b, "Observed", exact(m, a.observedValue));
        line(b, a.kind.equals("spike") ? "Spike level" : "Threshold", exact(m, a.threshold));
        if (a.forecastValue != null) {
            line(
                    b,
                    "Forecast",
                    exact(m, a.forecastValue) + " by " + Instant.ofEpochMilli(a.windowEnd));
        }
        if (a.baselineValue != null) {
            line(
                    b,
                    "Baseline",
                    exact(m, a.baselineValue)
                            + " (average of previous windows), factor "
                            + a.factor.toPlainString());
        }
        line(
                b,
                "Window cost",
                a.windowCostUsd.toPlainString() + " USD over " + a.windowInvocations + " calls");
        if (a.accountId != null) {
            line(b, "Account", a.accountId);
        }
        if (a.topContributors.length > 0) {
            b.append("\nTop ").append(a.contributorKind).append("s by cost in this window:\n");
            for (int i = 0; i < a.topContributors.length; i++) {
                Contributor c = a.topContributors[i];
                b.append("  ")
                        .append(i + 1)
                        .append(". ")
                        .append(c.name)
                        .append("  ")
                        .append(money(c.costUsd))
                        .append(" (")
                        .append(c.invocations)
                        .append(" calls)\n");
            }
        }
        b.append("\n");
        line(b, "Crossed by call at", Instant.ofEpochMilli(a.eventTime).toString());
        line(
                b,
                "Data up to",
                a.watermark == null
                        ? "(no watermark yet)"
                        : Instant.ofEpochMilli(a.watermark).toString());
        line(b, "Fired at", Instant.ofEpochMilli(a.firedAt).toString());
        line(b, "Alert id", a.alertId);
        b.append("\nThis alert fires once per rule, scope and window.\n");
        return b.toString();
    }

    /**
     * String attributes for SNS subscription filter policies; empty values are left out (SNS
     * rejects them).
     */
    public static Map<String, String> attributes(Alert a) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "severity", a.severity);
        put(m, "rule", a.ruleId);
        put(m, "account_id", a.accountId);
        put(m, "scope", a.scope);
        put(m, "scope_key", a.scopeKey);
        put(m, "cost_usd", a.windowCostUsd == null ? null : a.windowCostUsd.toPlainString());
        put(m, "kind", a.kind);
        put(m, "metric", a.metric);
        put(m, "alert_id", a.alertId);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static String sentence(Alert a, Metric m) {
        String who = scopeName(a) + a.scopeKey;
        if (a.scope.equals("global")) {
            who = "All Bedrock usage";
        }
        switch (a.kind) {
            case "forecast":
                return capital(who)
                        + " is heading for "
                        + amount(m, a.forecastValue)
                        + " this "
                        + a.window
                        + " window (limit "
                        + limit(m, a.threshold)
                        + "); "
                        + value(m, a.observedValue)
                        + " so far.";
            case "spike":
                return reached(who, a, m)
                        + ", "
                        + (isZero(a.baselineValue)
                                ? "after previous windows without any."
                                : times(a) + " times its usual " + value(m, a.baselineValue) + ".");
            default:
                return reached(who, a, m) + " (limit " + limit(m, a.threshold) + ").";
        }
    }

    private static String reached(String who, Alert a, Metric m) {
        return capital(who)
                + " reached "
                + amount(m, a.observedValue)
                + " in this "
                + a.window
                + " window";
    }

    private static String times(Alert a) {
        return a.observedValue.divide(a.baselineValue, 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String truncate(String s) {
        String ascii = ascii(s);
        return ascii.length() <= MAX_SUBJECT
                ? ascii
                : ascii.substring(0, MAX_SUBJECT - ELLIPSIS.length()) + ELLIPSIS;
    }

    private static boolean isZero(BigDecimal v) {
        return v == null || v.signum() == 0;
    }

    static String scopeName(Alert a) {
        if (a.scope.equals("global")) {
            return "all usage";
        }
        if (a.scope.startsWith("tag:")) {
            return ascii(a.scope.substring(4)) + "=";
        }
        return a.scope + " ";
    }

    private static String scopeKeyShort(Alert a) {
        if (a.scope.equals("global")) {
            return "";
        }
        return ascii(a.scope.equals("caller") ? CallerArns.shortForm(a.scopeKey) : a.scopeKey);
    }

    /**
     * The running value as people read it: {@code $52.10}, {@code 120,000 input tokens}, {@code
     * 12.5%}.
     */
    static String value(Metric m, BigDecimal v) {
        if (v == null) {
            return "-";
        }
        switch (m) {
            case COST_USD:
                return money(v);
            case ERROR_RATE:
                return percent(v);
            case LATENCY_AVG_MS:
            case LATENCY_P99_MS:
                return String.format(
                        Locale.ROOT,
                        "%,d ms",
                        v.setScale(0, RoundingMode.HALF_UP).longValueExact());
            case LATENCY_PER_OUTPUT_TOKEN_MS:
                return String.format(Locale.ROOT, "%,.1f ms", v.setScale(1, RoundingMode.HALF_UP));
            default:
                return String.format(
                        Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
    }

    /**
     * A rule's limit with its unit: {@code $50}, {@code 100,000 input tokens}, {@code 5% error
     * rate}.
     */
    static String limit(Metric m, BigDecimal v) {
        if (m == Metric.COST_USD) {
            BigDecimal s = v.stripTrailingZeros();
            return s.scale() <= 0
                    ? "$" + String.format(Locale.ROOT, "%,d", s.toBigInteger())
                    : money(v);
        }
        return amount(m, v);
    }

    /** The value with its noun, if the metric has one: {@code 120,000 input tokens}. */
    private static String amount(Metric m, BigDecimal v) {
        String n = noun(m);
        return n.isEmpty() ? value(m, v) : value(m, v) + " " + n;
    }

    static String noun(Metric m) {
        switch (m) {
            case COST_USD:
                return "";
            case INPUT_TOKENS:
                return "input tokens";
            case OUTPUT_TOKENS:
                return "output tokens";
            case TOTAL_TOKENS:
                return "tokens";
            case INVOCATIONS:
                return "calls";
            case ERRORS:
                return "errors";
            case UNPRICED_INVOCATIONS:
                return "unpriced calls";
            case ERROR_RATE:
                return "errors";
            case LATENCY_AVG_MS:
                return "avg";
            case LATENCY_P99_MS:
                return "p99";
            case LATENCY_PER_OUTPUT_TOKEN_MS:
                return "per output token";
            default:
                return m.wireName();
        }
    }

    private static String exact(Metric m, BigDecimal v) {
        if (v == null) {
            return "-";
        }
        switch (m) {
            case COST_USD:
                return v.toPlainString() + " USD";
            case ERROR_RATE:
                return v.toPlainString() + " (" + percent(v) + ")";
            case LATENCY_AVG_MS:
            case LATENCY_P99_MS:
                return v.toPlainString() + " ms";
            case LATENCY_PER_OUTPUT_TOKEN_MS:
                return v.toPlainString() + " ms per output token";
            default:
                return v.toPlainString() + " " + noun(m);
        }
    }

    static String money(BigDecimal v) {
        return "$" + String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-19s %s", label + ":", value)).append('\n');
    }

    /** Printable ASCII only: SNS subjects must not hold control characters or line breaks. */
    static String ascii(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? ' ' : c > 0x7e ? '?' : c);
        }
        return b.toString();
    }
}
