package com.bedrockusage.pricing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One price: USD per million tokens for a model in a region (or {@code *} = any region), valid from
 * {@code effectiveFrom} until a later row for the same model and region takes over.
 */
public final class PriceRow implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ANY_REGION = "*";

    private final String modelId;
    private final String region;
    private final Instant effectiveFrom;
    private final BigDecimal inputPerMtok;
    private final BigDecimal outputPerMtok;
    private final BigDecimal cacheReadPerMtok;
    private final BigDecimal cacheWritePerMtok;
    /** As given: null means "1h writes use the 5m rate". */
    private final BigDecimal cacheWrite1hPerMtokAsGiven;
    private final String origin;
    private final String id;

    public PriceRow(String modelId, String region, Instant effectiveFrom, BigDecimal inputPerMtok,
            BigDecimal outputPerMtok, BigDecimal cacheReadPerMtok, BigDecimal cacheWritePerMtok,
            BigDecimal cacheWrite1hPerMtok) {
        this(modelId, region, effectiveFrom, inputPerMtok, outputPerMtok, cacheReadPerMtok, cacheWritePerMtok,
                cacheWrite1hPerMtok, null);
    }

    public PriceRow(String modelId, String region, Instant effectiveFrom, BigDecimal inputPerMtok,
            BigDecimal outputPerMtok, BigDecimal cacheReadPerMtok, BigDecimal cacheWritePerMtok,
            BigDecimal cacheWrite1hPerMtok, String origin) {
        this.modelId = requireText(modelId, "model_id");
        this.region = requireText(region, "region");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effective_from");
        this.inputPerMtok = requirePrice(inputPerMtok, "input_per_mtok");
        this.outputPerMtok = requirePrice(outputPerMtok, "output_per_mtok");
        this.cacheReadPerMtok = requirePrice(cacheReadPerMtok, "cache_read_per_mtok");
        this.cacheWritePerMtok = requirePrice(cacheWritePerMtok, "cache_write_per_mtok");
        this.cacheWrite1hPerMtokAsGiven =
                cacheWrite1hPerMtok == null ? null : requirePrice(cacheWrite1hPerMtok, "cache_write_1h_per_mtok");
        this.origin = origin;
        this.id = modelId + '|' + region + '|' + effectiveFrom;
    }

    /** The same prices with a different origin (file:line). */
    public PriceRow withOrigin(String newOrigin) {
        return new PriceRow(modelId, region, effectiveFrom, inputPerMtok, outputPerMtok, cacheReadPerMtok,
                cacheWritePerMtok, cacheWrite1hPerMtokAsGiven, newOrigin);
    }

    public String modelId() {
        return modelId;
    }

    public String region() {
        return region;
    }

    public boolean isAnyRegion() {
        return ANY_REGION.equals(region);
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public BigDecimal inputPerMtok() {
        return inputPerMtok;
    }

    public BigDecimal outputPerMtok() {
        return outputPerMtok;
    }

    public BigDecimal cacheReadPerMtok() {
        return cacheReadPerMtok;
    }

    public BigDecimal cacheWritePerMtok() {
        return cacheWritePerMtok;
    }

    /** The rate 1-hour cache writes are billed at: the 1h column, or the 5-minute rate when that is empty. */
    public BigDecimal cacheWrite1hPerMtok() {
        return cacheWrite1hPerMtokAsGiven != null ? cacheWrite1hPerMtokAsGiven : cacheWritePerMtok;
    }

    /** The 1h column as given (null when empty), for writing the row back out. */
    public BigDecimal cacheWrite1hPerMtokOrNull() {
        return cacheWrite1hPerMtokAsGiven;
    }

    /** Stable, traceable identity: {@code modelId|region|effectiveFrom} (ISO-8601). */
    public String id() {
        return id;
    }

    /** Where the row came from ({@code file:line}), or null. Not part of equality. */
    public String origin() {
        return origin;
    }

    private static String requireText(String value, String column) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(column + " must not be empty");
        }
        if (!value.equals(value.trim())) {
            throw new IllegalArgumentException(column + " must not have surrounding spaces: '" + value + "'");
        }
        return value;
    }

    private static BigDecimal requirePrice(BigDecimal value, String column) {
        Objects.requireNonNull(value, column);
        String problem = PriceBounds.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(column + " " + value + " " + problem);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PriceRow)) {
            return false;
        }
        PriceRow r = (PriceRow) o;
        return modelId.equals(r.modelId) && region.equals(r.region) && effectiveFrom.equals(r.effectiveFrom)
                && inputPerMtok.compareTo(r.inputPerMtok) == 0 && outputPerMtok.compareTo(r.outputPerMtok) == 0
                && cacheReadPerMtok.compareTo(r.cacheReadPerMtok) == 0
                && cacheWritePerMtok.compareTo(r.cacheWritePerMtok) == 0
                && sameOptional(cacheWrite1hPerMtokAsGiven, r.cacheWrite1hPerMtokAsGiven);
    }

    private static boolean sameOptional(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        // stripTrailingZeros so that 3 and 3.00 (equal by compareTo) hash alike.
        int h = id.hashCode();
        h = 31 * h + inputPerMtok.stripTrailingZeros().hashCode();
        h = 31 * h + outputPerMtok.stripTrailingZeros().hashCode();
        h = 31 * h + cacheReadPerMtok.stripTrailingZeros().hashCode();
        h = 31 * h + cacheWritePerMtok.stripTrailingZeros().hashCode();
        return 31 * h + (cacheWrite1hPerMtokAsGiven == null ? 0 : cacheWrite1hPerMtokAsGiven.stripTrailingZeros().hashCode());
    }

    @Override
    public String toString() {
        return "PriceRow{" + id + ", in=" + inputPerMtok.toPlainString() + ", out=" + outputPerMtok.toPlainString()
                + ", cacheRead=" + cacheReadPerMtok.toPlainString() + ", cacheWrite=" + cacheWritePerMtok.toPlainString()
                + ", cacheWrite1h=" + (cacheWrite1hPerMtokAsGiven == null ? "(5m rate)" : cacheWrite1hPerMtokAsGiven.toPlainString())
                + (origin == null ? "" : ", origin=" + origin) + '}';
    }
}
