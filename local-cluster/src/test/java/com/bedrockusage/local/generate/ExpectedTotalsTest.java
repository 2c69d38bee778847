package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * expected-totals.json agrees with the records actually written, read back the way a consumer
 * would.
 */
class ExpectedTotalsTest {

    private static final List<String> FIELDS = ExpectedTotals.FIELDS;

    @TempDir Path out;

    @Test
    void shouldMatchTotalsRecomputedFromTheWrittenFiles() throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "2500",
                "--body-kb",
                "0.5",
                "--hours",
                "30",
                "--start",
                "2026-11-01T12:00:00Z",
                "--duplicates-pct",
                "5",
                "--late-pct",
                "3",
                "--errors-pct",
                "4");
        assertTotalsMatchTheWrittenFiles(2500);
    }

    /** The throughput matrix's shapes: every mix, with and without the latency tail, any body. */
    @ParameterizedTest
    @CsvSource({
        "converse, true, 1",
        "stream, true, 1",
        "stream, false, 4",
        "converse, false, 16",
        "default, true, 16"
    })
    void shouldKeepTheTruthExactForEveryMixLatencyAndBodySize(
            String mix, boolean latencyTail, String bodyKb) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--invocations",
                                "1500",
                                "--body-kb",
                                bodyKb,
                                "--hours",
                                "30",
                                "--start",
                                "2026-11-01T12:00:00Z",
                                "--errors-pct",
                                "4",
                                "--mix",
                                mix));
        if (latencyTail) {
            args.add("--latency-tail");
        }
        GeneratedLogs.generate(out, args.toArray(new String[0]));
        assertTotalsMatchTheWrittenFiles(1500);
    }

    private void assertTotalsMatchTheWrittenFiles(int invocations) throws Exception {
        JsonNode expected = GeneratedLogs.expected(out);

        Map<String, String> firstCopy = new HashMap<>();
        Map<String, long[]> byKey = new TreeMap<>();
        Map<String, long[]> byDay = new TreeMap<>();
        long duplicates = 0;
        long late = 0;
        List<GeneratedLogs.Line> lines = GeneratedLogs.lines(out);
        for (GeneratedLogs.Line line : lines) {
            JsonNode r = line.json();
            String id = r.path("requestId").asText();
            String previous = firstCopy.putIfAbsent(id, line.text());
            if (previous != null) {
                assertThat(line.text())
                        .as("a re-delivered copy is the same record")
                        .isEqualTo(previous);
                duplicates++;
                continue;
            }
            if (isLate(line)) {
                late++;
            }
            long[] usage = usageOf(r);
            String day = r.path("timestamp").asText().substring(0, 10);
            String key =
                    String.join(
                            "|",
                            day,
                            r.path("accountId").asText(),
                            r.path("region").asText(),
                            r.path("identity").path("arn").asText(),
                            r.path("modelId").asText());
            add(byKey.computeIfAbsent(key, k -> new long[FIELDS.size()]), usage);
            add(byDay.computeIfAbsent(day, k -> new long[FIELDS.size()]), usage);
        }

        JsonNode counts = expected.path("counts");
        assertThat(counts.path("uniqueRecords").asLong())
                .isEqualTo(firstCopy.size())
                .isEqualTo(invocations);
        assertThat(counts.path("duplicateLines").asLong()).isEqualTo(duplicates);
        assertThat(counts.path("linesWritten").asLong()).isEqualTo(lines.size());
        assertThat(counts.path("lateRecords").asLong()).isEqualTo(late);
        assertThat(counts.path("files").asLong()).isEqualTo(GeneratedLogs.logFiles(out).size());

        Map<String, long[]> expectedByKey = new TreeMap<>();
        for (JsonNode row : expected.path("byKey")) {
            String key =
                    String.join(
                            "|",
                            row.path("day").asText(),
                            row.path("accountId").asText(),
                            row.path("region").asText(),
                            row.path("callerArn").asText(),
                            row.path("modelId").asText());
            expectedByKey.put(key, values(row));
        }
        assertThat(expectedByKey.keySet()).containsExactlyElementsOf(byKey.keySet());
        byKey.forEach((k, v) -> assertThat(expectedByKey.get(k)).as(k).containsExactly(v));

        assertThat(byDay).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode row : expected.path("byDay")) {
            assertThat(values(row))
                    .as(row.path("day").asText())
                    .containsExactly(byDay.get(row.path("day").asText()));
        }
        long[] total = new long[FIELDS.size()];
        byDay.values().forEach(v -> add(total, v));
        assertThat(values(expected.path("totals"))).containsExactly(total);
        assertThat(total[1]).as("errors").isPositive();
        assertThat(total[6]).as("1h cache writes").isPositive();
    }

    @Test
    void shouldRoughlyHonourTheDuplicateAndLatePercentages() throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "6000",
                "--body-kb",
                "0.1",
                "--duplicates-pct",
                "10",
                "--late-pct",
                "5",
                "--errors-pct",
                "2",
                "--hours",
                "4");
        JsonNode counts = GeneratedLogs.expected(out).path("counts");

        assertThat(counts.path("duplicateLines").asDouble() / 6000).isBetween(0.085, 0.115);
        assertThat(counts.path("lateRecords").asDouble() / 6000).isBetween(0.04, 0.06);
        assertThat(counts.path("errorRecords").asDouble() / 6000).isBetween(0.014, 0.026);
    }

    @Test
    void shouldWriteNoDuplicatesOrLateRecordsWhenAskedForNone() throws Exception {
        GeneratedLogs.generate(
                out,
                "--invocations",
                "500",
                "--body-kb",
                "0.1",
                "--duplicates-pct",
                "0",
                "--late-pct",
                "0");

        List<GeneratedLogs.Line> lines = GeneratedLogs.lines(out);
        assertThat(lines).hasSize(500);
        assertThat(lines).noneMatch(ExpectedTotalsTest::isLate);
    }

    /** A record is late when the folder it sits in is a later hour than its own timestamp. */
    private static boolean isLate(GeneratedLogs.Line line) {
        String[] parts = line.file().toString().replace('\\', '/').split("/");
        String folderHour = parts[4] + "-" + parts[5] + "-" + parts[6] + "T" + parts[7];
        return folderHour.compareTo(line.json().path("timestamp").asText().substring(0, 13)) > 0;
    }

    /**
     * Usage as a consumer reads it: record-level counts, and the 1h split from whichever body
     * carries it.
     */
    private static long[] usageOf(JsonNode r) {
        JsonNode in = r.path("input");
        JsonNode outNode = r.path("output");
        return new long[] {
            1,
            r.has("errorCode") ? 1 : 0,
            in.path("inputTokenCount").asLong(0),
            outNode.path("outputTokenCount").asLong(0),
            in.path("cacheReadInputTokenCount").asLong(0),
            in.path("cacheWriteInputTokenCount").asLong(0),
            oneHourWrites(outNode.path("outputBodyJson"))
        };
    }

    private static long oneHourWrites(JsonNode body) {
        JsonNode usage =
                body.isArray() ? body.path(0).path("message").path("usage") : body.path("usage");
        if (usage.has("cache_creation")) {
            return usage.path("cache_creation").path("ephemeral_1h_input_tokens").asLong();
        }
        for (JsonNode detail : usage.path("cacheDetails")) {
            if (detail.path("ttl").asText().equals("1h")) {
                return detail.path("inputTokens").asLong();
            }
        }
        return 0;
    }

    private static long[] values(JsonNode row) {
        long[] v = new long[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            v[i] = row.path(FIELDS.get(i)).asLong();
        }
        return v;
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }
}
