package com.bedrockusage.job.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.delivery.AlertMessages;
import com.bedrockusage.job.alerts.evaluate.RuleEvaluator;
import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules point at anomalies: normal traffic, long generations included, raises none of
 * them.
 */
class DefaultRulesTest {

    private static final Pattern APP =
            Pattern.compile(ConfigKeys.ALERTS_APP_PATTERN.defaultValue());
    private static final long START = Calls.millis("2026-11-22T10:00:00Z");

    private List<AlertRule> defaults;
    private KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> evaluator;

    @BeforeEach
    void open() throws Exception {
        defaults = RulesParser.parse(null, RulesWatcher.DEFAULTS_ORIGIN, true);
        evaluator =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new RuleEvaluator(Duration.ofHours(1).toMillis())),
                        hit -> hit.key,
                        Types.STRING);
        evaluator.open();
    }

    @AfterEach
    void close() throws Exception {
        evaluator.close();
    }

    @Test
    void shouldStayQuietOnLongGenerationsAtANormalSpeed() throws Exception {
        // 40 calls in 5 minutes, answers of 200 to 2,150 tokens at 30 ms a token after 1.2 s to the
        // first byte:
        // 7 to 66 s a call, as long answers take
        for (int i = 0; i < 40; i++) {
            long outputTokens = 200 + 50L * i;
            call(START + i * 7_000L, outputTokens, 1_200 + 30 * outputTokens);
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldFireWhenAModelAnswersSeveralTimesSlowerThanNormal() throws Exception {
        // the same model, degraded: 150 ms a token
        for (int i = 0; i < 12; i++) {
            long outputTokens = 300;
            call(START + i * 20_000L, outputTokens, 1_200 + 150 * outputTokens);
        }
        List<Alert> alerts = alerts();
        assertThat(alerts)
                .extracting(a -> a.ruleId)
                .containsExactly("default-latency-per-token-5m");
        assertThat(alerts.get(0).scopeKey).isEqualTo(Calls.SONNET);
        // 46.2 s for 300 tokens, at the tenth call (min_invocations)
        assertThat(alerts.get(0).observedValue).isEqualByComparingTo("154.0");
        assertThat(AlertMessages.subject(alerts.get(0)))
                .startsWith("[MEDIUM] Bedrock slow generation: model ")
                .endsWith(" at 154.0 ms of 100.0 ms per output token");
    }

    @Test
    void shouldLeaveFailedAndEmptyCallsOutOfTheLatencyPerToken() throws Exception {
        // fast failures and calls without output (embeddings, blocked prompts) say nothing about
        // generation speed
        for (int i = 0; i < 12; i++) {
            evaluate(
                    Calls.at(START + i * 1_000L)
                            .model(Calls.SONNET)
                            .tokens(100, 0)
                            .latency(800)
                            .build());
        }
        for (int i = 0; i < 9; i++) { // fewer than default-errors-5m counts
            evaluate(
                    Calls.at(START + i * 1_000L)
                            .model(Calls.SONNET)
                            .tokens(100, 0)
                            .latency(30_000)
                            .error("ModelTimeoutException")
                            .build());
        }
        call(START + 20_000L, 1, 1_500);
        assertThat(alerts()).isEmpty();
    }

    private void call(long at, long outputTokens, long latencyMs) throws Exception {
        evaluate(
                Calls.at(at)
                        .model(Calls.SONNET)
                        .tokens(1_000, outputTokens)
                        .latency(latencyMs)
                        .cost("0.01")
                        .build());
    }

    /** What the matcher would hand on for one call: a hit for every default rule that counts it. */
    private void evaluate(Invocation inv) throws Exception {
        for (AlertRule rule : defaults) {
            String key = RuleScopes.matches(rule, inv) ? RuleScopes.key(rule, inv, APP) : null;
            if (key != null) {
                evaluator.processElement(RuleHit.of(rule, key, inv), inv.eventTime);
            }
        }
    }

    private List<Alert> alerts() {
        return evaluator.extractOutputValues();
    }
}
