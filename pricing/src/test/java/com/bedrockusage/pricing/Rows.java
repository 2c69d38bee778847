package com.bedrockusage.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/** Test fixtures. */
final class Rows {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    private Rows() {}

    static PriceRow row(String model, String region, String from, String in, String out) {
        return row(model, region, from, in, out, "0", "0", null);
    }

    static PriceRow row(
            String model,
            String region,
            String from,
            String in,
            String out,
            String cacheRead,
            String cacheWrite,
            String cacheWrite1h) {
        return new PriceRow(
                model,
                region,
                Instant.parse(from),
                new BigDecimal(in),
                new BigDecimal(out),
                new BigDecimal(cacheRead),
                new BigDecimal(cacheWrite),
                cacheWrite1h == null ? null : new BigDecimal(cacheWrite1h));
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
