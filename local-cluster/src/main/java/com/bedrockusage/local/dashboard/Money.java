package com.bedrockusage.local.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal strings for JSON and CSV, and the few derived values (ratios, projections). */
final class Money {

    /** Derived money (cost per call, forecasts): 6 decimals, as month_to_date.sql projects. */
    static final int DERIVED_SCALE = 6;

    private Money() {}

    static String str(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    /** {@code a / b} with 6 decimals, null when {@code b} is 0. */
    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, DERIVED_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long a, long b) {
        return ratio(BigDecimal.valueOf(a), BigDecimal.valueOf(b));
    }
}
