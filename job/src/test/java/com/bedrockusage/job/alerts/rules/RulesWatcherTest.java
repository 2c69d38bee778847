package com.bedrockusage.job.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.alerts.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesWatcherTest {

    private static final String V1 =
            "{\"rules\": [{\"id\": \"budget\", \"metric\": \"cost_usd\", \"scope\": \"account\","
                    + " \"window\": \"1d\", \"threshold\": 50}]}";
    private static final String V2 =
            "rules:\n  - id: budget\n    metric: cost_usd\n    scope: account\n"
                    + "    window: 1d\n    threshold: 80\n";
    private static final String BAD =
            "{\"rules\": [{\"id\": \"budget\", \"metric\": \"cost_usd\", \"scope\": \"account\","
                    + " \"window\": \"1 day\", \"threshold\": 50}]}";

    @TempDir Path dir;

    @Test
    void shouldEmitOnStartThenOnlyWhenTheContentChanges() throws Exception {
        Path file = write("rules.json", V1);
        RulesWatcher w = new RulesWatcher(file.toString(), false);

        assertThat(w.poll())
                .hasValueSatisfying(
                        s -> assertThat(s.rule("budget").threshold).isEqualByComparingTo("50"));
        assertThat(w.poll()).isEmpty();

        write("rules.json", V2);
        assertThat(w.poll())
                .hasValueSatisfying(
                        s -> assertThat(s.rule("budget").threshold).isEqualByComparingTo("80"));
        assertThat(w.poll()).isEmpty();
    }

    @Test
    void shouldKeepThePreviousRulesWhenTheFileBecomesInvalid() throws Exception {
        Path file = write("rules.json", V1);
        RulesWatcher w = new RulesWatcher(file.toString(), false);
        RuleSet first = w.poll().orElseThrow();

        write("rules.json", BAD);
        assertThat(w.poll()).isEmpty();
        assertThat(w.poll()).isEmpty();
        assertThat(w.current()).isSameAs(first);
        assertThat(w.rejectedCount()).isEqualTo(1);
        assertThat(w.lastProblem())
                .contains("rule 'budget': field 'window': '1 day' is not a window");

        Files.delete(file);
        assertThat(w.poll()).isEmpty();
        assertThat(w.rejectedCount()).isEqualTo(2);
        assertThat(w.lastProblem()).contains("cannot read the rules file");

        write("rules.json", V2);
        Optional<RuleSet> fixed = w.poll();
        assertThat(fixed)
                .hasValueSatisfying(
                        s -> assertThat(s.rule("budget").threshold).isEqualByComparingTo("80"));
        assertThat(w.lastProblem()).isNull();
    }

    @Test
    void shouldServeTheDefaultsWithoutAFile() {
        RulesWatcher w = new RulesWatcher(null, true);
        assertThat(w.poll())
                .hasValueSatisfying(
                        s -> {
                            assertThat(s.rules).hasSize(5);
                            assertThat(s.origin).isEqualTo("built-in defaults");
                        });
        assertThat(w.poll()).isEmpty();
    }

    @Test
    void shouldFailTheInitialLoadWithEveryProblem() throws Exception {
        Path file = write("rules.json", BAD);
        assertThatThrownBy(() -> RulesWatcher.load(file.toString(), false))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("rule 'budget': field 'window'");
        assertThatThrownBy(() -> RulesWatcher.load(dir.resolve("missing.json").toString(), false))
                .hasMessageContaining("cannot read the rules file");
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }
}
