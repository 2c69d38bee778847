package com.bedrockusage.job.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Calls;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertMessagesTest {

    @Test
    void shouldWriteTheSubjectAsSeverityRuleScopeValueAndLimit() {
        assertThat(AlertMessages.subject(TestAlerts.dailyBudget()))
                .isEqualTo("[HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50");
    }

    /** The first subject is 103 characters in full: the key gives way, the numbers stay. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "caller tokens | input_tokens | caller | "
                        + Calls.CHATBOT
                        + " | 100250 | 100000"
                        + " | [MEDIUM] Bedrock caller tokens: caller ChatbotApp-BedrockRole... at 100,250 of 100,000 input tokens",
                "latency | latency_avg_ms | model | "
                        + Calls.TITAN
                        + " | 10250.5 | 10000"
                        + " | [MEDIUM] Bedrock latency: model amazon.titan-text-express-v1 at 10,251 ms of 10,000 ms avg"
            })
    void shouldNameTheUnitOfCountsAndLatencies(
            String ruleName,
            String metric,
            String scope,
            String scopeKey,
            BigDecimal observed,
            BigDecimal threshold,
            String subject) {
        Alert a = TestAlerts.dailyBudget();
        a.ruleName = ruleName;
        a.severity = "medium";
        a.metric = metric;
        a.scope = scope;
        a.scopeKey = scopeKey;
        a.observedValue = observed;
        a.threshold = threshold;
        assertThat(AlertMessages.subject(a)).isEqualTo(subject);
    }

    @Test
    void shouldKeepSubjectsWithinSnsLimitsWhateverTheKey() {
        Alert a = TestAlerts.dailyBudget();
        a.scope = "tag:team";
        a.scopeKey =
                "payments-and-billing-team-with-a-really-long-name\nand a line break and non-ascii \u00e9\u00e8 and more text";
        String s = AlertMessages.subject(a);

        assertThat(s).hasSizeLessThanOrEqualTo(99).doesNotContain("\n").matches("[\\x20-\\x7e]+");
        assertThat(s)
                .startsWith("[HIGH] Bedrock daily budget: team=payments-and-billing")
                .endsWith("... at $52.10 of $50");
    }

    @Test
    void shouldDescribeSpikesAgainstTheirBaseline() {
        Alert a = TestAlerts.dailyBudget();
        a.kind = "spike";
        a.ruleName = "cost spike";
        a.baselineValue = new BigDecimal("10");
        a.factor = new BigDecimal("3");
        a.threshold = new BigDecimal("30");
        a.observedValue = new BigDecimal("41");
        assertThat(AlertMessages.subject(a))
                .isEqualTo(
                        "[HIGH] Bedrock cost spike: account 111122223333 at $41.00, 4.1x usual $10.00");
        assertThat(AlertMessages.body(a))
                .contains(
                        "Account 111122223333 reached $41.00 in this 1d window, 4.1 times its usual $10.00.");

        a.baselineValue = BigDecimal.ZERO;
        assertThat(AlertMessages.subject(a))
                .isEqualTo(
                        "[HIGH] Bedrock cost spike: account 111122223333 at $41.00, usually none");
    }

    @Test
    void shouldLayTheBodyOutForEmailWithExactValuesAndContributors() {
        String body = AlertMessages.body(TestAlerts.dailyBudget());

        assertThat(body)
                .startsWith(
                        "Bedrock usage alert: daily budget (HIGH)\n\n"
                                + "Account 111122223333 reached $52.10 in this 1d window (limit $50).\n");
        assertThat(body)
                .contains("Observed:           52.104 USD\n")
                .contains("Threshold:          50 USD\n")
                .contains(
                        "Window:             2026-11-22T00:00:00Z to 2026-11-23T00:00:00Z (1d, UTC)\n")
                .contains(
                        "Top callers by cost in this window:\n"
                                + "  1. "
                                + Calls.CHATBOT
                                + "  $40.10 (1000 calls)\n"
                                + "  2. "
                                + Calls.SEARCH
                                + "  $12.00 (234 calls)\n")
                .contains("Data up to:         2026-11-22T16:40:00Z\n")
                .contains("Alert id:           " + TestAlerts.dailyBudget().alertId + "\n");
    }

    @Test
    void shouldOfferStringAttributesForSubscriptionFilters() {
        assertThat(AlertMessages.attributes(TestAlerts.dailyBudget()))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("severity", "high"),
                        org.assertj.core.api.Assertions.entry("rule", "daily-budget"),
                        org.assertj.core.api.Assertions.entry("account_id", Calls.ACCOUNT),
                        org.assertj.core.api.Assertions.entry("scope", "account"),
                        org.assertj.core.api.Assertions.entry("scope_key", Calls.ACCOUNT),
                        org.assertj.core.api.Assertions.entry("cost_usd", "52.104"),
                        org.assertj.core.api.Assertions.entry("kind", "threshold"),
                        org.assertj.core.api.Assertions.entry("metric", "cost_usd"),
                        org.assertj.core.api.Assertions.entry(
                                "alert_id", TestAlerts.dailyBudget().alertId));
    }
}
