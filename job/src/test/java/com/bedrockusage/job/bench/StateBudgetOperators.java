package com.bedrockusage.job.bench;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.pricing.SeenRequestIds;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import com.bedrockusage.job.usage.DailyInput;
import com.bedrockusage.job.usage.DailyTotals;
import com.bedrockusage.job.usage.UsageAccumulator;
import com.bedrockusage.job.usage.UsageRow;
import com.bedrockusage.job.usage.UsageWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * Runs each stateful keyed operator of the metering path in a harness on RocksDB, fills it to its
 * steady-state size for a {@link StateBudgetWorkload}, and takes two checkpoints: the first (full:
 * every SST file is new) and one after a minute more of calls (incremental: only new SST files).
 * State entries are counted by the bench itself: requestIds for dedup, live (key, window) pairs for
 * the windows, (key, day) totals for the daily totals.
 */
final class StateBudgetOperators {

    /**
     * What one operator's state came to (its line of the bench's table is printed when it is
     * measured).
     */
    static final class Measured {
        String operator;
        long entries;

        /** The full checkpoint's bytes over the entries. */
        double bytesPerEntry;
    }

    /**
     * The watermark is this far behind the newest call: the job's default {@code
     * pipeline.max-out-of-orderness}.
     */
    private static final long OUT_OF_ORDERNESS = Duration.ofMinutes(2).toMillis();

    private static final OutputTag<Invocation> LATE =
            new OutputTag<>("late", TypeInformation.of(Invocation.class));

    private StateBudgetOperators() {}

    static List<Measured> measureAll(StateBudgetWorkload w, Path work) throws Exception {
        // each operator gets the workload's stream from its start (same seed), so the windows'
        // count can replay it
        List<Measured> all = new ArrayList<>();
        all.add(dedup(new StateBudgetWorkload(w.scale), work));
        all.add(window(new StateBudgetWorkload(w.scale), work, Duration.ofMinutes(1)));
        all.add(window(new StateBudgetWorkload(w.scale), work, Duration.ofHours(1)));
        all.add(window(new StateBudgetWorkload(w.scale), work, Duration.ofDays(1)));
        all.add(dailyTotals(new StateBudgetWorkload(w.scale), work));
        return all;
    }

    /**
     * 48 h of calls through {@link SeenRequestIds}, keyed by usage key as in {@code DedupAndPrice}.
     */
    private static Measured dedup(StateBudgetWorkload w, Path work) throws Exception {
        long calls = w.calls(StateBudgetWorkload.DEDUP_TTL);
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<String, Invocation, Invocation>(
                        new KeyedProcessOperator<>(new Dedup(StateBudgetWorkload.DEDUP_TTL)),
                        inv -> inv.usageKey,
                        Utf8StringTypeInfo.INSTANCE);
        return run("dedup (48 h of requestIds)", w, work, harness, calls, calls);
    }

