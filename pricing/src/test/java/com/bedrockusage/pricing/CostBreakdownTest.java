package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostBreakdownTest {

    private static final PriceRow SONNET =
            row(
                    "anthropic.claude-sonnet-4-5-20250929-v1:0",
                    "*",
                    "2023-01-01T00:00:00Z",
                    "3",
                    "15",
                    "0.3",
                    "3.75",
                    "6");

    @Test
    void shouldPriceEachComponentPerMillionTokensExactly() {
        CostBreakdown cost =
                CostBreakdown.of(SONNET, new TokenCounts(1000, 500, 20000, 4000, 2000));

        assertThat(cost.input()).isEqualByComparingTo("0.003");
        assertThat(cost.output()).isEqualByComparingTo("0.0075");
        assertThat(cost.cacheRead()).isEqualByComparingTo("0.006");
        assertThat(cost.cacheWrite5m()).isEqualByComparingTo("0.015");
        assertThat(cost.cacheWrite1h()).isEqualByComparingTo("0.012");
        assertThat(cost.cacheWrite()).isEqualByComparingTo("0.027");
        assertThat(cost.total()).isEqualByComparingTo("0.0435");
        assertThat(cost.row()).isSameAs(SONNET);
    }

    @Test
    void shouldBillOneHourWritesAtFiveMinuteRateWhenRowHasNoOneHourRate() {
        PriceRow noOneHour =
                row("m.x", "*", "2023-01-01T00:00:00Z", "3", "15", "0.3", "3.75", null);

        CostBreakdown cost = CostBreakdown.of(noOneHour, new TokenCounts(0, 0, 0, 1000, 1000));

        assertThat(cost.cacheWrite5m()).isEqualByComparingTo("0.00375");
        assertThat(cost.cacheWrite1h()).isEqualByComparingTo("0.00375");
        assertThat(cost.total()).isEqualByComparingTo("0.0075");
    }

    @Test
    void shouldNotRoundTinyCosts() {
        PriceRow cheap = row("m.x", "*", "2023-01-01T00:00:00Z", "0.035", "0.14");

        CostBreakdown cost = CostBreakdown.of(cheap, new TokenCounts(1, 1, 0, 0, 0));

        assertThat(cost.input()).isEqualTo(new BigDecimal("0.000000035"));
        assertThat(cost.output()).isEqualTo(new BigDecimal("0.00000014"));
        assertThat(cost.total()).isEqualTo(new BigDecimal("0.000000175"));
    }

    @Test
    void shouldStayExactForHugeCounts() {
        PriceRow row = row("m.x", "*", "2023-01-01T00:00:00Z", "3.3", "16.5");

        CostBreakdown cost = CostBreakdown.of(row, new TokenCounts(Long.MAX_VALUE, 0, 0, 0, 0));

        assertThat(cost.input())
                .isEqualByComparingTo(
                        new BigDecimal(Long.MAX_VALUE)
                                .multiply(new BigDecimal("3.3"))
                                .divide(new BigDecimal(1_000_000)));
    }

    @Test
    void shouldCostNothingForNoTokens() {
        CostBreakdown cost = CostBreakdown.of(SONNET, TokenCounts.ZERO);

        assertThat(cost.total()).isEqualByComparingTo("0");
    }

    @Test
    void shouldCompareByValueNotScale() {
        CostBreakdown a = CostBreakdown.of(SONNET, new TokenCounts(1000, 0, 0, 0, 0));
        CostBreakdown b =
                new CostBreakdown(
                        new BigDecimal("0.0030"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        0,
                        SONNET);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
