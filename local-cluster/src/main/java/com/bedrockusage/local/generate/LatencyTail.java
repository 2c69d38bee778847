package com.bedrockusage.local.generate;

import java.util.SplittableRandom;

/**
 * Latencies like real traffic with long generations ({@code --latency-tail}): log-normal with a
 * median of 3 s, so that 1 % of calls take 0.3 s or less and 1 % take 34 s or more, clamped to
 * 0.15-120 s (a few calls sit at 120 s, as calls that ran into a client's timeout do). Independent
 * of the output length, as queueing, long reasoning and slow tool calls are.
 */
final class LatencyTail {

    static final long MIN_MS = 150;
    static final long MAX_MS = 120_000;
    static final double MEDIAN_MS = 3_000;
    static final double SIGMA = 1.05;

    private LatencyTail() {}

    static long draw(SplittableRandom rng) {
        double z = standardNormal(rng);
        long ms = Math.round(MEDIAN_MS * Math.exp(SIGMA * z));
        return Math.max(MIN_MS, Math.min(MAX_MS, ms));
    }

    /** Box-Muller, from two uniform draws. */
    private static double standardNormal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
