package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.evaluate.AlertIds;
import java.math.BigDecimal;

/**
 * Messages for the alert topic that no rule fired (a written daily report, the suppressed-alerts
 * notice): an {@link Alert} of severity {@code info} and global scope, so they share the alerts'
 * delivery, table and JSON lines. Their body is the {@code description}; they cross no level, so
 * the threshold is zero.
 */
final class Announcements {

    private Announcements() {}

    /**
     * @param key with the rule id and window start, makes the alert id: the same announcement keeps
     *     its id
     */
    static Alert of(
            String ruleId,
            String ruleName,
            String kind,
            String metric,
            String key,
            String window,
            long windowStart,
            long windowEnd,
            BigDecimal observed,
            BigDecimal costUsd) {
        Alert a = new Alert();
        a.alertId = AlertIds.of(ruleId, key, windowStart);
        a.ruleId = ruleId;
        a.ruleName = ruleName;
        a.kind = kind;
        a.severity = "info";
        a.metric = metric;
        a.scope = "global";
        a.window = window;
        a.windowStart = windowStart;
        a.windowEnd = windowEnd;
        a.observedValue = observed;
        a.threshold = BigDecimal.ZERO;
        a.windowCostUsd = costUsd;
        return a;
    }
}
