package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.ConfigKeys;
import java.util.List;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    private static final String APP_PATTERN = ConfigKeys.ALERTS_APP_PATTERN.defaultValue();

    @Test
    void shouldKeyAppScopesByTheRoleNamePattern() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"app-cost\", \"metric\": \"cost_usd\", \"scope\": \"app\","
                + " \"window\": \"1h\", \"threshold\": 5}]}");
        try (BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:15:00Z").caller(Calls.CHATBOT).build(), 0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z")
                    .caller("arn:aws:iam::111122223333:role/service/SearchApp-BedrockRole").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z")
                    .caller("arn:aws:sts::111122223333:assumed-role/Admin/bob").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z").caller(Calls.ALICE).build(), 0);

            List<RuleHit> hits = h.extractOutputValues();
            assertThat(hits).extracting(x -> x.scopeKey).containsExactly("ChatbotApp", "SearchApp");
            assertThat(hits).extracting(x -> x.key).containsExactly("app-cost|ChatbotApp", "app-cost|SearchApp");
            assertThat(hits.get(0).windowStart).isEqualTo(Calls.millis("2026-11-22T10:00:00Z"));
            assertThat(hits.get(0).windowEnd).isEqualTo(Calls.millis("2026-11-22T11:00:00Z"));
        }
    }

    @Test
    void shouldKeyTagScopesByTheRequestMetadataValue() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"team-cost\", \"metric\": \"cost_usd\", \"scope\": \"tag:team\","
                + " \"window\": \"1d\", \"threshold\": 5}]}");
        try (BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:15:00Z").tag("project", "x").tag("team", "payments").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z").tag("project", "x").build(), 0);

            assertThat(h.extractOutputValues()).extracting(x -> x.scopeKey).containsExactly("payments");
        }
    }

    @Test
    void shouldApplyAccountModelAndArnFilters() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": ["
                + "{\"id\": \"acct\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"accounts\": [\"444455556666\"]},"
                + "{\"id\": \"claude\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"models\": [\"anthropic.*\"]},"
                + "{\"id\": \"titan\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"models\": [\"amazon.titan-text-express-v1\"]},"
                + "{\"id\": \"search\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"arn_contains\": \"SearchApp\"}"
                + "]}");
        try (BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").model(Calls.SONNET).build(), 0);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").model(Calls.TITAN).account(Calls.OTHER_ACCOUNT).build(), 0);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").model(Calls.TITAN).caller(Calls.SEARCH).build(), 0);

            assertThat(h.extractOutputValues()).extracting(x -> x.rule.id + "@" + x.scopeKey).containsExactly(
                    "claude@all", "acct@all", "titan@all", "titan@all", "search@all");
        }
    }

    @Test
    void shouldUseTheStartupRulesUntilABroadcastReplacesThem() throws Exception {
        RuleSet startup = Rules.set("{\"rules\": [{\"id\": \"old\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}]}");
        RuleSet reloaded = Rules.set("{\"rules\": [{\"id\": \"new\", \"metric\": \"errors\", \"scope\": \"model\","
                + " \"window\": \"5m\", \"threshold\": 2}]}");
        try (BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> h = harness(startup)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processBroadcastElement(reloaded, 0);
            h.processElement(Calls.at("2026-11-22T10:01:00Z").build(), 0);

            assertThat(h.extractOutputValues()).extracting(x -> x.key).containsExactly("old|all", "new|" + Calls.HAIKU);
        }
    }

    @Test
    void shouldCarryTheValuesTheMetricsNeed() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"caller-cost\", \"metric\": \"cost_usd\", \"scope\": \"caller\","
                + " \"window\": \"1h\", \"threshold\": 5}]}");
        try (BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").tokens(100, 20).cost("0.0012").latency(900)
                    .error("ValidationException").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").unpriced().build(), 0);

            List<RuleHit> hits = h.extractOutputValues();
            RuleHit first = hits.get(0);
            assertThat(first.inputTokens).isEqualTo(100);
            assertThat(first.totalTokens).isEqualTo(120);
            assertThat(first.costUsd).isEqualByComparingTo("0.0012");
            assertThat(first.latencyMs).isEqualTo(900L);
            assertThat(first.error).isTrue();
            assertThat(first.contributor).isEqualTo(Calls.HAIKU);
            assertThat(hits.get(1).costUsd).isNull();
        }
    }

    private static BroadcastOperatorTestHarness<com.bedrockusage.job.model.Invocation, RuleSet, RuleHit> harness(RuleSet initial)
            throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new RuleMatcher(initial, APP_PATTERN), RuleMatcher.RULES);
    }
}
