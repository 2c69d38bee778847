package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random prices with 0 to 15 decimals and random token counts up to the parser's cap: every cost is
 * the exact product rounded HALF_EVEN to 12 decimals once, fits the tables' {@code DECIMAL(38,
 * 12)}, and calls add up exactly.
 */
class CostRoundingPropertyTest {

    /** The log parser's cap on every token count ({@code BedrockRecordParser.MAX_TOKENS}). */
    private static final long MAX_TOKENS = 1_000_000_000L;

    private static final int CASES = 20_000;
    private static final BigDecimal LARGEST_STORABLE =
            new BigDecimal("1E26").subtract(new BigDecimal("1E-12"));

    @Test
    void shouldRoundEveryCallAndComponentOfAnyPriceScaleHalfEvenAndKeepSumsExact() {
        Random rnd = new Random(20261202L);
        BigDecimal sumOfTotals = BigDecimal.ZERO;
        for (int i = 0; i < CASES; i++) {
            PriceRow row =
                    new PriceRow(
                            "m.x",
                            "*",
                            Instant.EPOCH,
                            price(rnd),
                            price(rnd),
                            price(rnd),
                            price(rnd),
                            rnd.nextBoolean() ? null : price(rnd));
            TokenCounts tokens =
                    new TokenCounts(
                            tokens(rnd), tokens(rnd), tokens(rnd), tokens(rnd), tokens(rnd));

            CostBreakdown cost = CostBreakdown.of(row, tokens);

            assertComponent(cost.input(), tokens.input(), row.inputPerMtok());
            assertComponent(cost.output(), tokens.output(), row.outputPerMtok());
            assertComponent(cost.cacheRead(), tokens.cacheRead(), row.cacheReadPerMtok());
            assertComponent(cost.cacheWrite5m(), tokens.cacheWrite5m(), row.cacheWritePerMtok());
            assertComponent(cost.cacheWrite1h(), tokens.cacheWrite1h(), row.cacheWrite1hPerMtok());
            BigDecimal exact =
                    exact(tokens.input(), row.inputPerMtok())
                            .add(exact(tokens.output(), row.outputPerMtok()))
                            .add(exact(tokens.cacheRead(), row.cacheReadPerMtok()))
                            .add(exact(tokens.cacheWrite5m(), row.cacheWritePerMtok()))
                            .add(exact(tokens.cacheWrite1h(), row.cacheWrite1hPerMtok()));
            assertThat(cost.total())
                    .as("total of %s", cost)
                    .isEqualByComparingTo(
                            exact.setScale(CostRounding.SCALE, RoundingMode.HALF_EVEN));
            assertStorable(cost.total());
            sumOfTotals = sumOfTotals.add(cost.total());
        }
        assertThat(sumOfTotals.scale()).isLessThanOrEqualTo(CostRounding.SCALE);
        assertStorable(sumOfTotals);
    }

    @Test
    void shouldFitTheTablesForTheLargestPriceAndAnyLongTokenCount() {
        PriceRow dearest =
                new PriceRow(
                        "m.x",
                        "*",
                        Instant.EPOCH,
                        PriceBounds.MAX_PER_MTOK,
                        PriceBounds.MAX_PER_MTOK,
                        PriceBounds.MAX_PER_MTOK,
                        PriceBounds.MAX_PER_MTOK,
                        PriceBounds.MAX_PER_MTOK);
        long max = Long.MAX_VALUE;

        CostBreakdown cost = CostBreakdown.of(dearest, new TokenCounts(max, max, max, max, max));

        assertStorable(cost.total());
    }

    private static BigDecimal exact(long tokens, BigDecimal perMtok) {
        return perMtok.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000));
    }

    private static void assertComponent(BigDecimal actual, long tokens, BigDecimal perMtok) {
        BigDecimal exact = exact(tokens, perMtok);
        assertThat(actual)
                .as("%d tokens at %s", tokens, perMtok.toPlainString())
                .isEqualByComparingTo(exact.setScale(CostRounding.SCALE, RoundingMode.HALF_EVEN));
        assertThat(actual.scale())
                .as("scale of %s", actual)
                .isLessThanOrEqualTo(CostRounding.SCALE);
    }

    /** What the sink checks: at 12 decimals, at most 38 digits. */
    private static void assertStorable(BigDecimal v) {
        BigDecimal stored = CostRounding.atScale(v);
        assertThat(stored).isEqualByComparingTo(v);
        assertThat(stored.precision())
                .as("precision of %s", stored.toPlainString())
                .isLessThanOrEqualTo(38);
        assertThat(stored).isLessThanOrEqualTo(LARGEST_STORABLE);
    }

    /**
     * A price below 1,000 USD per million tokens with 0 to 15 decimals (trailing zeros included, as
     * users write).
     */
    private static BigDecimal price(Random rnd) {
        int decimals = rnd.nextInt(16);
        BigInteger unscaled = new BigInteger(64, rnd).mod(BigInteger.TEN.pow(decimals + 3));
        return new BigDecimal(unscaled, decimals);
    }

    private static long tokens(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return 0;
            case 1:
                return 1 + rnd.nextInt(10);
            case 2:
                return MAX_TOKENS - rnd.nextInt(10);
            default:
                return Math.floorMod(rnd.nextLong(), MAX_TOKENS + 1);
        }
    }
}
