package com.bedrockusage.job.usage;

/**
 * Long sums that stop at {@link Long#MAX_VALUE} instead of wrapping around to a negative number.
 *
 * <p>Why saturate rather than widen: with the ingest bounds (at most 10^9 tokens of a kind and 24 h
 * of latency per call) a sum of one key and window overflows a long only after about 9.2 * 10^9
 * calls at the token cap, or 10^11 at the latency cap: unreachable for a day's window of one
 * account, caller and model, but not provably so for a month's window over all callers fed hostile
 * records. A wider type would change every state serializer and table column for values no real
 * bill reaches; a sum pinned at {@code Long.MAX_VALUE} is visibly absurd where a wrapped one would
 * be a plausible-looking negative or small number.
 */
public final class SaturatingSum {

    private SaturatingSum() {}

    /**
     * {@code a + b}, or {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} when the exact sum is
     * beyond long range.
     */
    public static long add(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
