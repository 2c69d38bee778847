package com.bedrockusage.job.alerts.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.RuleSet;
import com.bedrockusage.job.alerts.rules.RulesFile;
import com.bedrockusage.job.alerts.rules.RulesWatcher;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RuleMatcherTest {

    private static final String APP_PATTERN = ConfigKeys.ALERTS_APP_PATTERN.defaultValue();

    /** Shorter than the flush interval, so a rules change can find a batch pending. */
    private static final long RULES_INTERVAL = 40;

    /**
     * A generous bound for a read of a local file on a busy machine; no test waits this long when
     * it passes.
     */
    public static final long READ_WAIT_MILLIS = 60_000;

    @TempDir Path dir;
    private Path rulesPath;

    @Test
    void shouldKeyAppScopesByTheRoleNamePattern() throws Exception {
        String rules = rules(rule("app-cost", "cost_usd", "app", "1h", 5));
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:15:00Z").caller(Calls.CHATBOT).build(), 0);
            h.processElement(
                    Calls.at("2026-11-22T10:15:00Z")
                            .caller("arn:aws:iam::111122223333:role/service/SearchApp-BedrockRole")
                            .build(),
                    0);
            h.processElement(
                    Calls.at("2026-11-22T10:15:00Z")
                            .caller("arn:aws:sts::111122223333:assumed-role/Admin/bob")
                            .build(),
                    0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z").caller(Calls.ALICE).build(), 0);

            List<RuleHit> hits = flushed(h);
            assertThat(hits).extracting(x -> x.scopeKey).containsExactly("ChatbotApp", "SearchApp");
            assertThat(hits)
                    .extracting(x -> x.key)
                    .containsExactly("app-cost|ChatbotApp", "app-cost|SearchApp");
            assertThat(hits.get(0).windowStart).isEqualTo(Calls.millis("2026-11-22T10:00:00Z"));
            assertThat(hits.get(0).windowEnd).isEqualTo(Calls.millis("2026-11-22T11:00:00Z"));
        }
    }

    @Test
    void shouldKeyTagScopesByTheRequestMetadataValue() throws Exception {
        String rules = rules(rule("team-cost", "cost_usd", "tag:team", "1d", 5));
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(
                    Calls.at("2026-11-22T10:15:00Z")
                            .tag("project", "x")
                            .tag("team", "payments")
                            .build(),
                    0);
            h.processElement(Calls.at("2026-11-22T10:15:00Z").tag("project", "x").build(), 0);

            assertThat(flushed(h)).extracting(x -> x.scopeKey).containsExactly("payments");
        }
    }

    @Test
    void shouldLeaveReconciliationRulesToTheReconciliationRun() throws Exception {
        String rules =
                rules(
                        rule("bill-delta", "reconciliation_delta_pct", "account", "1d", 2),
                        rule("acct-cost", "cost_usd", "account", "1d", 5));
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:15:00Z").build(), 0);

            assertThat(flushed(h)).extracting(x -> x.rule.id).containsExactly("acct-cost");
        }
    }

    @Test
    void shouldApplyAccountModelAndArnFilters() throws Exception {
        String rules =
                ("{\"rules\": ["
                        + "{\"id\": \"acct\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"accounts\": [\"444455556666\"]},"
                        + "{\"id\": \"claude\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"models\": [\"anthropic.*\"]},"
                        + "{\"id\": \"titan\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"models\": [\"amazon.titan-text-express-v1\"]},"
                        + "{\"id\": \"search\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"arn_contains\": \"SearchApp\"}"
                        + "]}");
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").model(Calls.SONNET).build(), 0);
            h.processElement(
                    Calls.at("2026-11-22T10:00:00Z")
                            .model(Calls.TITAN)
                            .account(Calls.OTHER_ACCOUNT)
                            .build(),
                    0);
            h.processElement(
                    Calls.at("2026-11-22T10:00:00Z")
                            .model(Calls.TITAN)
                            .caller(Calls.SEARCH)
                            .build(),
                    0);

            // in the order of the rules; the two titan calls share one hit
            assertThat(flushed(h))
                    .extracting(x -> x.rule.id + "@" + x.scopeKey + "x" + x.invocations)
                    .containsExactly("acct@allx1", "claude@allx1", "titan@allx2", "search@allx1");
        }
    }

    @Test
    void shouldApplyAChangedRulesFileAndKeepTheRulesWhileItIsInvalid() throws Exception {
        String first =
                "{\"rules\": [{\"id\": \"old\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}]}";
        String second = rules(rule("new", "errors", "model", "5m", 2));
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(first)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            writeRules("{\"rules\": [{\"id\": \"broken\"}]}");
            h.setProcessingTime(RULES_INTERVAL);
            awaitRulesRead(h);
            h.processElement(Calls.at("2026-11-22T10:00:30Z").build(), 0);
            writeRules(second);
            h.setProcessingTime(2 * RULES_INTERVAL);
            awaitRulesRead(h);
            h.processElement(Calls.at("2026-11-22T10:01:00Z").build(), 0);

            // the batch of the old rules leaves when the rules change, before the flush interval is
            // up
            assertThat(flushed(h))
                    .extracting(x -> x.key + "x" + x.invocations)
                    .containsExactly("old|allx2", "new|" + Calls.HAIKU + "x1");
        }
    }

    @Test
    void shouldKeepTheCheckpointedRulesWhenTheFileIsUnreadableAfterARestore() throws Exception {
        String rules = callsPer("1h");
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            snapshot = h.snapshot(1L, 0L);
        }
        Files.delete(rulesPath);
        RuleSet defaults = RulesWatcher.load(null, true);
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h =
                new OneInputStreamOperatorTestHarness<>(
                        new RuleMatcher(
                                defaults,
                                APP_PATTERN,
                                new RulesFile(
                                        rulesPath.toString(), false, RULES_INTERVAL, true)))) {
            h.initializeState(snapshot);
            h.open();
            awaitRulesRead(h);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            assertThat(flushed(h)).extracting(x -> x.key).containsExactly("n|all");
        }
    }

    @Test
    void shouldSumTheValuesTheMetricsNeed() throws Exception {
        String rules = rules(rule("caller-cost", "cost_usd", "caller", "1h", 5));
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(
                    Calls.at("2026-11-22T10:00:00Z")
                            .tokens(100, 20)
                            .cost("0.0012")
                            .latency(900)
                            .error("ValidationException")
                            .build(),
                    0);
            h.processElement(Calls.at("2026-11-22T10:20:00Z").tokens(5, 1).unpriced().build(), 0);
            h.processElement(
                    Calls.at("2026-11-22T10:10:00Z")
                            .tokens(1, 1)
                            .cost("0.5")
                            .latency(100)
                            .account(Calls.OTHER_ACCOUNT)
                            .build(),
                    0);

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
            assertThat(hit.contributors.top(1))
                    .extracting(c -> c.name + "=" + c.invocations)
                    .containsExactly(Calls.HAIKU + "=3");
        }
    }

    @Test
    void shouldStartANewHitWhenACallIsInAnotherWindow() throws Exception {
        String rules = callsPer("5m");
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:04:00Z").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:04:30Z").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:05:00Z").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:06:00Z").build(), 0);

            assertThat(flushed(h))
                    .extracting(x -> x.windowStart + "x" + x.invocations)
                    .containsExactly(
                            Calls.millis("2026-11-22T10:00:00Z") + "x2",
                            Calls.millis("2026-11-22T10:05:00Z") + "x2");
        }
    }

    @Test
    void shouldHandHitsOnWithinTheFlushInterval() throws Exception {
        String rules = callsPer("1h");
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.setProcessingTime(1_000);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processElement(Calls.at("2026-11-22T10:01:00Z").build(), 0);
            assertThat(h.extractOutputValues()).isEmpty();

            h.setProcessingTime(1_000 + RuleMatcher.FLUSH_INTERVAL_MILLIS);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(2L);

            h.processElement(Calls.at("2026-11-22T10:02:00Z").build(), 0);
            h.setProcessingTime(1_000 + 2 * RuleMatcher.FLUSH_INTERVAL_MILLIS);
            assertThat(h.extractOutputValues())
                    .extracting(x -> x.invocations)
                    .containsExactly(2L, 1L);
        }
    }

    @Test
    void shouldHandHitsOnBeforeAWatermarkThatClosesTheirWindowAndBeforeACheckpointBarrier()
            throws Exception {
        String rules = callsPer("1h");
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness(rules)) {
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            h.processWatermark(new Watermark(Calls.millis("2026-11-22T10:59:59.999Z")));
            assertThat(h.getOutput()).hasSize(1);
            assertThat(h.getOutput().peek()).isInstanceOf(Watermark.class);

            h.processWatermark(new Watermark(Calls.millis("2026-11-22T11:00:00Z")));
            assertThat(h.getOutput()).hasSize(3);
            assertThat(new ArrayList<>(h.getOutput()).get(1)).isNotInstanceOf(Watermark.class);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(1L);
            h.getOutput().clear();

            h.processElement(Calls.at("2026-11-22T11:01:00Z").build(), 0);
            h.prepareSnapshotPreBarrier(1L);
            assertThat(h.extractOutputValues()).extracting(x -> x.invocations).containsExactly(1L);
        }
    }

    /**
     * Waits until the matcher's read of the rules file has returned; its next call or timer applies
     * the outcome.
     */
    static void awaitRulesRead(OneInputStreamOperatorTestHarness<Invocation, RuleHit> h)
            throws Exception {
        ((RuleMatcher) h.getOneInputOperator()).awaitRulesRead(READ_WAIT_MILLIS);
    }

    /** A rules file of {@code rules}, each a JSON object. */
    private static String rules(String... rules) {
        return "{\"rules\": [" + String.join(", ", rules) + "]}";
    }

    private static String rule(
            String id, String metric, String scope, String window, int threshold) {
        return String.format(
                "{\"id\": \"%s\", \"metric\": \"%s\", \"scope\": \"%s\", \"window\": \"%s\","
                        + " \"threshold\": %d}",
                id, metric, scope, window, threshold);
    }

    /** Rule "n": 5 invocations per {@code window}, over all calls. */
    private static String callsPer(String window) {
        return "{\"rules\": [{\"id\": \"n\", \"metric\": \"invocations\", \"window\": \""
                + window
                + "\", \"threshold\": 5}]}";
    }

    /** Everything the matcher holds, handed on as before a checkpoint barrier. */
    private static List<RuleHit> flushed(OneInputStreamOperatorTestHarness<Invocation, RuleHit> h)
            throws Exception {
        h.prepareSnapshotPreBarrier(0L);
        return h.extractOutputValues();
    }

    /**
     * A matcher whose rules file holds {@code json}, re-read every {@link #RULES_INTERVAL} ms of
     * processing time.
     */
    private OneInputStreamOperatorTestHarness<Invocation, RuleHit> harness(String json)
            throws Exception {
        writeRules(json);
        RuleSet initial = RulesWatcher.load(rulesPath.toString(), false);
        OneInputStreamOperatorTestHarness<Invocation, RuleHit> h =
                new OneInputStreamOperatorTestHarness<>(
                        new RuleMatcher(
                                initial,
                                APP_PATTERN,
                                new RulesFile(rulesPath.toString(), false, RULES_INTERVAL, true)));
        h.open();
        awaitRulesRead(h);
        return h;
    }

    private void writeRules(String json) throws IOException {
        rulesPath = Files.write(dir.resolve("rules.json"), json.getBytes(StandardCharsets.UTF_8));
    }
}
