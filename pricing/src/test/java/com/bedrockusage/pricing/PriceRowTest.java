package com.bedrockusage.pricing;

import static com.bedrockusage.pricing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceRowTest {

    @Test
    void shouldHaveTraceableId() {
        PriceRow row = row("us.m.x", "eu-west-1", "2024-01-01T00:00:00Z", "1", "2");

        assertThat(row.id()).isEqualTo("us.m.x|eu-west-1|2024-01-01T00:00:00Z");
        assertThat(row.isAnyRegion()).isFalse();
        assertThat(row("m.x", "*", "2024-01-01T00:00:00Z", "1", "2").isAnyRegion()).isTrue();
    }

    @Test
    void shouldBeEqualRegardlessOfScaleAndOrigin() {
        PriceRow a = row("m.x", "*", "2024-01-01T00:00:00Z", "3", "15.0", "0.3", "3.75", "6");
        PriceRow b =
                row("m.x", "*", "2024-01-01T00:00:00Z", "3.00", "15", "0.30", "3.750", "6.0")
                        .withOrigin("f:1");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.origin()).isEqualTo("f:1");
        assertThat(a.toString()).contains(a.id()).contains("cacheWrite1h=6");
    }

    @Test
    void shouldDistinguishMissingOneHourRateFromEqualOne() {
        PriceRow withNull = row("m.x", "*", "2024-01-01T00:00:00Z", "1", "1", "0", "3.75", null);
        PriceRow withSame = row("m.x", "*", "2024-01-01T00:00:00Z", "1", "1", "0", "3.75", "3.75");

        assertThat(withNull.cacheWrite1hPerMtok())
                .isEqualByComparingTo(withSame.cacheWrite1hPerMtok());
        assertThat(withNull).isNotEqualTo(withSame);
    }

    @Test
    void shouldRejectNegativePricesAndEmptyIds() {
        assertThatThrownBy(() -> row("m.x", "*", "2024-01-01T00:00:00Z", "-1", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input_per_mtok");
        assertThatThrownBy(
                        () ->
                                new PriceRow(
                                        "",
                                        "*",
                                        Instant.EPOCH,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO,
                                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new PriceRow(
                                        "m.x",
                                        "*",
                                        null,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO,
                                        null))
                .isInstanceOf(NullPointerException.class);
    }
}
