package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.alerts.evaluate.AlertIds;
import com.bedrockusage.job.alerts.rules.RulesParser;
import com.bedrockusage.job.reconcile.AccountDayDelta;
import com.bedrockusage.job.testing.LoopbackSns;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationAlertsTest {

    static final String RULES =
            "rules:\n"
                    + "  - id: bill-delta\n"
                    + "    description: Metered and billed differ by more than 2 % for an account on a day.\n"
                    + "    metric: reconciliation_delta_pct\n"
                    + "    scope: account\n"
                    + "    window: 1d\n"
                    + "    threshold: 2\n"
                    + "    severity: high\n";
    static final LocalDate DAY = LocalDate.parse("2026-11-03");

    @Test
    void fireWhenAnAccountDayDiffersByTheThresholdOrMore() throws Exception {
        List<AlertRule> rules = RulesParser.parse(RULES, "rules.yaml", false);
        List<Alert> alerts =
                ReconciliationAlerts.evaluate(
                        rules,
                        List.of(
                                delta("111111111111", "97.50", "100"), // 2.5 %
                                delta("222222222222", "101.50", "100"), // 1.5 %
                                delta("333333333333", "102", "100"), // exactly 2 %
                                delta(
                                        "444444444444",
                                        "5",
                                        "0")), // nothing billed yet: no percentage
                        1_000L);
        assertThat(alerts)
                .extracting(a -> a.scopeKey)
                .containsExactly("111111111111", "333333333333");
        Alert a = alerts.get(0);
        assertThat(a.observedValue).isEqualByComparingTo("2.5");
        assertThat(a.threshold).isEqualByComparingTo("2");
        assertThat(a.metric).isEqualTo("reconciliation_delta_pct");
        assertThat(a.windowStart)
                .isEqualTo(DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
        assertThat(a.description)
                .contains("Metered $97.50, billed $100 on 2026-11-03 (difference $-2.50)");
        assertThat(a.alertId).isEqualTo(AlertIds.of("bill-delta", "111111111111", a.windowStart));
    }

    @Test
    void globalScopeSumsTheAccounts() throws Exception {
        List<AlertRule> rules =
                RulesParser.parse(
                        RULES.replace("scope: account", "scope: global"), "r.yaml", false);
        List<Alert> alerts =
                ReconciliationAlerts.evaluate(
                        rules,
                        List.of(
                                delta("111111111111", "97.50", "100"),
                                delta("222222222222", "101.50", "100")),
                        1L);
        assertThat(alerts).isEmpty(); // 199 vs 200: 0.5 %
    }

    @Test
    void rulesOnTheMetricArePerAccountOrGlobalThresholdsOverADay() {
        assertThatThrownBy(
                        () ->
                                RulesParser.parse(
                                        RULES.replace("scope: account", "scope: caller")
                                                .replace("window: 1d", "window: 1h"),
                                        "r.yaml",
                                        false))
                .hasMessageContaining("measured per account")
                .hasMessageContaining("use 1d");
    }

    @Test
    void theStreamingJobSkipsReconciliationRules() throws Exception {
        AlertRule rule = RulesParser.parse(RULES, "rules.yaml", false).get(0);
        assertThat(rule.metric.isReconciliation()).isTrue();
        assertThat(Metric.COST_USD.isReconciliation()).isFalse();
    }

    @Test
    void publishesThroughSnsLikeTheJob() throws Exception {
        List<AlertRule> rules = RulesParser.parse(RULES, "rules.yaml", false);
        List<Alert> alerts =
                ReconciliationAlerts.evaluate(
                        rules, List.of(delta("111111111111", "97.50", "100")), 1L);
        try (LoopbackSns sns = LoopbackSns.alwaysOk()) {
            SnsSettings settings =
                    new SnsSettings(
                            LoopbackSns.TOPIC_ARN,
                            "us-east-1",
                            sns.endpoint(),
                            4,
                            3,
                            Duration.ofSeconds(30),
                            Duration.ofMillis(10),
                            Duration.ofMillis(100));
            List<DeliveredAlert> sent = ReconciliationAlerts.deliver(alerts, settings, 120_000);
            assertThat(sent).extracting(d -> d.status).containsExactly(DeliveredAlert.DELIVERED);
            assertThat(sns.requests()).hasSize(1);
            assertThat(sns.requests().get(0).subject()).contains("bill delta");
            assertThat(sns.requests().get(0).message())
                    .contains("reconciliation_delta_pct")
                    .contains("Metered $97.50, billed $100");
        }
    }

    @Test
    void withoutATopicNothingIsSent() {
        SnsSettings off =
                new SnsSettings(
                        null,
                        null,
                        null,
                        1,
                        1,
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        Duration.ZERO);
        Alert a = new Alert();
        assertThat(ReconciliationAlerts.deliver(List.of(a), off, 0))
                .extracting(d -> d.status)
                .containsExactly(DeliveredAlert.NOT_SENT);
    }

    private static AccountDayDelta delta(String account, String metered, String billed) {
        return AccountDayDelta.of(DAY, account, new BigDecimal(metered), new BigDecimal(billed));
    }
}
