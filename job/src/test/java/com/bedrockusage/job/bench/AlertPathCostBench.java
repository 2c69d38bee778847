package com.bedrockusage.job.bench;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.RuleSet;
import com.bedrockusage.job.alerts.delivery.AlertJson;
import com.bedrockusage.job.alerts.delivery.AlertJsonLinesSink;
import com.bedrockusage.job.alerts.delivery.AlertMessages;
import com.bedrockusage.job.alerts.delivery.AlertToRow;
import com.bedrockusage.job.alerts.delivery.NotSent;
import com.bedrockusage.job.alerts.delivery.SuppressedAlerts;
import com.bedrockusage.job.alerts.evaluate.RuleEvaluator;
import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.alerts.evaluate.RuleHitSerializer;
import com.bedrockusage.job.alerts.evaluate.RuleMatcher;
import com.bedrockusage.job.alerts.rules.RulesFile;
import com.bedrockusage.job.alerts.rules.RulesWatcher;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * The alert path alone, part by part, in CPU time of one thread (docs/benchmarks.md, "Alert path
 * cost"): the built-in rules over alert-heavy calls (many accounts, a slow model share, so the
 * per-account and per-model rules fire in many windows). Parts: the matcher (summing calls into
 * hits, batches flushed every {@code callsPerFlush} calls as the 100 ms timer would), the hits'
 * trip over the network (serialize and deserialize), the evaluator (keyed state, windows, firing),
 * and per alert the delivery formats (row of the alerts table, JSON line, console line, SNS
 * subject, body and attributes). Rounds repeat the whole path on fresh operators; the last rounds
 * count (the first are JIT warm-up).
 *
 * <p>{@code mvn -q -B -pl job -am -Pbench process-test-classes
 * -Dbench.main=com.bedrockusage.job.bench.AlertPathCostBench -Dbench.args="200000 300 250 5"}
 * (calls, accounts, calls per flush per subtask, rounds)
 */
