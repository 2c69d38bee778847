package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data shapes of the throughput matrix: operation mix, latency tail, body size, accounts. */
class MatrixShapesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:17:33Z");
    private static final Set<Operation> CONVERSE_STYLE =
            Set.of(Operation.CONVERSE, Operation.CONVERSE_STREAM);
    private static final Set<Operation> STREAMED =
            Set.of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, Operation.CONVERSE_STREAM);

    @TempDir Path out;

    @Test
    void shouldMakeConverseHeavyDataMostlyConverseCalls() throws Exception {
        List<PlannedRecord> records = plan("--mix", "converse");

        assertThat(share(records, CONVERSE_STYLE)).isBetween(0.78, 0.95);
        assertThat(share(records, Set.of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM)))
                .isLessThan(0.08);
    }

    @Test
    void shouldMakeStreamHeavyDataMostlyStreamedCalls() throws Exception {
        List<PlannedRecord> records = plan("--mix", "stream");

        assertThat(share(records, STREAMED)).isBetween(0.78, 0.95);
        assertThat(share(records, Set.of(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM)))
                .as("chunked output bodies")
                .isGreaterThan(0.6);
        assertThat(share(records, Set.of(Operation.CONVERSE))).isLessThan(0.15);
    }

    @Test
    void shouldKeepTodaysRecordsWithTheDefaultMix() throws Exception {
        List<PlannedRecord> implicit = plan();
        List<PlannedRecord> explicit = plan("--mix", "default");

        assertThat(explicit).hasSameSizeAs(implicit);
        for (int i = 0; i < implicit.size(); i++) {
            assertThat(explicit.get(i).operation).isEqualTo(implicit.get(i).operation);
            assertThat(explicit.get(i).latencyMs).isEqualTo(implicit.get(i).latencyMs);
        }
        assertThat(share(implicit, CONVERSE_STYLE)).isBetween(0.4, 0.7);
    }

    @Test
    void shouldRejectAnUnknownMix() {
        assertThatThrownBy(() -> GeneratorOptions.parse(NOW, "--out", "x", "--mix", "chatty"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--mix must be one of converse|stream|default, got 'chatty'");
    }

    @Test
    void shouldSpreadLatenciesFromAFewHundredMillisecondsToTwoMinutesWithTheTail()
            throws Exception {
        long[] latencies =
                plan("--invocations", "20000", "--latency-tail").stream()
                        .filter(r -> !r.isError())
                        .mapToLong(r -> r.latencyMs)
                        .sorted()
                        .toArray();

        assertThat(latencies[0]).isGreaterThanOrEqualTo(LatencyTail.MIN_MS);
        assertThat(latencies[latencies.length - 1]).isEqualTo(LatencyTail.MAX_MS);
        assertThat(percentile(latencies, 0.01)).isBetween(150L, 400L);
        assertThat(percentile(latencies, 0.5)).isBetween(2_500L, 3_500L);
        assertThat(percentile(latencies, 0.99)).isGreaterThanOrEqualTo(30_000L);
        assertThat(Arrays.stream(latencies).filter(ms -> ms >= 100_000).count())
                .as("a few calls near two minutes")
                .isBetween(2L, 60L);
    }

    @Test
    void shouldNeverLogTheFirstByteAfterTheWholeAnswerWithTheTail() throws Exception {
        assertThat(plan("--latency-tail").stream().filter(r -> !r.isError()))
                .allSatisfy(r -> assertThat(r.firstByteLatencyMs).isLessThanOrEqualTo(r.latencyMs));
    }

    @Test
    void shouldKeepFailedAndSlowCallsAsTheyWereWithTheTail() throws Exception {
        List<PlannedRecord> records =
                plan("--latency-tail", "--errors-pct", "20", "--slow-pct", "100");

        assertThat(records.stream().filter(PlannedRecord::isError))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.latencyMs).isBetween(20L, 420L));
        assertThat(records.stream().filter(r -> !r.isError() && r.outputTokens > 0))
                .isNotEmpty()
                .allSatisfy(
                        r ->
                                assertThat(r.latencyMs - r.firstByteLatencyMs)
                                        .isGreaterThanOrEqualTo(100L * r.outputTokens));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void shouldWriteBodiesOfTheAskedSizeOnAverage(int bodyKb) throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "300",
                "--body-kb",
                Integer.toString(bodyKb),
                "--mix",
                "converse",
                "--errors-pct",
                "0",
                "--unknown-pct",
                "0");
        long chars = 0;
        int bodies = 0;
        for (GeneratedLogs.Line line : GeneratedLogs.lines(out)) {
            JsonNode body = line.json().path("input").path("inputBodyJson");
            if (line.json().path("operation").asText().equals("Converse")
                    && !body.isMissingNode()) {
                chars += body.toString().length();
                bodies++;
            }
        }
        assertThat(bodies).isGreaterThan(50);
        assertThat((double) chars / bodies).isBetween(0.8 * bodyKb * 1024, 1.3 * bodyKb * 1024);
    }

    @Test
    void shouldSpreadCallsOverThreeHundredAccounts() throws Exception {
        List<PlannedRecord> records = plan("--invocations", "20000", "--accounts", "300");

        assertThat(records.stream().map(r -> r.account.id()).distinct().count()).isGreaterThan(250);
    }

    private static List<PlannedRecord> plan(String... extra) throws UsageException {
        String[] args = new String[extra.length + 4];
        args[0] = "--out";
        args[1] = "logs";
        args[2] = "--invocations";
        args[3] = "5000";
        System.arraycopy(extra, 0, args, 4, extra.length);
        GeneratorOptions options = GeneratorOptions.parse(NOW, args);
        return new Planner(options, new Population(options.seed(), options.accounts())).plan();
    }

    private static double share(List<PlannedRecord> records, Set<Operation> operations) {
        return (double) records.stream().filter(r -> operations.contains(r.operation)).count()
                / records.size();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
