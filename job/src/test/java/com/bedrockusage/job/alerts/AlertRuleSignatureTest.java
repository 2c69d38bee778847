package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertRuleSignatureTest {

    @Test
    void shouldBuildTheSignatureOnceAndAnswerItPerHit() {
        AlertRule rule = new AlertRule();
        rule.metric = Metric.ERRORS;
        rule.scopeType = ScopeType.ACCOUNT;
        rule.window = "5m";
        rule.accounts = new String[] {"111122223333"};

        String first = rule.accumulationSignature();

        assertThat(first).isEqualTo("ERRORS|account|5m|[111122223333]|[]|null");
        assertThat(rule.accumulationSignature()).isSameAs(first);
    }
}