public final class AlertPathCostBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long LATENESS = Duration.ofHours(1).toMillis();
    private static final String[] MODELS = {
        "anthropic.claude-3-haiku-20240307-v1:0",
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "amazon.nova-lite-v1:0",
        "amazon.nova-pro-v1:0",
        "meta.llama3-70b-instruct-v1:0",
        "acme.unknown-model-v1:0"
    };
    private static final String[] APPS = {"Chatbot", "Search", "Summarizer", "Agent", "Batch"};

    private AlertPathCostBench() {}

    public static void main(String[] args) throws Exception {
        int[] a = {200_000, 300, 250, 5};
        for (int i = 0; i < Math.min(args.length, a.length); i++) {
            a[i] = Integer.parseInt(args[i]);
        }
        int calls = a[0];
        int accounts = a[1];
        int callsPerFlush = a[2];
        int rounds = a[3];
        List<Invocation> workload = workload(calls, accounts, Duration.ofHours(4).toMillis());
        System.out.printf(
                "%,d calls over 4 h, %d accounts, a flush every %d calls; CPU ns per call%n",
                calls, accounts, callsPerFlush);
        System.out.println(
                "| round | hits per call | alerts | matcher (+copy) | hit copy | serialize+deserialize "
                        + "| evaluator | per alert: row+JSON+console+SNS | per alert µs |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int r = 1; r <= rounds; r++) {
            round(r, workload, callsPerFlush);
        }
    }

    private static void round(int round, List<Invocation> workload, int callsPerFlush)
            throws Exception {
        int n = workload.size();
        long t0 = cpu();
        List<RuleHit> hits = match(workload, callsPerFlush);
        long matcher = cpu() - t0;

        t0 = cpu();
        for (RuleHit h : hits) {
            RuleHitSerializer.INSTANCE.copy(h);
        }
        long copy = cpu() - t0;

        t0 = cpu();
        List<RuleHit> received = wireTrip(hits);
        long wire = cpu() - t0;

        t0 = cpu();
        List<Alert> alerts = evaluate(received, workload);
        long evaluator = cpu() - t0;

        t0 = cpu();
        long sink = deliver(alerts);
        long perAlert = cpu() - t0;

        System.out.printf(
                "| %d | %.2f | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f |  (checksum %d)%n",
                round,
                hits.size() / (double) n,
                alerts.size(),
                matcher / (double) n,
                copy / (double) n,
                wire / (double) n,
                evaluator / (double) n,
                perAlert / (double) n,
                alerts.isEmpty() ? 0 : perAlert / 1000.0 / alerts.size(),
                sink);
    }

    /** The matcher over all calls; the harness copies each hit (one serialize and deserialize). */
    private static List<RuleHit> match(List<Invocation> workload, int callsPerFlush)
            throws Exception {
        RuleSet rules = RulesWatcher.load(null, true);
        List<RuleHit> hits = new ArrayList<>();
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h =
                new OneInputStreamOperatorTestHarness<>(
                        new RuleMatcher(
                                rules,
                                ConfigKeys.ALERTS_APP_PATTERN.defaultValue(),
                                new RulesFile(null, true, 60_000, false)))) {
            h.open();
            long now = 0;
            for (int i = 0; i < workload.size(); i++) {
                Invocation inv = workload.get(i);
                h.processElement(inv, inv.eventTime);
                if ((i + 1) % callsPerFlush == 0) {
                    now += 100; // the flush timer's interval
                    h.setProcessingTime(now);
                    h.processWatermark(new Watermark(inv.eventTime - 60_000));
                    drain(h, hits);
                }
            }
            h.prepareSnapshotPreBarrier(1L);
            drain(h, hits);
        }
        return hits;
    }

    private static void drain(
            OneInputStreamOperatorTestHarness<Invocation, RuleHit> h, List<RuleHit> to) {
        Object o;
        while ((o = h.getOutput().poll()) != null) {
            if (o instanceof StreamRecord) {
                @SuppressWarnings("unchecked")
                StreamRecord<RuleHit> r = (StreamRecord<RuleHit>) o;
                to.add(r.getValue());
            }
        }
    }

    private static List<RuleHit> wireTrip(List<RuleHit> hits) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(4096);
        DataInputDeserializer in = new DataInputDeserializer();
        List<RuleHit> received = new ArrayList<>(hits.size());
        for (RuleHit h : hits) {
            out.clear();
            RuleHitSerializer.INSTANCE.serialize(h, out);
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            received.add(RuleHitSerializer.INSTANCE.deserialize(in));
        }
        return received;
    }

    private static List<Alert> evaluate(List<RuleHit> hits, List<Invocation> workload)
            throws Exception {
        List<Alert> alerts = new ArrayList<>();
        try (KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new RuleEvaluator(LATENESS)),
                        hit -> hit.key,
                        Types.STRING)) {
            h.open();
            long lastWatermark = Long.MIN_VALUE;
            for (RuleHit hit : hits) {
                h.processElement(hit, hit.eventTime);
                long wm = hit.eventTime - 60_000;
                if (wm - lastWatermark > 60_000) {
                    h.processWatermark(new Watermark(wm));
                    lastWatermark = wm;
                }
            }
            alerts.addAll(h.extractOutputValues());
        }
        return alerts;
    }

    /** Every format an alert is turned into; returns a checksum so nothing is optimized away. */
    private static long deliver(List<Alert> alerts) {
        NotSent notSent = new NotSent(new SuppressedAlerts(Duration.ZERO));
        AlertToRow toRow = new AlertToRow();
        long sum = 0;
        for (Alert a : alerts) {
            DeliveredAlert d = notSent.map(a);
            sum += toRow.map(d).getArity();
            sum += AlertJson.line(d).length();
            sum += AlertJsonLinesSink.summary(d).length();
            sum += AlertMessages.subject(a).length();
            sum += AlertMessages.body(a).length();
            sum += AlertMessages.attributes(a).size();
        }
        return sum;
    }

    /**
     * Calls in event-time order, from {@code accounts} accounts with 3-12 callers each, 6 models
     * (one without a price), 1 % errors and 40 % slow generations (100-400 ms a token), so the
     * per-account token rule and the per-model latency and unpriced rules fire in many windows.
     * Strings are fresh per call, as the parser makes them.
     */
    static List<Invocation> workload(int calls, int accounts, long span) {
        SplittableRandom rng = new SplittableRandom(42);
        String[][] callers = new String[accounts][];
        String[] ids = new String[accounts];
        for (int a = 0; a < accounts; a++) {
            ids[a] = Long.toString(100_000_000_000L + rng.nextLong(900_000_000_000L));
            callers[a] = new String[3 + rng.nextInt(10)];
            for (int c = 0; c < callers[a].length; c++) {
                callers[a][c] =
                        "arn:aws:sts::"
                                + ids[a]
                                + ":assumed-role/"
                                + APPS[rng.nextInt(APPS.length)]
                                + "-BedrockRole/session-"
                                + Long.toHexString(0x1000_0000L + rng.nextLong(0xEFFF_FFFFL));
            }
        }
        List<Invocation> out = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            int a = rng.nextInt(accounts);
            Invocation inv = new Invocation();
            inv.requestId = "req-" + i;
            inv.eventTime = START + span * i / calls;
            inv.accountId = new String(ids[a]);
            inv.region = "us-east-1";
            inv.callerArn = new String(callers[a][rng.nextInt(callers[a].length)]);
            inv.operation = "Converse";
            int m = rng.nextInt(100) == 0 ? MODELS.length - 1 : rng.nextInt(MODELS.length - 1);
            inv.modelId = new String(MODELS[m]);
            inv.inputTokens = 500 + rng.nextInt(3000);
            inv.outputTokens = 50 + rng.nextInt(1500);
            long perToken = rng.nextInt(100) < 40 ? 100 + rng.nextInt(300) : 5 + rng.nextInt(25);
            inv.latencyMs = 150 + perToken * inv.outputTokens;
            if (rng.nextInt(100) == 0) {
                inv.errorCode = "ThrottlingException";
                inv.outputTokens = 0;
            }
            inv.source = Invocation.SOURCE_S3;
            if (m == MODELS.length - 1) {
                inv.priced = false;
            } else {
                inv.model = inv.modelId;
                inv.priced = true;
                inv.costUsd = BigDecimal.valueOf(inv.inputTokens * 3 + inv.outputTokens * 15L, 6);
            }
            out.add(inv);
        }
        return out;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
