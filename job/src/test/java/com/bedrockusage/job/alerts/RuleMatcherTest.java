package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    private static final String APP_PATTERN = ConfigKeys.ALERTS_APP_PATTERN.defaultValue();

    @Test
    void shouldKeyAppScopesByTheRoleNamePattern() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"app-cost\", \"metric\": \"cost_usd\", \"scope\": \"app\","
                + " \"window\": \"1h\", \"threshold\": 5}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:15:00Z").caller(Calls.CHATBOT).build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:15:00Z")
                    .caller("arn:aws:iam::111122223333:role/service/SearchApp-BedrockRole").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:15:00Z")
                    .caller("arn:aws:sts::111122223333:assumed-role/Admin/bob").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:15:00Z").caller(Calls.ALICE).build(), 0);

            List<RuleHit> hits = flushed(h);
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
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:15:00Z").tag("project", "x").tag("team", "payments").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:15:00Z").tag("project", "x").build(), 0);

            assertThat(flushed(h)).extracting(x -> x.scopeKey).containsExactly("payments");
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
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").model(Calls.SONNET).build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").model(Calls.TITAN).account(Calls.OTHER_ACCOUNT).build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").model(Calls.TITAN).caller(Calls.SEARCH).build(), 0);

            // in the order of the rules; the two titan calls share one hit
            assertThat(flushed(h)).extracting(x -> x.rule.id + "@" + x.scopeKey + "x" + x.invocations).containsExactly(
                    "acct@allx1", "claude@allx1", "titan@allx2", "search@allx1");
        }
    }

    @Test
    void shouldUseTheStartupRulesUntilABroadcastReplacesThem() throws Exception {
        RuleSet startup = Rules.set("{\"rules\": [{\"id\": \"old\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}]}");
        RuleSet reloaded = Rules.set("{\"rules\": [{\"id\": \"new\", \"metric\": \"errors\", \"scope\": \"model\","
                + " \"window\": \"5m\", \"threshold\": 2}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(startup)) {
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processElement2(reloaded, 0);
            h.processElement1(Calls.at("2026-11-22T10:01:00Z").build(), 0);

            assertThat(flushed(h)).extracting(x -> x.key).containsExactly("old|all", "new|" + Calls.HAIKU);
        }
    }

    @Test
    void shouldSumTheValuesTheMetricsNeed() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"caller-cost\", \"metric\": \"cost_usd\", \"scope\": \"caller\","
                + " \"window\": \"1h\", \"threshold\": 5}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").tokens(100, 20).cost("0.0012").latency(900)
                    .error("ValidationException").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:20:00Z").tokens(5, 1).unpriced().build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:10:00Z").tokens(1, 1).cost("0.5").latency(100)
                    .account(Calls.OTHER_ACCOUNT).build(), 0);

            List<RuleHit> hits = flushed(h);
            assertThat(hits).hasSize(1);
            RuleHit hit = hits.get(0);
            assertThat(hit.invocations).isEqualTo(3);
            assertThat(hit.errors).isEqualTo(1);
            assertThat(hit.unpriced).isEqualTo(1);
            assertThat(hit.inputTokens).isEqualTo(106);
            assertThat(hit.totalTokens).isEqualTo(128);
            assertThat(hit.costUsd).isEqualByComparingTo("0.5012");
            assertThat(hit.latencyCount).isEqualTo(3);
            assertThat(hit.latencySumMs).isEqualTo(900 + 500 + 100);
            assertThat(hit.latency).isNull();
            // the latest call by event time, not the last to arrive
            assertThat(hit.eventTime).isEqualTo(Calls.millis("2026-11-22T10:20:00Z"));
            assertThat(hit.accountId).isEqualTo(Calls.ACCOUNT);
            assertThat(hit.contributors.top(1)).extracting(c -> c.name + "=" + c.invocations).containsExactly(Calls.HAIKU + "=3");
        }
    }

    @Test
    void shouldStartANewHitWhenACallIsInAnotherWindow() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"n\", \"metric\": \"invocations\", \"window\": \"5m\", \"threshold\": 5}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:04:00Z").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:04:30Z").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:05:00Z").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:06:00Z").build(), 0);

            assertThat(flushed(h)).extracting(x -> x.windowStart + "x" + x.invocations).containsExactly(
                    Calls.millis("2026-11-22T10:00:00Z") + "x2", Calls.millis("2026-11-22T10:05:00Z") + "x2");
        }
    }

    @Test
    void shouldHandHitsOnWithinTheFlushInterval() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"n\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.setProcessingTime(1_000);
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processElement1(Calls.at("2026-11-22T10:01:00Z").build(), 0);
            assertThat(h.extractOutputValues()).isEmpty();

            h.setProcessingTime(1_000 + RuleMatcher.FLUSH_INTERVAL_MILLIS);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(2L);

            h.processElement1(Calls.at("2026-11-22T10:02:00Z").build(), 0);
            h.setProcessingTime(1_000 + 2 * RuleMatcher.FLUSH_INTERVAL_MILLIS);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(2L, 1L);
        }
    }

    @Test
    void shouldHandHitsOnBeforeAWatermarkThatClosesTheirWindowAndBeforeACheckpointBarrier() throws Exception {
        RuleSet rules = Rules.set("{\"rules\": [{\"id\": \"n\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}]}");
        try (TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h = harness(rules)) {
            h.processElement1(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processWatermark2(new Watermark(Long.MAX_VALUE));
            h.processWatermark1(new Watermark(Calls.millis("2026-11-22T10:59:59.999Z")));
            assertThat(h.getOutput()).hasSize(1);
            assertThat(h.getOutput().peek()).isInstanceOf(Watermark.class);

            h.processWatermark1(new Watermark(Calls.millis("2026-11-22T11:00:00Z")));
            assertThat(h.getOutput()).hasSize(3);
            assertThat(new ArrayList<>(h.getOutput()).get(1)).isNotInstanceOf(Watermark.class);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(1L);
            h.getOutput().clear();

            h.processElement1(Calls.at("2026-11-22T11:01:00Z").build(), 0);
            h.prepareSnapshotPreBarrier(1L);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(1L);
        }
    }

    /** Everything the matcher holds, handed on as before a checkpoint barrier. */
    private static List<RuleHit> flushed(TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h)
            throws Exception {
        h.prepareSnapshotPreBarrier(0L);
        return h.extractOutputValues();
    }

    private static TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> harness(RuleSet initial)
            throws Exception {
        TwoInputStreamOperatorTestHarness<Invocation, RuleSet, RuleHit> h =
                new TwoInputStreamOperatorTestHarness<>(new RuleMatcher(initial, APP_PATTERN));
        h.open();
        return h;
    }
}
