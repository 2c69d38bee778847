package com.bedrockusage.job.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.RuleKind;
import com.bedrockusage.job.alerts.ScopeType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesParserTest {

    private static final String ISSUE_EXAMPLE =
            "{\"rules\": [\n"
                    + "  {\"id\": \"daily-budget\", \"metric\": \"cost_usd\", \"scope\": \"account\", \"window\": \"1d\", \"threshold\": 50, \"severity\": \"high\"},\n"
                    + "  {\"id\": \"caller-tokens\", \"metric\": \"input_tokens\", \"scope\": \"caller\", \"window\": \"1h\", \"threshold\": 100000}\n"
                    + "]}";

    @Test
    void shouldParseTheJsonExampleWithDefaultsForOmittedFields() throws Exception {
        List<AlertRule> rules = RulesParser.parse(ISSUE_EXAMPLE, "rules.json", false);

        assertThat(rules).extracting(r -> r.id).containsExactly("daily-budget", "caller-tokens");
        AlertRule budget = rules.get(0);
        assertThat(budget.kind).isEqualTo(RuleKind.THRESHOLD);
        assertThat(budget.metric).isEqualTo(Metric.COST_USD);
        assertThat(budget.scopeType).isEqualTo(ScopeType.ACCOUNT);
        assertThat(budget.windowMillis).isEqualTo(86_400_000L);
        assertThat(budget.threshold).isEqualByComparingTo("50");
        assertThat(budget.severity).isEqualTo("high");
        assertThat(rules.get(1).severity).isEqualTo("medium");
        assertThat(rules.get(1).displayName()).isEqualTo("caller tokens");
    }

    @Test
    void shouldParseYamlWithExactDecimalsFiltersAndTagScopes() throws Exception {
        String yaml =
                "rules:\n"
                        + "  - id: team-spend\n"
                        + "    metric: cost_usd\n"
                        + "    scope: tag:team\n"
                        + "    window: month\n"
                        + "    kind: forecast\n"
                        + "    threshold: 1000.10\n"
                        + "    min_elapsed: 3d\n"
                        + "    accounts: ['011122223333']\n"
                        + "    models: [anthropic.*]\n"
                        + "    arn_contains: Chatbot\n";
        AlertRule r = RulesParser.parse(yaml, "rules.yaml", false).get(0);

        assertThat(r.scopeType).isEqualTo(ScopeType.TAG);
        assertThat(r.scopeTag).isEqualTo("team");
        assertThat(r.scopeLabel()).isEqualTo("tag:team");
        assertThat(r.windowMillis).isEqualTo(AlertWindows.MONTH);
        assertThat(r.threshold).isEqualTo(new BigDecimal("1000.1"));
        assertThat(r.minElapsedMillis).isEqualTo(3 * 86_400_000L);
        assertThat(r.accounts).containsExactly("011122223333");
        assertThat(r.models).containsExactly("anthropic.*");
        assertThat(r.arnContains).isEqualTo("Chatbot");
    }

    @Test
    void shouldShipTheClassicDefaultsAndLetTheFileOverrideOrDisableThemById() throws Exception {
        assertThat(RulesParser.parse(null, "none", true))
                .extracting(r -> r.id)
                .containsExactly(
                        "default-input-tokens-1h",
                        "default-errors-5m",
                        "default-invocations-1h",
                        "default-latency-per-token-5m",
                        "default-unpriced-1h");

        String file =
                "{\"rules\": [{\"id\": \"default-errors-5m\", \"enabled\": false},"
                        + " {\"id\": \"default-input-tokens-1h\", \"threshold\": 500000, \"scope\": \"caller\"}]}";
        List<AlertRule> rules = RulesParser.parse(file, "rules.json", true);

        assertThat(rules)
                .extracting(r -> r.id)
                .containsExactly(
                        "default-input-tokens-1h",
                        "default-invocations-1h",
                        "default-latency-per-token-5m",
                        "default-unpriced-1h");
        AlertRule tokens = rules.get(0);
        assertThat(tokens.threshold).isEqualByComparingTo("500000");
        assertThat(tokens.scopeType).isEqualTo(ScopeType.CALLER);
        assertThat(tokens.window).isEqualTo("1h");
        assertThat(RulesParser.parse(null, "none", false)).isEmpty();
    }

    @Test
    void shouldDescribeTheBuiltInDefaults() throws Exception {
        List<AlertRule> d = RulesParser.parse(null, "none", true);
        assertThat(d)
                .extracting(
                        r ->
                                r.metric
                                        + " "
                                        + r.scopeLabel()
                                        + " "
                                        + r.window
                                        + " "
                                        + r.threshold.toPlainString())
                .containsExactly(
                        "INPUT_TOKENS account 1h 100000",
                        "ERRORS account 5m 10",
                        "INVOCATIONS account 1h 1000",
                        "LATENCY_PER_OUTPUT_TOKEN_MS model 5m 100",
                        "UNPRICED_INVOCATIONS model 1h 1");
    }

    @Test
    void shouldNameTheRuleAndFieldOfEveryProblem() {
        String file =
                "{\"rules\": [\n"
                        + " {\"id\": \"a\", \"metric\": \"cost\", \"window\": \"1h\", \"threshold\": 1},\n"
                        + " {\"id\": \"b\", \"metric\": \"cost_usd\", \"window\": \"2d\", \"threshold\": 1},\n"
                        + " {\"id\": \"c\", \"metric\": \"cost_usd\", \"window\": \"1d\", \"treshold\": 1},\n"
                        + " {\"id\": \"d\", \"metric\": \"error_rate\", \"window\": \"1d\", \"threshold\": 5},\n"
                        + " {\"id\": \"e\", \"kind\": \"forecast\", \"metric\": \"latency_p99_ms\", \"window\": \"1d\", \"threshold\": 5},\n"
                        + " {\"id\": \"f\", \"kind\": \"spike\", \"metric\": \"invocations\", \"window\": \"1h\"},\n"
                        + " {\"id\": \"g\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"scope\": \"team\"},\n"
                        + " {\"id\": \"h\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5, \"accounts\": [111122223333]},\n"
                        + " {\"id\": \"a\", \"metric\": \"invocations\", \"window\": \"1h\", \"threshold\": 5}\n"
                        + "]}";

        assertThatThrownBy(() -> RulesParser.parse(file, "rules.json", false))
                .isInstanceOf(RulesException.class)
                .satisfies(
                        e ->
                                assertThat(((RulesException) e).problems())
                                        .containsExactlyInAnyOrder(
                                                "rule 'a': field 'id': used by more than one rule",
                                                "rule 'a': field 'metric': 'cost' is not a metric; use one of cost_usd, input_tokens,"
                                                        + " output_tokens, total_tokens, invocations, errors, error_rate, latency_p99_ms,"
                                                        + " latency_avg_ms, latency_per_output_token_ms, unpriced_invocations, reconciliation_delta_pct",
                                                "rule 'b': field 'window': '2d' is not a window; use 5m, 1h, 1d, month, or a whole number of"
                                                        + " minutes or hours that divides a day (e.g. 15m, 6h)",
                                                "rule 'c': field 'treshold': unknown field; known fields are "
                                                        + String.join(", ", RulesParser.FIELDS),
                                                "rule 'd': field 'threshold': error_rate is a fraction: use 0.05 for 5%",
                                                "rule 'e': field 'metric': forecast rules need a metric that adds up over the window (cost_usd,"
                                                        + " *_tokens, invocations, errors, unpriced_invocations), not latency_p99_ms",
                                                "rule 'f': field 'min_volume': missing; spike rules need the smallest current value worth an"
                                                        + " alert (e.g. 10 for cost_usd), so a quiet key going from 1 to 4 calls does not fire",
                                                "rule 'g': field 'scope': 'team' is not a scope; use global, account, caller, app, model or"
                                                        + " tag:<requestMetadata key>",
                                                "rule 'h': field 'accounts': must be a list of strings, got 111122223333 (quote account ids:"
                                                        + " as numbers they lose leading zeros)"))
                .hasMessageStartingWith(
                        "rejected alert rules from rules.json: rule 'a': field 'id'");
    }

    @Test
    void shouldReportWhereAFileIsNotValidJson() {
        assertThatThrownBy(
                        () ->
                                RulesParser.parse(
                                        "{\"rules\": [ {\"id\": \"x\",, } ]}", "rules.json", false))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void shouldRequireARulesList() {
        assertThatThrownBy(() -> RulesParser.parse("[]", "rules.json", false))
                .hasMessageContaining("expected an object with a \"rules\" list");
        assertThatThrownBy(() -> RulesParser.parse("{\"rule\": []}", "rules.json", false))
                .hasMessageContaining("unknown top-level field 'rule'");
    }
}
