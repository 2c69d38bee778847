package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Contributor;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One alert and its delivery outcome as a single JSON object with snake_case names and ISO-8601 UTC
 * times.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static String line(DeliveredAlert d) {
        try {
            return MAPPER.writeValueAsString(node(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode node(DeliveredAlert d) {
        Alert a = d.alert;
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alert_id", a.alertId);
        n.put("rule_id", a.ruleId);
        n.put("rule_name", a.ruleName);
        n.put("kind", a.kind);
        n.put("severity", a.severity);
        n.put("metric", a.metric);
        n.put("scope", a.scope);
        n.put("scope_key", a.scopeKey);
        n.put("window", a.window);
        n.put("window_start", iso(a.windowStart));
        n.put("window_end", iso(a.windowEnd));
        decimal(n, "observed_value", a.observedValue);
        decimal(n, "threshold", a.threshold);
        decimal(n, "forecast_value", a.forecastValue);
        decimal(n, "baseline_value", a.baselineValue);
        decimal(n, "factor", a.factor);
        decimal(n, "window_cost_usd", a.windowCostUsd);
        n.put("window_invocations", a.windowInvocations);
        n.put("account_id", a.accountId);
        n.put("contributor_kind", a.contributorKind);
        ArrayNode top = n.putArray("top_contributors");
        for (Contributor c : a.topContributors) {
            ObjectNode cn = top.addObject();
            cn.put("name", c.name);
            decimal(cn, "cost_usd", c.costUsd);
            cn.put("invocations", c.invocations);
        }
        n.put("event_time", iso(a.eventTime));
        n.put("watermark", a.watermark == null ? null : iso(a.watermark));
        n.put("fired_at", iso(a.firedAt));
        n.put("subject", AlertMessages.subject(a));
        n.put("delivery_status", d.status);
        n.put("delivery_attempts", d.attempts);
        n.put("message_id", d.messageId);
        n.put("delivery_error", d.error);
        n.put("completed_at", iso(d.completedAt));
        return n;
    }

    /** Decimals as JSON strings: exact, and no reader turns them into doubles. */
    private static void decimal(ObjectNode n, String field, BigDecimal v) {
        n.put(field, v == null ? null : v.toPlainString());
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
