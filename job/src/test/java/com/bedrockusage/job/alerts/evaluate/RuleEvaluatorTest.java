package com.bedrockusage.job.alerts.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.Contributor;
import com.bedrockusage.job.alerts.delivery.AlertMessages;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import com.bedrockusage.job.model.Invocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final long LATENESS = Duration.ofHours(1).toMillis();
    private static final Pattern APP = Pattern.compile("^(.+)-BedrockRole$");

    private static final AlertRule DAILY_BUDGET =
            Rules.one(
                    "\"id\": \"daily-budget\", \"metric\": \"cost_usd\","
                            + " \"scope\": \"account\", \"window\": \"1d\", \"threshold\": 50, \"severity\": \"high\"");

    private KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldFireOnceWhenTheRunningValueCrossesTheThreshold() throws Exception {
        feed(DAILY_BUDGET, Calls.at("2026-11-22T08:00:00Z").cost("20.000001").caller(Calls.SEARCH));
        feed(DAILY_BUDGET, Calls.at("2026-11-22T09:00:00Z").cost("20"));
        assertThat(alerts()).isEmpty();

        feed(DAILY_BUDGET, Calls.at("2026-11-22T10:00:00Z").cost("12.1"));
        feed(DAILY_BUDGET, Calls.at("2026-11-22T11:00:00Z").cost("30"));

        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.alertId)
                .isEqualTo(
                        AlertIds.of(
                                "daily-budget",
                                Calls.ACCOUNT,
                                Calls.millis("2026-11-22T00:00:00Z")));
        assertThat(a.observedValue).isEqualByComparingTo("52.100001");
        assertThat(a.observedValue.toPlainString()).isEqualTo("52.100001");
        assertThat(a.threshold).isEqualByComparingTo("50");
        assertThat(a.kind).isEqualTo("threshold");
        assertThat(a.severity).isEqualTo("high");
        assertThat(a.scope).isEqualTo("account");
        assertThat(a.scopeKey).isEqualTo(Calls.ACCOUNT);
        assertThat(a.accountId).isEqualTo(Calls.ACCOUNT);
        assertThat(a.windowStart).isEqualTo(Calls.millis("2026-11-22T00:00:00Z"));
        assertThat(a.windowEnd).isEqualTo(Calls.millis("2026-11-23T00:00:00Z"));
        assertThat(a.eventTime).isEqualTo(Calls.millis("2026-11-22T10:00:00Z"));
        assertThat(a.windowInvocations).isEqualTo(3);
        assertThat(a.contributorKind).isEqualTo("caller");
        assertThat(a.topContributors)
                .containsExactly(
                        new Contributor(Calls.CHATBOT, new BigDecimal("32.1"), 2),
                        new Contributor(Calls.SEARCH, new BigDecimal("20.000001"), 1));
    }

    @Test
    void shouldKeepSeparateRunningValuesPerScopeKey() throws Exception {
        feed(DAILY_BUDGET, Calls.at("2026-11-22T08:00:00Z").cost("40"));
        feed(
                DAILY_BUDGET,
                Calls.at("2026-11-22T08:00:00Z").cost("40").account(Calls.OTHER_ACCOUNT));
        assertThat(alerts()).isEmpty();

        feed(
                DAILY_BUDGET,
                Calls.at("2026-11-22T09:00:00Z").cost("10").account(Calls.OTHER_ACCOUNT));
        assertThat(alerts()).extracting(a -> a.scopeKey).containsExactly(Calls.OTHER_ACCOUNT);
    }

    @Test
    void shouldNotFireAgainWhenReplayedAfterARestore() throws Exception {
        Calls.at("2026-11-22T08:00:00Z");
        Invocation crossing = Calls.at("2026-11-22T09:00:00Z").cost("60").build();
        feed(DAILY_BUDGET, crossing);
        assertThat(alerts()).hasSize(1);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = harness(snapshot);
        feed(DAILY_BUDGET, crossing);
        feed(DAILY_BUDGET, Calls.at("2026-11-22T10:00:00Z").cost("5").build());

        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldFireAgainInTheNextWindow() throws Exception {
        feed(DAILY_BUDGET, Calls.at("2026-11-22T23:59:59Z").cost("50"));
        feed(DAILY_BUDGET, Calls.at("2026-11-23T00:00:00Z").cost("49.99"));
        feed(DAILY_BUDGET, Calls.at("2026-11-23T00:00:01Z").cost("0.01"));

        List<Alert> alerts = alerts();
        assertThat(alerts)
                .extracting(a -> a.windowStart)
                .containsExactly(
                        Calls.millis("2026-11-22T00:00:00Z"), Calls.millis("2026-11-23T00:00:00Z"));
        assertThat(alerts.get(0).alertId).isNotEqualTo(alerts.get(1).alertId);
    }

    @Test
    void shouldForecastTheCalendarMonthOnlyAfterEnoughOfItHasPassed() throws Exception {
        AlertRule monthly = monthlyForecast("");
        // day 1 of 30: 200 USD projects to 6,000 USD, but a tenth of the month has not passed yet
        feed(monthly, Calls.at("2026-11-02T00:00:00Z").cost("200"));
        assertThat(alerts()).isEmpty();
        // day 10: 400 USD in a third of the month projects to exactly 1,200 USD
        feed(monthly, Calls.at("2026-11-11T00:00:00Z").cost("200"));

        Alert a = alerts().get(0);
        assertThat(a.kind).isEqualTo("forecast");
        assertThat(a.observedValue).isEqualByComparingTo("400");
        assertThat(a.forecastValue).isEqualByComparingTo("1200");
        assertThat(a.threshold).isEqualByComparingTo("1000");
        assertThat(a.windowStart).isEqualTo(Calls.millis("2026-11-01T00:00:00Z"));
        assertThat(a.windowEnd).isEqualTo(Calls.millis("2026-12-01T00:00:00Z"));
        assertThat(AlertMessages.subject(a))
                .isEqualTo(
                        "[MEDIUM] Bedrock monthly budget: account 111122223333 heading for $1,200.00 of $1,000");
    }

    @Test
    void shouldNotForecastWhileTheProjectionStaysBelowTheThreshold() throws Exception {
        AlertRule monthly = monthlyForecast(", \"min_elapsed\": \"1d\"");
        feed(monthly, Calls.at("2026-11-16T00:00:00Z").cost("499.99"));
        assertThat(alerts()).isEmpty();
        feed(monthly, Calls.at("2026-11-16T00:00:00Z").cost("0.01"));
        assertThat(alerts())
                .extracting(a -> a.forecastValue)
                .containsExactly(new BigDecimal("1000.000000"));
    }

    @Test
    void shouldFireASpikeAgainstTheAverageOfThePreviousWindows() throws Exception {
        AlertRule spike = callsSpike(", \"factor\": 3");
        // three quiet hours of 4, 2 and 6 calls: baseline 4, so the spike level is 12
        feedTimes(spike, "2026-11-22T00:10:00Z", 4);
        feedTimes(spike, "2026-11-22T01:10:00Z", 2);
        feedTimes(spike, "2026-11-22T02:10:00Z", 6);
        feedTimes(spike, "2026-11-22T03:10:00Z", 11);
        assertThat(alerts()).isEmpty();

        feedTimes(spike, "2026-11-22T03:20:00Z", 1);

        Alert a = alerts().get(0);
        assertThat(a.kind).isEqualTo("spike");
        assertThat(a.observedValue).isEqualByComparingTo("12");
        assertThat(a.baselineValue).isEqualByComparingTo("4");
        assertThat(a.threshold).isEqualByComparingTo("12");
        assertThat(a.windowStart).isEqualTo(Calls.millis("2026-11-22T03:00:00Z"));
        assertThat(a.contributorKind).isEqualTo("model");
    }

    @Test
    void shouldNotFireASpikeBeforeAFullBaselineWasObserved() throws Exception {
        AlertRule spike = callsSpike("");
        feedTimes(spike, "2026-11-22T00:10:00Z", 50);
        feedTimes(spike, "2026-11-22T02:10:00Z", 50);
        assertThat(alerts()).isEmpty();

        // hour 3 has hours 0..2 behind it (hour 1 silent, counted as 0): baseline (50 + 0 + 50) / 3
        feedTimes(spike, "2026-11-22T03:10:00Z", 100);
        assertThat(alerts())
                .extracting(a -> a.observedValue)
                .containsExactly(new BigDecimal("100"));
    }

    @Test
    void shouldRequireTheMinimumInvocationsForAnErrorRate() throws Exception {
        AlertRule rate =
                Rules.one(
                        "\"id\": \"error-rate\", \"metric\": \"error_rate\", \"scope\": \"model\","
                                + " \"window\": \"5m\", \"threshold\": 0.5, \"min_invocations\": 4");
        feed(rate, Calls.at("2026-11-22T10:00:00Z").error("ThrottlingException"));
        feed(rate, Calls.at("2026-11-22T10:00:01Z").error("ThrottlingException"));
        feed(rate, Calls.at("2026-11-22T10:00:02Z"));
        assertThat(alerts()).isEmpty();

        feed(rate, Calls.at("2026-11-22T10:00:03Z"));
        Alert a = alerts().get(0);
        assertThat(a.observedValue).isEqualByComparingTo("0.5");
        assertThat(a.scopeKey).isEqualTo(Calls.HAIKU);
    }

    @Test
    void shouldFireOnTheP99LatencyOfTheWindow() throws Exception {
        AlertRule p99 =
                Rules.one(
                        "\"id\": \"slow\", \"metric\": \"latency_p99_ms\", \"scope\": \"global\","
                                + " \"window\": \"5m\", \"threshold\": 9000, \"min_invocations\": 10");
        for (int i = 0; i < 9; i++) {
            feed(p99, Calls.at("2026-11-22T10:00:00Z").latency(100));
        }
        feed(p99, Calls.at("2026-11-22T10:00:01Z").latency(20_000));
        assertThat(alerts()).isEmpty();
        feed(p99, Calls.at("2026-11-22T10:00:02Z").latency(20_000));

        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a ->
                                assertThat(a.observedValue.doubleValue())
                                        .isCloseTo(
                                                20_000,
                                                org.assertj.core.data.Percentage.withPercentage(
                                                        1)));
    }

    @Test
    void shouldDropWindowStateOnceTheLatenessHasPassedAndIgnoreLaterHits() throws Exception {
        feed(DAILY_BUDGET, Calls.at("2026-11-22T08:00:00Z").cost("60"));
        assertThat(alerts()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processWatermark(Calls.millis("2026-11-23T01:00:00Z"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        // a hit for the dropped window (e.g. replayed after a restart, before the watermark caught
        // up) stays quiet
        OperatorSubtaskState snapshot = harness.snapshot(2L, 2L);
        harness.close();
        harness = harness(snapshot);
        feed(DAILY_BUDGET, Calls.at("2026-11-22T09:00:00Z").cost("60"));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void shouldRecountAnOpenWindowWhenAReloadChangesTheMetric() throws Exception {
        AlertRule calls = busyAccount("invocations");
        AlertRule tokens = busyAccount("input_tokens");
        feed(calls, Calls.at("2026-11-22T10:00:00Z").tokens(1, 0));
        feed(calls, Calls.at("2026-11-22T10:01:00Z").tokens(1, 0));
        feed(tokens, Calls.at("2026-11-22T10:02:00Z").tokens(2, 0));
        assertThat(alerts()).isEmpty();
        feed(tokens, Calls.at("2026-11-22T10:03:00Z").tokens(1, 0));
        assertThat(alerts()).extracting(a -> a.metric).containsExactly("input_tokens");
    }

    /** A forecast of the account's month against 1,000 USD, with {@code moreFields}. */
    private static AlertRule monthlyForecast(String moreFields) {
        return Rules.one(
                "\"id\": \"monthly-budget\", \"kind\": \"forecast\", \"metric\": \"cost_usd\","
                        + " \"scope\": \"account\", \"window\": \"month\", \"threshold\": 1000"
                        + moreFields);
    }

    /** Hourly calls of a caller against its last three hours, with {@code moreFields}. */
    private static AlertRule callsSpike(String moreFields) {
        return Rules.one(
                "\"id\": \"calls-spike\", \"kind\": \"spike\", \"metric\": \"invocations\","
                        + " \"scope\": \"caller\", \"window\": \"1h\", \"baseline_windows\": 3,"
                        + " \"min_volume\": 10"
                        + moreFields);
    }

    /** Rule "busy": 3 of {@code metric} per account and hour. */
    private static AlertRule busyAccount(String metric) {
        return Rules.one(
                "\"id\": \"busy\", \"metric\": \""
                        + metric
                        + "\", \"scope\": \"account\", \"window\": \"1h\", \"threshold\": 3");
    }

    private KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> harness(
            OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new RuleEvaluator(LATENESS)),
                        hit -> hit.key,
                        Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private void feed(AlertRule rule, Calls call) throws Exception {
        feed(rule, call.build());
    }

    private void feed(AlertRule rule, Invocation inv) throws Exception {
        assertThat(RuleScopes.matches(rule, inv)).isTrue();
        harness.processElement(
                RuleHit.of(rule, RuleScopes.key(rule, inv, APP), inv), inv.eventTime);
    }

    private void feedTimes(AlertRule rule, String at, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            feed(rule, Calls.at(at));
        }
    }

    /** The alerts emitted since the last call. */
    private List<Alert> alerts() {
        List<Alert> out = harness.extractOutputValues();
        harness.getOutput().clear();
        return out;
    }
}
