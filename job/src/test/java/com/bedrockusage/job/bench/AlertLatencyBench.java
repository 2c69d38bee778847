package com.bedrockusage.job.bench;

import com.bedrockusage.job.alerts.AlertsPipeline;
import com.bedrockusage.job.alerts.AlertsSettings;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.LoopbackSns;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * Latency from a call entering the source to the SNS Publish of the alert it triggers, on a local
 * MiniCluster (parallelism 2, checkpoints every 10 s) against the loopback SNS server.
 *
 * <p>The source emits calls in real time; a share of them come from callers never seen before, and
 * a rule fires on each new caller's first call ({@code invocations >= 1} per caller per hour), so
 * every such call has exactly one alert. The five default rules run too, over every call. The first
 * {@code warm-up} seconds (job start, first SNS connection, JIT) are not measured. Arguments:
 * seconds, new callers per second, calls per second, warm-up seconds (default 30 20 400 10).
 *
 * <pre>mvn -B -o -pl job -am test-compile -Palert-bench</pre>
 */
public final class AlertLatencyBench {

    static final Map<String, Long> EMITTED_MILLIS = new ConcurrentHashMap<>();
    private static final String RULE = "bench-first-call";

    private AlertLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int alertsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int callsPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;

        Path dir = Files.createTempDirectory("alert-bench");
        Path rules =
                Files.write(
                        dir.resolve("rules.json"),
                        ("{\"rules\": [{\"id\": \""
                                        + RULE
                                        + "\", \"metric\": \"invocations\","
                                        + " \"scope\": \"caller\", \"window\": \"1h\", \"threshold\": 1, \"arn_contains\": \"bench-new-\"}]}")
                                .getBytes(StandardCharsets.UTF_8));
        List<Long> toPublish = Collections.synchronizedList(new ArrayList<>());
        List<Long> toFire = Collections.synchronizedList(new ArrayList<>());
        AtomicLong otherAlerts = new AtomicLong();

