package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.Contributor;
import com.bedrockusage.job.alerts.evaluate.AlertIds;
import java.math.BigDecimal;

/** A fully filled alert for message and row tests. */
final class TestAlerts {

    private TestAlerts() {}

    static Alert dailyBudget() {
        Alert a = new Alert();
        a.alertId =
                AlertIds.of("daily-budget", Calls.ACCOUNT, Calls.millis("2026-11-22T00:00:00Z"));
        a.ruleId = "daily-budget";
        a.ruleName = "daily budget";
        a.kind = "threshold";
        a.severity = "high";
        a.metric = "cost_usd";
        a.scope = "account";
        a.scopeKey = Calls.ACCOUNT;
        a.window = "1d";
        a.windowStart = Calls.millis("2026-11-22T00:00:00Z");
        a.windowEnd = Calls.millis("2026-11-23T00:00:00Z");
        a.observedValue = new BigDecimal("52.104");
        a.threshold = new BigDecimal("50");
        a.windowCostUsd = new BigDecimal("52.104");
        a.windowInvocations = 1234;
        a.accountId = Calls.ACCOUNT;
        a.contributorKind = "caller";
        a.topContributors =
                new Contributor[] {
                    new Contributor(Calls.CHATBOT, new BigDecimal("40.1"), 1000),
                    new Contributor(Calls.SEARCH, new BigDecimal("12.004"), 234)
                };
        a.eventTime = Calls.millis("2026-11-22T16:42:10Z");
        a.watermark = Calls.millis("2026-11-22T16:40:00Z");
        a.firedAt = Calls.millis("2026-11-22T16:42:11Z");
        return a;
    }
}
