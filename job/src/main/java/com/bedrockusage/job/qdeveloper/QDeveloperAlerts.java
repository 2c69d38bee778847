package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.evaluate.AlertIds;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The built-in Q Developer alerts, delivered like every alert (SNS, the alerts table, JSON lines).
 * Each fires once per user and window: {@code q-dev-uses-80pct} / {@code
 * q-transformation-lines-80pct} (month), the matching {@code -forecast} rules, {@code
 * q-context-window-80pct} (conversation) and {@code q-daily-tokens-spike} (day). Scope {@value
 * #SCOPE}, scope key {@code account|userId}.
 */
public final class QDeveloperAlerts {

    public static final String SCOPE = "qdeveloper-user";
    public static final String DEV_USES = "q_dev_uses";
    public static final String TRANSFORMATION_LINES = "q_transformation_lines";
    public static final String CONVERSATION_TOKENS = "q_conversation_tokens";
    public static final String DAILY_TOKENS = "q_daily_tokens";

    private QDeveloperAlerts() {}

    /** Whether an alert is one of these (its subject and body are written here). */
    public static boolean is(Alert a) {
        return SCOPE.equals(a.scope);
    }

    static Alert of(
            String ruleId,
            String ruleName,
            String kind,
            String metric,
            String accountId,
            String userId,
            String window,
            long windowStart,
            long windowEnd,
            long observed,
            long threshold,
            long eventTime) {
        Alert a = new Alert();
        String scopeKey = accountId + "|" + userId;
        a.alertId = AlertIds.of(ruleId, scopeKey, windowStart);
        a.ruleId = ruleId;
        a.ruleName = ruleName;
        a.kind = kind;
        a.severity = "warning";
        a.metric = metric;
        a.scope = SCOPE;
        a.scopeKey = scopeKey;
        a.window = window;
        a.windowStart = windowStart;
        a.windowEnd = windowEnd;
        a.observedValue = BigDecimal.valueOf(observed);
        a.threshold = BigDecimal.valueOf(threshold);
        a.accountId = accountId;
        a.eventTime = eventTime;
        a.firedAt = System.currentTimeMillis();
        return a;
    }

    /** E.g. {@code [WARNING] Q Developer /dev uses: user d-123.abc at 24 of 30}. */
    public static String subject(Alert a) {
        String user = a.scopeKey.substring(a.scopeKey.indexOf('|') + 1);
        String what =
                "forecast".equals(a.kind)
                        ? "heading for "
                                + a.forecastValue.toPlainString()
                                + " of "
                                + a.threshold.toPlainString()
                        : "spike".equals(a.kind)
                                ? "at "
                                        + a.observedValue.toPlainString()
                                        + ", "
                                        + a.factor.toPlainString()
                                        + "x usual "
                                        + a.baselineValue.toPlainString()
                                : "at "
                                        + a.observedValue.toPlainString()
                                        + " of "
                                        + a.threshold.toPlainString();
        String s = "[WARNING] Q Developer " + a.ruleName + ": user " + user + " " + what;
        return s.length() <= 99 ? s : s.substring(0, 96) + "...";
    }

    public static String body(Alert a) {
        StringBuilder b = new StringBuilder();
        b.append("Amazon Q Developer usage alert: ").append(a.ruleName).append("\n\n");
        if (a.description != null) {
            b.append(a.description).append("\n\n");
        }
        b.append("Rule: ").append(a.ruleId).append(" (").append(a.kind).append(")\n");
        b.append("User: ").append(a.scopeKey).append("\n");
        b.append("Window: ")
                .append(Instant.ofEpochMilli(a.windowStart))
                .append(" to ")
                .append(Instant.ofEpochMilli(a.windowEnd))
                .append(" (")
                .append(a.window)
                .append(", UTC)\n");
        b.append("Observed: ")
                .append(a.observedValue.toPlainString())
                .append(" (")
                .append(a.metric)
                .append(")\n");
        b.append("Level: ").append(a.threshold.toPlainString()).append("\n");
        if (a.forecastValue != null) {
            b.append("Forecast by window end: ")
                    .append(a.forecastValue.toPlainString())
                    .append("\n");
        }
        if (a.baselineValue != null) {
            b.append("Daily average: ").append(a.baselineValue.toPlainString()).append("\n");
        }
        b.append("Crossed by the record at: ")
                .append(Instant.ofEpochMilli(a.eventTime))
                .append("\n");
        b.append("Alert id: ").append(a.alertId).append("\n");
        b.append(
                "\nToken figures are estimates (cl100k_base) of the logged text; Q Developer logs no token counts.\n");
        return b.toString();
    }
}
