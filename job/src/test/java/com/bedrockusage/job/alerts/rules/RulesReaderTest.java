package com.bedrockusage.job.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.evaluate.RuleMatcherTest;
import org.junit.jupiter.api.Test;

class RulesReaderTest {

    private static final String RULES =
            "{\"rules\": [{\"id\": \"n\", \"metric\": \"invocations\", \"window\": \"1h\","
                    + " \"threshold\": 5}]}";
    private static final long WAIT = RuleMatcherTest.READ_WAIT_MILLIS;

    @Test
    void shouldKeepAChangeThatWasNotTakenWhenALaterReadFindsNoChange() throws Exception {
        RulesSource file = location -> RULES;
        try (RulesReader reader = reader(file)) {
            assertThat(reader.start(0)).isTrue();
            reader.awaitIdle(WAIT);
            assertThat(reader.start(1)).isTrue(); // same content: no change of its own
            reader.awaitIdle(WAIT);

            RulesReader.Outcome outcome = reader.take();
            assertThat(outcome.changed).isNotNull();
            assertThat(outcome.changed.rule("n")).isNotNull();
            assertThat(reader.take()).isNull();
        }
    }

    @Test
    void shouldCountAnUnreadableFileAsRejected() throws Exception {
        RulesSource file =
                location -> {
                    throw new IllegalStateException("connection reset");
                };
        try (RulesReader reader = reader(file)) {
            reader.start(0);
            reader.awaitIdle(WAIT);
            RulesReader.Outcome outcome = reader.take();
            assertThat(outcome.changed).isNull();
            assertThat(outcome.rejectedCount).isEqualTo(1);
        }
    }

    private static RulesReader reader(RulesSource file) {
        return new RulesReader(
                new RulesWatcher("s3://rules/r.json", false, file),
                "s3://rules/r.json",
                "test-rules-reader",
                RulesReaderTest.class.getClassLoader());
    }
}