        try (LoopbackSns sns = LoopbackSns.alwaysOk()) {
            sns.onRequest(
                    r -> {
                        if (!RULE.equals(r.attributes.get("rule"))) {
                            otherAlerts.incrementAndGet();
                            return;
                        }
                        Long emitted = EMITTED_MILLIS.get(r.attributes.get("scope_key"));
                        if (emitted != null) {
                            toPublish.add(r.receivedMillis - emitted);
                            toFire.add(firedAt(r.message()) - emitted);
                        }
                    });
            SnsSettings snsSettings =
                    new SnsSettings(
                            LoopbackSns.TOPIC_ARN,
                            "us-east-1",
                            sns.endpoint(),
                            8,
                            6,
                            Duration.ofSeconds(10),
                            Duration.ofMillis(200),
                            Duration.ofSeconds(20));
            AlertsSettings settings =
                    new AlertsSettings(
                            rules.toString(),
                            true,
                            Duration.ofSeconds(30),
                            false,
                            ConfigKeys.ALERTS_APP_PATTERN.defaultValue(),
                            Duration.ofHours(6),
                            snsSettings,
                            null,
                            Duration.ZERO,
                            10_000);

            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.getConfig().disableGenericTypes();
            env.getConfig().disableAutoGeneratedUIDs();
            env.enableCheckpointing(10_000);
            @SuppressWarnings("deprecation")
            DataStream<Invocation> calls =
                    env.addSource(
                                    new RealTimeCalls(
                                            warmUp, seconds, alertsPerSecond, callsPerSecond),
                                    "bench calls",
                                    TypeInformation.of(Invocation.class))
                            .setParallelism(1)
                            .uid("bench-source")
                            .assignTimestampsAndWatermarks(
                                    WatermarkStrategy.<Invocation>forBoundedOutOfOrderness(
                                                    Duration.ofSeconds(5))
                                            .withTimestampAssigner((inv, ts) -> inv.eventTime))
                            .setParallelism(1)
                            .uid("bench-watermarks");
            AlertsPipeline.apply(calls, settings)
                    .sinkTo(new DiscardingSink<DeliveredAlert>())
                    .uid("bench-discard");
            long start = System.nanoTime();
            env.execute("alert-latency-bench");
            long wall = System.nanoTime() - start;
            report(
                    toPublish,
                    toFire,
                    seconds * alertsPerSecond,
                    seconds,
                    alertsPerSecond,
                    callsPerSecond,
                    otherAlerts.get(),
                    wall);
            System.out.println("load average at the end: " + loadAverage() + " (2 cores)");
        }
    }

    /** The "Fired at:" line of the body (the evaluator's clock when the rule crossed). */
    private static long firedAt(String body) {
        for (String line : body.split("\n")) {
            if (line.startsWith("Fired at:")) {
                return java.time.Instant.parse(line.substring("Fired at:".length()).trim())
                        .toEpochMilli();
            }
        }
        throw new IllegalStateException("no Fired at line in " + body);
    }

    private static void report(
            List<Long> toPublish,
            List<Long> toFire,
            int expected,
            int seconds,
            int alertsPerSecond,
            int callsPerSecond,
            long otherAlerts,
            long wallNanos) {
        List<Long> sorted = new ArrayList<>(toPublish);
        Collections.sort(sorted);
        List<Long> fired = new ArrayList<>(toFire);
        Collections.sort(fired);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Alert latency bench: %d s at %d calls/s, %d new callers/s (each one alert); "
                        + "job wall time %.1f s%n",
                seconds,
                callsPerSecond,
                alertsPerSecond,
                wallNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "alerts measured: %d of %d expected (+%d from the default rules)%n",
                sorted.size(),
                expected,
                otherAlerts);
        if (sorted.isEmpty()) {
            System.out.println("no alert reached the loopback SNS");
            System.exit(1);
        }
        double p99 = ms(sorted, 0.99);
        System.out.printf(
                Locale.ROOT,
                "| from a call entering the source to | alerts | p50 ms | p90 ms | p99 ms | max ms |%n"
                        + "|---|---|---|---|---|---|%n");
        row("the rule firing (evaluator)", fired);
        row("its SNS Publish call arriving", sorted);
        System.out.println(p99 < 2000 ? "target p99 < 2 s: met" : "target p99 < 2 s: MISSED");
    }

    private static String loadAverage() {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc/loadavg")), StandardCharsets.US_ASCII)
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void row(String label, List<Long> sorted) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n",
                label,
                sorted.size(),
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99),
                ms(sorted, 1.0));
    }

    private static double ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** Emits calls at a steady rate in real time, with event time = wall-clock time. */
    @SuppressWarnings("deprecation")
    static final class RealTimeCalls implements SourceFunction<Invocation> {

        private static final long serialVersionUID = 1L;
        private final int warmUp;
        private final int seconds;
        private final int alertsPerSecond;
        private final int callsPerSecond;
        private volatile boolean running = true;

        RealTimeCalls(int warmUp, int seconds, int alertsPerSecond, int callsPerSecond) {
            this.warmUp = warmUp;
            this.seconds = seconds;
            this.alertsPerSecond = alertsPerSecond;
            this.callsPerSecond = callsPerSecond;
        }

        @Override
        public void run(SourceContext<Invocation> ctx) throws Exception {
            long warmUpCalls = (long) warmUp * callsPerSecond;
            long total = warmUpCalls + (long) seconds * callsPerSecond;
            long every = Math.max(1, callsPerSecond / alertsPerSecond);
            long periodNanos = 1_000_000_000L / callsPerSecond;
            long start = System.nanoTime();
            int newCallers = 0;
            int warmUpCallers = 0;
            for (long i = 0; i < total && running; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                boolean warming = i < warmUpCalls;
                boolean fresh =
                        i % every == 0 && !warming && newCallers < (long) seconds * alertsPerSecond;
                String caller =
                        fresh
                                ? "arn:aws:sts::111122223333:assumed-role/BenchApp-BedrockRole/bench-new-"
                                        + (newCallers++)
                                : warming && i % every == 0
                                        ? "arn:aws:sts::111122223333:assumed-role/BenchApp-BedrockRole/bench-new-warm-up-"
                                                + (warmUpCallers++)
                                        : "arn:aws:sts::111122223333:assumed-role/BenchApp-BedrockRole/steady-"
                                                + (i % 50);
                Invocation inv = call(i, caller);
                synchronized (ctx.getCheckpointLock()) {
                    if (fresh) {
                        EMITTED_MILLIS.put(caller, System.currentTimeMillis());
                    }
                    ctx.collect(inv);
                }
            }
            // let the last alerts out before the job ends
            Thread.sleep(2000);
        }

        private static Invocation call(long i, String caller) {
            Invocation inv = new Invocation();
            inv.requestId = "bench-" + i;
            inv.eventTime = System.currentTimeMillis();
            inv.accountId = "111122223333";
            inv.region = "us-east-1";
            inv.callerArn = caller;
            inv.operation = "Converse";
            inv.modelId = "anthropic.claude-3-haiku-20240307-v1:0";
            inv.model = inv.modelId;
            inv.inputTokens = 50;
            inv.outputTokens = 20;
            inv.latencyMs = 400L;
            inv.priced = true;
            inv.costUsd = new BigDecimal("0.0000375");
            inv.source = Invocation.SOURCE_KINESIS;
            return inv;
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
