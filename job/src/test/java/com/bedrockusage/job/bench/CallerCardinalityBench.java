package com.bedrockusage.job.bench;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.state.Utf8StringSerializer;
import com.bedrockusage.job.testing.Invocations;
import com.bedrockusage.job.usage.CallerKey;
import com.bedrockusage.job.usage.UsageAccumulator;
import com.bedrockusage.job.usage.UsageAccumulatorSerializer;
import com.bedrockusage.job.usage.UsageKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Caller cardinality (docs/benchmarks.md, "Caller cardinality"): one day of calls from a few
 * assumed roles, each call with a random session name, metered under {@code pipeline.caller-key =
 * arn} and {@code principal}. Counts the usage keys, the (key, window) state entries of the minute,
 * hour and day windows and what they weigh serialized (key + 16-byte window namespace +
 * accumulator, as the window operators and {@code DailyTotals} hold them), and the daily totals
 * kept for {@code pipeline.daily-retention} (35 days of such days).
 *
 * <p>{@code mvn -q -B -pl job -am -Pbench process-test-classes
 * -Dbench.main=com.bedrockusage.job.bench.CallerCardinalityBench -Dbench.args="1000000 20"}
 */
public final class CallerCardinalityBench {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final String[] MODELS = {
        "anthropic.claude-3-haiku-20240307-v1:0",
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "amazon.nova-lite-v1:0"
    };

    private CallerCardinalityBench() {}

    public static void main(String[] args) throws IOException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int roles = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf(
                "%,d calls over one day, %d assumed roles x %d models, a random session name per call%n",
                calls, roles, MODELS.length);
        System.out.println(
                "| caller-key | usage keys | minute entries | minute MB | hour entries | hour MB "
                        + "| day entries | day MB | daily totals, 35 days, MB | bytes per call (1 day, all windows) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (CallerKey mode : CallerKey.values()) {
            measure(mode, calls, roles);
        }
    }

    private static void measure(CallerKey mode, int calls, int roles) throws IOException {
        long[] entries = new long[3];
        long[] bytes = new long[3];
        long[] sizes = {Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(), DAY};
        long keys = 0;
        for (int level = 0; level < 3; level++) {
            Map<String, UsageAccumulator> state = new HashMap<>();
            java.util.Set<String> usageKeys = level == 2 ? new java.util.HashSet<>() : null;
            SplittableRandom random = new SplittableRandom(42);
            long dayStart = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < calls; i++) {
                Invocation inv = call(random, dayStart + (long) i * DAY / calls, roles);
                String usageKey = UsageKey.of(inv, mode);
                long windowStart = inv.eventTime - Math.floorMod(inv.eventTime, sizes[level]);
                state.computeIfAbsent(
                                usageKey + '\u001F' + windowStart, k -> new UsageAccumulator())
                        .add(inv);
                if (usageKeys != null) {
                    usageKeys.add(usageKey);
                }
            }
            DataOutputSerializer out = new DataOutputSerializer(4096);
            for (Map.Entry<String, UsageAccumulator> e : state.entrySet()) {
                out.clear();
                String usageKey = e.getKey().substring(0, e.getKey().lastIndexOf('\u001F'));
                Utf8StringSerializer.INSTANCE.serialize(usageKey, out);
                UsageAccumulatorSerializer.INSTANCE.serialize(e.getValue(), out);
                bytes[level] += out.length() + 16;
            }
            entries[level] = state.size();
            if (usageKeys != null) {
                keys = usageKeys.size();
            }
        }
        long perDay = bytes[0] + bytes[1] + bytes[2];
        System.out.printf(
                "| %s | %,d | %,d | %.1f | %,d | %.1f | %,d | %.1f | %.1f | %d |%n",
                mode.configValue(),
                keys,
                entries[0],
                mb(bytes[0]),
                entries[1],
                mb(bytes[1]),
                entries[2],
                mb(bytes[2]),
                mb(35 * bytes[2]),
                perDay / calls);
    }

    private static Invocation call(SplittableRandom random, long eventTime, int roles) {
        Invocation inv =
                Invocations.priced(
                        Long.toString(eventTime),
                        eventTime,
                        "0.00123",
                        200L + random.nextInt(5000));
        inv.callerArn =
                "arn:aws:sts::111122223333:assumed-role/App"
                        + random.nextInt(roles)
                        + "-BedrockRole/"
                        + new UUID(random.nextLong(), random.nextLong());
        inv.modelId = MODELS[random.nextInt(MODELS.length)];
        inv.usageKey = null;
        return inv;
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