    /**
     * The window operator exactly as {@link UsageWindows#apply} builds it, fed until its state is
     * at its peak.
     */
    private static Measured window(StateBudgetWorkload w, Path work, Duration size)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        KeyedStream<Invocation, String> in =
                UsageWindows.byUsageKey(
                        env.fromData(
                                TypeInformation.of(Invocation.class),
                                new StateBudgetWorkload(w.scale).call(0)));
        boolean daily = size.equals(Duration.ofDays(1));
        SingleOutputStreamOperator<UsageRow> rows =
                UsageWindows.apply(
                        in, size, StateBudgetWorkload.ALLOWED_LATENESS, LATE, "bench", daily);
        @SuppressWarnings("unchecked")
        var transformation =
                (OneInputTransformation<Invocation, UsageRow>) rows.getTransformation();
        @SuppressWarnings("unchecked")
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow>(
                        transformation.getOperatorFactory(),
                        (KeySelector<Invocation, String>) transformation.getStateKeySelector(),
                        Utf8StringTypeInfo.INSTANCE);
        // the day window peaks just before the previous day's windows are cleared (6 h after
        // midnight)
        long hours = daily ? 24 + StateBudgetWorkload.ALLOWED_LATENESS.toHours() : 30;
        long calls = w.calls(Duration.ofHours(hours));
        long lastWatermark = w.eventTime(calls - 1) - OUT_OF_ORDERNESS;
        long entries = liveWindows(w, calls, size.toMillis(), lastWatermark);
        return run("window " + UsageWindows.granularity(size), w, work, harness, calls, entries);
    }

    /**
     * Counts the (key, window) pairs whose state the window operator still holds at the watermark:
     * every window until its end plus the allowed lateness. Replays the workload's random stream
     * (same seed) without a harness.
     */
    private static long liveWindows(StateBudgetWorkload w, long calls, long size, long watermark) {
        StateBudgetWorkload replay = new StateBudgetWorkload(w.scale);
        long lateness = StateBudgetWorkload.ALLOWED_LATENESS.toMillis();
        Set<String> live = new HashSet<>();
        for (long n = 0; n < calls; n++) {
            Invocation inv = replay.call(n);
            long start = inv.eventTime - Math.floorMod(inv.eventTime, size);
            if (start + size - 1 + lateness > watermark) {
                live.add(inv.usageKey + '|' + start);
            }
        }
        return live.size();
    }

    /**
     * Daily rows of every key for the retention plus the current day, through {@link DailyTotals}.
     */
    private static Measured dailyTotals(StateBudgetWorkload w, Path work) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<String, DailyInput, UsageRow>(
                        new KeyedProcessOperator<>(
                                new DailyTotals(
                                        Duration.ofDays(1), StateBudgetWorkload.DAILY_RETENTION)),
                        new DailyInput.Selector(),
                        Utf8StringTypeInfo.INSTANCE);
        configure(harness, work);
        harness.open();
        int days = (int) StateBudgetWorkload.DAILY_RETENTION.toDays() + 1;
        for (int d = 0; d < days; d++) {
            sendDay(w, harness, d);
        }
        long entries = (long) days * w.keysPerDay;
        return checkpoints(
                "daily totals (35 days + today)",
                w,
                work,
                harness,
                entries,
                () -> sendDay(w, harness, days));
    }

    private static void sendDay(
            StateBudgetWorkload w,
            KeyedOneInputStreamOperatorTestHarness<String, DailyInput, UsageRow> harness,
            int day)
            throws Exception {
        long dayStart = StateBudgetWorkload.START + day * StateBudgetWorkload.DAY;
        for (int k = 0; k < w.keysPerDay; k++) {
            UsageAccumulator acc = new UsageAccumulator();
            for (int c = 0; c < w.callsPerKeyPerDay(); c++) {
                acc.add(w.callOfKey(k, dayStart + c));
            }
            UsageRow row = UsageRow.of(w.key(k), dayStart, "day", acc, true);
            harness.processElement(new StreamRecord<>(DailyInput.ofRow(row), dayStart));
            if (k % 10_000 == 0) {
                harness.getOutput().clear();
            }
        }
        // the end of the day: the first day's totals are cleared only when the next day ends (35
        // days + today kept)
        harness.processWatermark(new Watermark(dayStart + StateBudgetWorkload.DAY - 1));
        harness.getOutput().clear();
    }

    /**
     * Feeds {@code calls} calls of the workload, then checkpoints, then feeds one minute more and
     * checkpoints.
     */
    private static Measured run(
            String name,
            StateBudgetWorkload w,
            Path work,
            KeyedOneInputStreamOperatorTestHarness<String, Invocation, ?> harness,
            long calls,
            long entries)
            throws Exception {
        configure(harness, work);
        harness.open();
        long[] next = {0};
        long perMinute = Math.max(1, w.calls(Duration.ofMinutes(1)));
        Feeder feed =
                until -> {
                    for (; next[0] < until; next[0]++) {
                        Invocation inv = w.call(next[0]);
                        harness.processElement(new StreamRecord<>(inv, inv.eventTime));
                        if ((next[0] + 1) % perMinute == 0) {
                            harness.processWatermark(
                                    new Watermark(inv.eventTime - OUT_OF_ORDERNESS));
                            harness.getOutput().clear();
                        }
                    }
                };
        feed.until(calls);
        return checkpoints(name, w, work, harness, entries, () -> feed.until(calls + perMinute));
    }

    private interface Feeder {
        void until(long calls) throws Exception;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Measured checkpoints(
            String name,
            StateBudgetWorkload w,
            Path work,
            KeyedOneInputStreamOperatorTestHarness<String, ?, ?> harness,
            long entries,
            Step between)
            throws Exception {
        long t0 = System.nanoTime();
        OperatorSubtaskState full = harness.snapshot(1, 1);
        long fullMillis = (System.nanoTime() - t0) / 1_000_000;
        harness.notifyOfCompletedCheckpoint(1);
        long localBytes = size(work.resolve("rocksdb"));
        between.run();
        t0 = System.nanoTime();
        OperatorSubtaskState next = harness.snapshot(2, 2);
        long nextMillis = (System.nanoTime() - t0) / 1_000_000;
        harness.close();
        deleteAll(work);
        long fullBytes = full.getStateSize();
        System.out.printf(
                "| %s | %s | %,d | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |%n",
                w.scale,
                name,
                entries,
                mb(localBytes),
                (double) fullBytes / entries,
                mb(fullBytes),
                fullMillis / 1e3,
                mb(next.getCheckpointedSize()),
                nextMillis / 1e3);
        Measured measured = new Measured();
        measured.operator = name;
        measured.entries = entries;
        measured.bytesPerEntry = (double) fullBytes / entries;
        return measured;
    }

    /**
     * RocksDB with incremental checkpoints, as on MSF, and a fixed 256 MB of RocksDB memory (block
     * cache and write buffers) instead of managed memory, which the harness has little of.
     */
    private static void configure(
            KeyedOneInputStreamOperatorTestHarness<String, ?, ?> harness, Path work)
            throws IOException {
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend(true);
        rocksDb.getMemoryConfiguration().setFixedMemoryPerSlot("256mb");
        Files.createDirectories(work.resolve("rocksdb"));
        rocksDb.setDbStoragePath(work.resolve("rocksdb").toString());
        harness.setStateBackend(rocksDb);
        harness.setCheckpointStorage(
                new FileSystemCheckpointStorage(work.resolve("checkpoints").toUri()));
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(dir))
                    .forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Only dedup's state and timers, exactly as {@code DedupAndPrice} keeps them (its pricing keeps
     * none).
     */
    private static final class Dedup extends KeyedProcessFunction<String, Invocation, Invocation> {
        private static final long serialVersionUID = 1L;
        private final Duration ttl;
        private transient SeenRequestIds seen;

        Dedup(Duration ttl) {
            this.ttl = ttl;
        }

        @Override
        public void open(OpenContext openContext) {
            seen = SeenRequestIds.open(getRuntimeContext(), ttl);
        }

        @Override
        public void processElement(
                Invocation inv, Context ctx, org.apache.flink.util.Collector<Invocation> out)
                throws Exception {
            seen.firstTime(inv.requestId, inv.eventTime, ctx.timerService());
        }

        @Override
        public void onTimer(
                long timestamp, OnTimerContext ctx, org.apache.flink.util.Collector<Invocation> out)
                throws Exception {
            seen.sweep(ctx.timerService());
        }
    }
}
