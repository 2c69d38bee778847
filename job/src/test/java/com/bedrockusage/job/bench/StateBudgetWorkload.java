package com.bedrockusage.job.bench;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.Invocations;
import com.bedrockusage.job.usage.UsageKey;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The state budget's workload at a scale: {@code scale} × 1,000,000 distinct usage keys a day and
 * {@code scale} × 100 calls/s, so every scale has the same calls per key (8.64 a day) and differs
 * only in how many keys there are. The same keys come back every day; each call picks one at
 * random.
 */
final class StateBudgetWorkload {

    static final long FULL_KEYS_PER_DAY = 1_000_000;
    static final int FULL_CALLS_PER_SECOND = 100;
    static final Duration DEDUP_TTL = Duration.ofHours(48);
    static final Duration ALLOWED_LATENESS = Duration.ofHours(6);
    static final Duration DAILY_RETENTION = Duration.ofDays(35);
    static final long START = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    static final long DAY = Duration.ofDays(1).toMillis();

    private static final String[] MODELS = {
        "anthropic.claude-sonnet-4-5-20250929-v1:0",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "anthropic.claude-haiku-4-5-20251001-v1:0",
        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "anthropic.claude-opus-4-1-20250805-v1:0",
        "amazon.nova-pro-v1:0",
        "amazon.nova-lite-v1:0",
        "amazon.nova-micro-v1:0",
        "meta.llama3-3-70b-instruct-v1:0",
        "amazon.titan-embed-text-v2:0"
    };
    private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    private static final int ACCOUNTS = 500;
    private static final String[] COSTS = {
        "0.000123456789", "0.004500000000", "0.018765432100", "0.000003000000"
    };

    final double scale;
    final long keysPerDay;
    final double callsPerSecond;
    private final String[] keys;
    private final SplittableRandom random = new SplittableRandom(42);

    StateBudgetWorkload(double scale) {
        this.scale = scale;
        this.keysPerDay = Math.round(FULL_KEYS_PER_DAY * scale);
        this.callsPerSecond = FULL_CALLS_PER_SECOND * scale;
        this.keys = scale < 1.0 ? keys(keysPerDay) : null;
    }

    long callsPerDay() {
        return calls(Duration.ofDays(1));
    }

    /** How many calls the stream has in {@code d}. */
    long calls(Duration d) {
        return Math.round(callsPerSecond * d.toSeconds());
    }

    String key(int i) {
        return keys[i];
    }

    /**
     * The usage key of key number i: 10 models, 2 regions, 500 accounts, then a role per 10,000
     * keys.
     */
    private static String[] keys(long count) {
        String[] keys = new String[(int) count];
        for (int i = 0; i < count; i++) {
            String account = Long.toString(100_000_000_000L + (i / 20) % ACCOUNTS);
            String caller =
                    "arn:aws:sts::"
                            + account
                            + ":assumed-role/Team"
                            + (i / 10_000)
                            + "-BedrockAppRole";
            keys[i] =
                    UsageKey.of(
                            account,
                            REGIONS[(i / 10) % REGIONS.length],
                            caller,
                            MODELS[i % MODELS.length]);
        }
        return keys;
    }

    long eventTime(long n) {
        return START + Math.round(n * 1000 / callsPerSecond);
    }

    /**
     * Call number n of the stream that starts at {@link #START}, {@link #callsPerSecond} a second.
     */
    Invocation call(long n) {
        Invocation inv =
                Invocations.priced(
                        new UUID(random.nextLong(), random.nextLong()).toString(),
                        eventTime(n),
                        COSTS[random.nextInt(COSTS.length)],
                        150L + random.nextInt(20_000));
        inv.inputTokens = 100 + random.nextInt(8000);
        inv.outputTokens = 10 + random.nextInt(2000);
        return withKey(inv, keys[random.nextInt(keys.length)]);
    }

    /**
     * A call of key {@code i} on a day, for the day's accumulated totals (latencies spread as in
     * {@link #call}).
     */
    Invocation callOfKey(int i, long eventTime) {
        Invocation inv = call(0);
        inv.eventTime = eventTime;
        return withKey(inv, keys[i]);
    }

    private static Invocation withKey(Invocation inv, String usageKey) {
        String[] parts = UsageKey.parts(usageKey);
        inv.usageKey = usageKey;
        inv.accountId = parts[UsageKey.ACCOUNT];
        inv.region = parts[UsageKey.REGION];
        inv.callerArn = parts[UsageKey.CALLER];
        inv.modelId = parts[UsageKey.MODEL];
        return inv;
    }

    /** How many calls a key has on average in a day. */
    int callsPerKeyPerDay() {
        return (int) Math.round((double) callsPerDay() / keysPerDay);
    }
}
