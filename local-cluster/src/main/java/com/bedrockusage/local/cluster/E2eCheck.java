package com.bedrockusage.local.cluster;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.usage.CallerKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The checks of {@code local-cluster/bin/e2e}, against the cluster's warehouse and REST API:
 *
 * <ul>
 *   <li>{@code wait-committed --truth F...}: until {@code invocations} holds every fed unique call
 *       (and no more);
 *   <li>{@code wait-watermark --job ID --at ISO}: until every window operator has its input
 *       watermark there;
 *   <li>{@code check --truth F... --closed-before ISO}: until the tables equal the truth exactly:
 *       {@code invocations} for every day fed, {@code usage_daily}, {@code usage_hourly} and {@code
 *       usage_minute} for the days that ended before the instant (their windows have fired), per
 *       day/account/region/caller/model — counts, tokens and cost to the last decimal.
 * </ul>
 *
 * Each waits up to {@code --timeout} (default 120s) and exits 1 with a report of what differs.
 */
public final class E2eCheck {

    private E2eCheck() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            out.println(
                    "Usage: e2e-check wait-committed|wait-watermark|check|q-developer [--truth FILE ...] [--job ID] [--at ISO]"
                            + " [--closed-before ISO] [--timeout D]");
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<Path> truths = new ArrayList<>();
        String job = null;
        Instant at = null;
        Duration timeout = Duration.ofMinutes(2);
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[++i] : null;
                if (v == null) {
                    throw new UsageException(a + " needs a value");
                }
                switch (a) {
                    case "--truth" -> truths.add(Path.of(v));
                    case "--job" -> job = v;
                    case "--at", "--closed-before" -> at = Instant.parse(v);
                    case "--timeout" -> timeout = FeedOptions.duration(a, v);
                    default -> throw new UsageException("unknown option '" + a + "'");
                }
            }
            ClusterState cluster = ClusterState.load();
            switch (command) {
                case "wait-committed":
                    return waitCommitted(
                            cluster, GroundTruth.read(require(truths)), timeout, out, err);
                case "wait-watermark":
                    if (job == null || at == null) {
                        throw new UsageException("wait-watermark needs --job ID --at ISO");
                    }
                    return waitWatermark(
                            new FlinkRest(cluster.restUrl()), job, at, timeout, out, err);
                case "q-developer":
                    return QDeveloperCheck.check(
                            new TableTotals(cluster.warehouse()),
                            require(truths).get(0),
                            timeout,
                            out,
                            err);
                case "check":
                    if (at == null) {
                        throw new UsageException("check needs --closed-before ISO");
                    }
                    return check(cluster, GroundTruth.read(require(truths)), at, timeout, out, err);
                default:
                    throw new UsageException("unknown command '" + command + "'");
            }
        } catch (UsageException e) {
            err.println("e2e-check: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("e2e-check: " + e);
            return 1;
        }
    }

    private static List<Path> require(List<Path> truths) throws UsageException {
        if (truths.isEmpty()) {
            throw new UsageException("give the feed's ground truth with --truth FILE");
        }
        return truths;
    }

    static int waitCommitted(
            ClusterState cluster,
            GroundTruth truth,
            Duration timeout,
            PrintStream out,
            PrintStream err)
            throws IOException {
        TableTotals tables = new TableTotals(cluster.warehouse());
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = -1;
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            rows = tables.count(Tables.INVOCATIONS);
            if (rows < truth.uniqueRecords && System.nanoTime() - lastReport > 15_000_000_000L) {
                out.printf(
                        "e2e-check: invocations holds %d of %d fed calls so far%n",
                        rows, truth.uniqueRecords);
                lastReport = System.nanoTime();
            }
            if (rows > truth.uniqueRecords) {
                err.printf(
                        "e2e-check: invocations holds %d rows but only %d unique calls were fed: duplicates%n",
                        rows, truth.uniqueRecords);
                return 1;
            }
            if (rows == truth.uniqueRecords) {
                out.printf("e2e-check: invocations holds all %d fed calls%n", rows);
                return 0;
            }
            FlinkRest.sleep(2000);
        }
        err.printf(
                "e2e-check: invocations holds %d of %d fed calls after %d s%n",
                rows, truth.uniqueRecords, timeout.toSeconds());
        return 1;
    }

    static int waitWatermark(
            FlinkRest rest,
            String job,
            Instant at,
            Duration timeout,
            PrintStream out,
            PrintStream err)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> marks = Map.of();
        while (System.nanoTime() < deadline) {
            String state = rest.jobState(job);
            if (!state.equals("RUNNING")) {
                err.println(
                        "e2e-check: job "
                                + job
                                + " is "
                                + state
                                + ": "
                                + FlinkRest.causes(rest.rootException(job)));
                return 1;
            }
            marks = rest.inputWatermarks(job);
            if (windowsPassed(marks, at.toEpochMilli())) {
                out.println("e2e-check: watermark passed " + at + " everywhere");
                return 0;
            }
            FlinkRest.sleep(2000);
        }
        err.println(
                "e2e-check: the watermark did not pass "
                        + at
                        + " within "
                        + timeout.toSeconds()
                        + " s:");
        marks.forEach(
                (vertex, w) ->
                        err.printf(
                                "  %-28s %s%n",
                                w == Long.MIN_VALUE ? "(none)" : Instant.ofEpochMilli(w),
                                vertex.length() > 100 ? vertex.substring(0, 100) + "..." : vertex));
        err.println("sources:");
        rest.sourceWatermarks(job).forEach(s -> err.println("  " + s));
        return 1;
    }

    /**
     * True when every window operator has its input watermark at or past {@code at}: then every
     * window ending by then has fired. Without window operators (another job), every operator that
     * reports a watermark counts.
     */
    static boolean windowsPassed(Map<String, Long> inputWatermarks, long at) {
        List<Long> windows = new ArrayList<>();
        inputWatermarks.forEach(
                (vertex, w) -> {
                    if (vertex.contains("Window(")) {
                        windows.add(w);
                    }
                });
        if (windows.isEmpty()) {
            inputWatermarks.values().stream()
                    .filter(w -> w != Long.MIN_VALUE)
                    .forEach(windows::add);
        }
        return !windows.isEmpty() && windows.stream().allMatch(w -> w >= at);
    }

    static int check(
            ClusterState cluster,
            GroundTruth truth,
            Instant closedBefore,
            Duration timeout,
            PrintStream out,
            PrintStream err)
            throws IOException {
        TableTotals tables = new TableTotals(cluster.warehouse());
        Predicate<LocalDate> closed =
                day ->
                        !day.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .isAfter(closedBefore);
        Map<UsageKey, UsageTotals> expectedClosed = new TreeMap<>();
        truth.byKey.forEach(
                (k, u) -> {
                    if (closed.test(k.day())) {
                        expectedClosed.put(k, u);
                    }
                });
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        while (true) {
            problems = new ArrayList<>();
            TableTotals.Invocations inv = tables.invocations();
            if (inv.rows != inv.distinctRequestIds) {
                problems.add(
                        "invocations: "
                                + inv.rows
                                + " rows but "
                                + inv.distinctRequestIds
                                + " distinct request ids");
            }
            if (inv.rows != truth.uniqueRecords) {
                problems.add(
                        "invocations: "
                                + inv.rows
                                + " rows, fed "
                                + truth.uniqueRecords
                                + " unique calls");
            }
            problems.addAll(compare(Tables.INVOCATIONS, truth.byKey, inv.byKey));
            // Usage rows hold the caller as pipeline.caller-key says (the role, or the ARN with its
            // session): compare
            // per principal, which holds under either setting.
            for (String table :
                    List.of(Tables.USAGE_DAILY, Tables.USAGE_HOURLY, Tables.USAGE_MINUTE)) {
                problems.addAll(
                        compare(
                                table,
                                byPrincipal(expectedClosed),
                                byPrincipal(tables.usage(table, closed))));
            }
            if (problems.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            FlinkRest.sleep(3000);
        }
        long late = tables.count(Tables.LATE_INVOCATIONS);
        long rejected = tables.count(Tables.REJECTED_RECORDS);
        TreeSet<LocalDate> closedDays = new TreeSet<>();
        expectedClosed.keySet().forEach(k -> closedDays.add(k.day()));
        if (!problems.isEmpty()) {
            err.println(
                    "e2e-check: MISMATCH ("
                            + problems.size()
                            + " differences; late_invocations="
                            + late
                            + ", rejected_records="
                            + rejected
                            + "):");
            summary(err, Tables.INVOCATIONS, truth.byKey, tables.invocations().byKey);
            for (String table :
                    List.of(Tables.USAGE_DAILY, Tables.USAGE_HOURLY, Tables.USAGE_MINUTE)) {
                summary(err, table, expectedClosed, tables.usage(table, closed));
            }
            if (late > 0) {
                err.println(
                        "  hint: "
                                + late
                                + " calls reached their windows after the watermark had passed them"
                                + " (late_invocations); the job's watermark ran ahead of the data");
            }
            problems.stream().limit(40).forEach(p -> err.println("  " + p));
            if (problems.size() > 40) {
                err.println("  ... and " + (problems.size() - 40) + " more");
            }
            return 1;
        }
        UsageTotals all = new UsageTotals();
        truth.byKey.values().forEach(all::add);
        out.printf(
                Locale.ROOT,
                "e2e-check: OK: invocations (%d calls, %d keys) and usage_daily/hourly/minute for %s"
                        + " match the fed truth exactly (input %d, output %d, cache read %d, cache write %d tokens;"
                        + " cost %s USD; %d unpriced); late_invocations=%d rejected_records=%d%n",
                truth.uniqueRecords,
                truth.byKey.size(),
                closedDays,
                all.inputTokens,
                all.outputTokens,
                all.cacheReadTokens,
                all.cacheWriteTokens,
                all.costUsd.stripTrailingZeros().toPlainString(),
                all.unpricedInvocations,
                late,
                rejected);
        return 0;
    }

    /** One line per table: how many keys differ and the grand totals on both sides. */
    private static void summary(
            PrintStream err,
            String table,
            Map<UsageKey, UsageTotals> expected,
            Map<UsageKey, UsageTotals> actual) {
        UsageTotals e = new UsageTotals();
        expected.values().forEach(e::add);
        UsageTotals a = new UsageTotals();
        actual.values().forEach(a::add);
        int differing = compare(table, expected, actual).size();
        err.printf(
                "  %-14s %s%n",
                table,
                differing == 0
                        ? "matches"
                        : differing + " keys differ; expected " + e + " | actual " + a);
    }

    /** Differences between expected and actual totals per key, as readable lines. */
    /**
     * The totals merged per key with the caller reduced to its principal ({@link
     * CallerKey#PRINCIPAL}).
     */
    static Map<UsageKey, UsageTotals> byPrincipal(Map<UsageKey, UsageTotals> totals) {
        Map<UsageKey, UsageTotals> out = new TreeMap<>();
        totals.forEach(
                (k, u) ->
                        out.computeIfAbsent(
                                        new UsageKey(
                                                k.day(),
                                                k.accountId(),
                                                k.region(),
                                                CallerKey.PRINCIPAL.of(k.callerArn()),
                                                k.modelId()),
                                        x -> new UsageTotals())
                                .add(u));
        return out;
    }

    static List<String> compare(
            String table, Map<UsageKey, UsageTotals> expected, Map<UsageKey, UsageTotals> actual) {
        List<String> out = new ArrayList<>();
        TreeSet<UsageKey> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (UsageKey k : keys) {
            UsageTotals e = expected.get(k);
            UsageTotals a = actual.get(k);
            if (e == null) {
                out.add(table + ": unexpected " + k + ": " + a);
            } else if (a == null) {
                out.add(table + ": missing " + k + ": expected " + e);
            } else {
                List<String> d = e.differences(a);
                if (!d.isEmpty()) {
                    out.add(table + ": " + k + ": " + String.join(", ", d));
                }
            }
        }
        return out;
    }
}
