package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostRoundingTest {

    @Test
    void shouldRoundTheExactProductOfASevenDecimalPriceHalfEvenToTwelveDecimals() {
        // 7 x 2.6666667 / 10^6 = 0.0000186666669 (13 decimals)
        assertThat(cost(7, new BigDecimal("2.6666667")))
                .isEqualTo(new BigDecimal("0.000018666667"));
    }

    @Test
    void shouldRoundExactHalvesToTheEvenNeighbour() {
        assertThat(cost(1, new BigDecimal("0.0000005"))).isEqualByComparingTo("0");
        assertThat(cost(1, new BigDecimal("0.0000015"))).isEqualByComparingTo("0.000000000002");
        assertThat(cost(1, new BigDecimal("0.0000025"))).isEqualByComparingTo("0.000000000002");
        assertThat(cost(1, new BigDecimal("0.0000035"))).isEqualByComparingTo("0.000000000004");
    }

    @Test
    void shouldLeaveCostsOfPricesWithAtMostSixDecimalsExactAndAtTheirOwnScale() {
        assertThat(cost(1000, new BigDecimal("3"))).isEqualTo(new BigDecimal("0.003000"));
        assertThat(cost(1, new BigDecimal("0.546875"))).isEqualTo(new BigDecimal("0.000000546875"));
        assertThat(cost(0, new BigDecimal("2.6666667"))).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void shouldPadToExactlyTwelveDecimalsForTheTables() {
        assertThat(CostRounding.atScale(new BigDecimal("0.003")))
                .isEqualTo(new BigDecimal("0.003000000000"));
        assertThat(CostRounding.atScale(new BigDecimal("0.0000000000005")))
                .isEqualTo(new BigDecimal("0.000000000000"));
    }

    private static BigDecimal cost(long tokens, BigDecimal perMtok) {
        return CostRounding.round(CostRounding.exact(tokens, perMtok));
    }

    @Test
    void shouldRoundTheCallsExactCostOnceAndEachPartOnItsOwn() {
        PriceRow odd =
                row(
                        "m.x",
                        "*",
                        "2023-01-01T00:00:00Z",
                        "2.6666667",
                        "2.6666667",
                        "0.0000005",
                        "0.0000005",
                        "0.0000005");

        CostBreakdown cost = CostBreakdown.of(odd, new TokenCounts(1, 1, 1, 1, 1));

        // each 1-token part: 0.0000026666667 -> 0.000002666667; 0.0000000000005 -> 0 (half to even)
        assertThat(cost.input()).isEqualByComparingTo("0.000002666667");
        assertThat(cost.output()).isEqualByComparingTo("0.000002666667");
        assertThat(cost.cacheRead()).isEqualByComparingTo("0");
        assertThat(cost.cacheWrite()).isEqualByComparingTo("0");
        // the call: 2 x 0.0000026666667 + 3 x 0.0000000000005 = 0.0000053333349 -> 0.000005333335
        assertThat(cost.total()).isEqualTo(new BigDecimal("0.000005333335"));
    }
}
