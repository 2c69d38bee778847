package com.bedrockusage.local.cluster;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.data.Record;

/**
 * {@code e2e-check q-developer --truth FILE}: until {@code q_developer_usage_daily} equals the
 * generator's {@code expected-q-developer.json} exactly (events by kind, estimated tokens, reported
 * transformation lines per user and day), or the timeout passes.
 */
public final class QDeveloperCheck {

    static final String[] COLUMNS = {
        "chat_events",
        "inline_events",
        "dev_events",
        "input_tokens",
        "output_tokens",
        "transformation_lines"
    };

    private QDeveloperCheck() {}

    static int check(
            TableTotals tables, Path truthFile, Duration timeout, PrintStream out, PrintStream err)
            throws IOException {
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        do {
            problems = compare(truth, tables.rows(QDeveloperTables.DAILY));
            if (problems.isEmpty()) {
                out.printf(
                        "e2e-check: OK: q_developer_usage_daily equals %s (%d user-days)%n",
                        truthFile, truth.get("user_days").size());
                return 0;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        } while (System.nanoTime() < deadline);
        err.println("e2e-check: q_developer_usage_daily differs from " + truthFile + ":");
        problems.stream().limit(20).forEach(p -> err.println("  " + p));
        return 1;
    }

    /**
     * The differences between {@code q_developer_usage_daily} and the generator's truth file, empty
     * when they are equal.
     */
    public static List<String> compare(JsonNode truth, List<Record> daily) {
        Map<String, long[]> expected = new TreeMap<>();
        for (JsonNode d : truth.get("user_days")) {
            long[] v = new long[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                v[i] = d.get(COLUMNS[i]).asLong();
            }
            expected.put(
                    d.get("account_id").asText()
                            + "|"
                            + d.get("user_id").asText()
                            + "|"
                            + d.get("day").asText(),
                    v);
        }
        Map<String, long[]> actual = new TreeMap<>();
        for (Record r : daily) {
            long[] v = new long[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                Object x = r.getField(COLUMNS[i]);
                v[i] = x == null ? 0 : (Long) x;
            }
            String day =
                    ((OffsetDateTime) r.getField("day_start"))
                            .toInstant()
                            .toString()
                            .substring(0, 10);
            actual.put(r.getField("account_id") + "|" + r.getField("user_id") + "|" + day, v);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            long[] a = actual.get(e.getKey());
            if (a == null) {
                problems.add(e.getKey() + ": missing");
                continue;
            }
            for (int i = 0; i < COLUMNS.length; i++) {
                if (a[i] != e.getValue()[i]) {
                    problems.add(
                            e.getKey()
                                    + " "
                                    + COLUMNS[i]
                                    + ": expected "
                                    + e.getValue()[i]
                                    + ", got "
                                    + a[i]);
                }
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k)) {
                problems.add(k + ": not fed");
            }
        }
        return problems;
    }
}
