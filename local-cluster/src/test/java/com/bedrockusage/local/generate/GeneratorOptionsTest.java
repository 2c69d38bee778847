package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:17:33Z");

    @Test
    void shouldDateTheCallsInTheHoursBeforeTheCurrentOneWithoutAStart() throws Exception {
        assertThat(GeneratorOptions.parse(NOW, "--out", "logs").start())
                .isEqualTo(Instant.parse("2026-12-02T04:00:00Z"));
        assertThat(GeneratorOptions.parse(NOW, "--out", "logs", "--hours", "5").start())
                .isEqualTo(Instant.parse("2026-12-02T01:00:00Z"));
        assertThat(GeneratorOptions.parse(NOW, "--out", "logs", "--hours", "0.5").start())
                .isEqualTo(Instant.parse("2026-12-02T05:30:00Z"));
    }

    @Test
    void shouldKeepAnExplicitStart() throws Exception {
        assertThat(GeneratorOptions.parse(NOW, "--out", "logs", "--start", "2026-11-01").start())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void shouldPlanEveryCallOfTheDefaultRunInThePastFewHours() throws Exception {
        GeneratorOptions options =
                GeneratorOptions.parse(NOW, "--out", "logs", "--invocations", "500");
        for (PlannedRecord r : plan(options)) {
            assertThat(Instant.ofEpochSecond(r.epochSecond))
                    .isBetween(
                            Instant.parse("2026-12-02T04:00:00Z"),
                            Instant.parse("2026-12-02T06:00:00Z"));
        }
    }

    @Test
    void shouldAnswerHealthyCallsAt5To30MsAndSlowOnesAt100To400MsPerOutputToken() throws Exception {
        List<PlannedRecord> healthy =
                successful(
                        plan(GeneratorOptions.parse(NOW, "--out", "logs", "--invocations", "500")));
        List<PlannedRecord> slow =
                successful(
                        plan(
                                GeneratorOptions.parse(
                                        NOW,
                                        "--out",
                                        "logs",
                                        "--invocations",
                                        "500",
                                        "--slow-pct",
                                        "100")));
        assertThat(healthy)
                .isNotEmpty()
                .allSatisfy(
                        r ->
                                assertThat(generationMs(r))
                                        .isBetween(5L * r.outputTokens, 30L * r.outputTokens));
        // long answers take long even at a healthy speed
        assertThat(healthy).anySatisfy(r -> assertThat(r.latencyMs).isGreaterThan(30_000));
        assertThat(slow)
                .isNotEmpty()
                .allSatisfy(
                        r ->
                                assertThat(generationMs(r))
                                        .isBetween(100L * r.outputTokens, 400L * r.outputTokens));
    }

    private static List<PlannedRecord> plan(GeneratorOptions options) {
        return new Planner(options, new Population(options.seed(), options.accounts())).plan();
    }

    private static List<PlannedRecord> successful(List<PlannedRecord> records) {
        return records.stream().filter(r -> r.errorCode == null && r.outputTokens > 0).toList();
    }

    private static long generationMs(PlannedRecord r) {
        return r.latencyMs - r.firstByteLatencyMs;
    }
}
