package com.bedrockusage.pricing;

import java.io.Serializable;

/**
 * Token counts of one call, split the way Bedrock bills them. Counts are not validated here (bad
 * log data must not throw on the hot path); {@link PriceCatalog#price} returns an unpriced result
 * for a negative count.
 */
public final class TokenCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0);

    private final long input;
    private final long output;
    private final long cacheRead;
    private final long cacheWrite5m;
    private final long cacheWrite1h;

    public TokenCounts(
            long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
        this.input = input;
        this.output = output;
        this.cacheRead = cacheRead;
        this.cacheWrite5m = cacheWrite5m;
        this.cacheWrite1h = cacheWrite1h;
    }

    public long input() {
        return input;
    }

    public long output() {
        return output;
    }

    public long cacheRead() {
        return cacheRead;
    }

    public long cacheWrite5m() {
        return cacheWrite5m;
    }

    public long cacheWrite1h() {
        return cacheWrite1h;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TokenCounts)) {
            return false;
        }
        TokenCounts t = (TokenCounts) o;
        return input == t.input
                && output == t.output
                && cacheRead == t.cacheRead
                && cacheWrite5m == t.cacheWrite5m
                && cacheWrite1h == t.cacheWrite1h;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(input);
        h = 31 * h + Long.hashCode(output);
        h = 31 * h + Long.hashCode(cacheRead);
        h = 31 * h + Long.hashCode(cacheWrite5m);
        return 31 * h + Long.hashCode(cacheWrite1h);
    }

    @Override
    public String toString() {
        return "TokenCounts{input="
                + input
                + ", output="
                + output
                + ", cacheRead="
                + cacheRead
                + ", cacheWrite5m="
                + cacheWrite5m
                + ", cacheWrite1h="
                + cacheWrite1h
                + '}';
    }
}
