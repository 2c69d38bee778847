package com.bedrockusage.pricing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One price: USD per million tokens for a model in a region (or {@code *} = any region), valid from
 * {@code effectiveFrom} until a later row for the same model and region takes over.
 *
 * <p>Optional parts (all defaulted for an eight-column row): {@link #aboveInputTokens()} (the row
 * prices only calls whose input total is above it: long-context rates), {@link #serviceTier()} (the
 * tier that served the call) and a {@link #unit()} with its {@link #usdPerUnit()} and {@link
 * #unitVariant()} (images, seconds of video, queries).
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

    private final long aboveInputTokens;
    private final String serviceTier;

    /** Null for a per-token row. */
    private final String unit;

    private final BigDecimal usdPerUnit;

    /** Empty: any variant. */
    private final String unitVariant;

    private final String origin;
    private final String id;

    public PriceRow(
            String modelId,
            String region,
            Instant effectiveFrom,
            BigDecimal inputPerMtok,
            BigDecimal outputPerMtok,
            BigDecimal cacheReadPerMtok,
            BigDecimal cacheWritePerMtok,
            BigDecimal cacheWrite1hPerMtok) {
        this(
                modelId,
                region,
                effectiveFrom,
                inputPerMtok,
                outputPerMtok,
                cacheReadPerMtok,
                cacheWritePerMtok,
                cacheWrite1hPerMtok,
                0,
                ServiceTiers.STANDARD,
                null,
                null,
                "",
                null);
    }

    /**
     * @param aboveInputTokens 0, or the input total (input + cache read + cache write tokens) a
     *     call must exceed
     * @param serviceTier the tier ({@link ServiceTiers})
     * @param unit null for a per-token row, else one of {@link PriceUnits#ALL}
     * @param usdPerUnit USD per unit; null exactly when {@code unit} is null
     * @param unitVariant "" for any variant, else the variant the call must have (e.g. {@code
     *     premium-1024x1024})
     */
    public PriceRow(
            String modelId,
            String region,
            Instant effectiveFrom,
            BigDecimal inputPerMtok,
            BigDecimal outputPerMtok,
            BigDecimal cacheReadPerMtok,
            BigDecimal cacheWritePerMtok,
            BigDecimal cacheWrite1hPerMtok,
            long aboveInputTokens,
            String serviceTier,
            String unit,
            BigDecimal usdPerUnit,
            String unitVariant,
            String origin) {
        this.modelId = requireText(modelId, "model_id");
        this.region = requireText(region, "region");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effective_from");
        this.inputPerMtok = requirePrice(inputPerMtok, "input_per_mtok");
        this.outputPerMtok = requirePrice(outputPerMtok, "output_per_mtok");
        this.cacheReadPerMtok = requirePrice(cacheReadPerMtok, "cache_read_per_mtok");
        this.cacheWritePerMtok = requirePrice(cacheWritePerMtok, "cache_write_per_mtok");
        this.cacheWrite1hPerMtokAsGiven =
                cacheWrite1hPerMtok == null
                        ? null
                        : requirePrice(cacheWrite1hPerMtok, "cache_write_1h_per_mtok");
        if (aboveInputTokens < 0) {
            throw new IllegalArgumentException(
                    "above_input_tokens must not be negative: " + aboveInputTokens);
        }
        this.aboveInputTokens = aboveInputTokens;
        String tierProblem = ServiceTiers.problem(serviceTier);
        if (tierProblem != null) {
            throw new IllegalArgumentException("service_tier '" + serviceTier + "' " + tierProblem);
        }
        this.serviceTier = serviceTier;
        if (unit == null) {
            if (usdPerUnit != null || (unitVariant != null && !unitVariant.isEmpty())) {
                throw new IllegalArgumentException("usd_per_unit and unit_variant need a unit");
            }
        } else {
            if (!PriceUnits.isUnit(unit)) {
                throw new IllegalArgumentException(
                        "unit '" + unit + "' is not one of " + PriceUnits.ALL);
            }
            Objects.requireNonNull(usdPerUnit, "usd_per_unit");
        }
        this.unit = unit;
        this.usdPerUnit = usdPerUnit == null ? null : requirePrice(usdPerUnit, "usd_per_unit");
        this.unitVariant = unitVariant == null ? "" : unitVariant;
        if (!UnitQuantity.isVariant(this.unitVariant)) {
            throw new IllegalArgumentException(
                    "unit_variant '" + unitVariant + "' " + UnitQuantity.VARIANT_RULE);
        }
        this.origin = origin;
        this.id = modelId + '|' + region + '|' + effectiveFrom + qualifiers();
    }

    /**
     * The id's suffix: empty for a base row, so base rows keep the ids (and broadcast-state keys)
     * they always had.
     */
    private String qualifiers() {
        StringBuilder sb = new StringBuilder();
        if (!ServiceTiers.STANDARD.equals(serviceTier)) {
            sb.append("|tier=").append(serviceTier);
        }
        if (aboveInputTokens > 0) {
            sb.append("|above=").append(aboveInputTokens);
        }
        if (unit != null) {
            sb.append("|unit=").append(unit);
            if (!unitVariant.isEmpty()) {
                sb.append(':').append(unitVariant);
            }
        }
        return sb.toString();
    }

    /** The same prices with a different origin (file:line). */
    public PriceRow withOrigin(String newOrigin) {
        return new PriceRow(
                modelId,
                region,
                effectiveFrom,
                inputPerMtok,
                outputPerMtok,
                cacheReadPerMtok,
                cacheWritePerMtok,
                cacheWrite1hPerMtokAsGiven,
                aboveInputTokens,
                serviceTier,
                unit,
                usdPerUnit,
                unitVariant,
                newOrigin);
    }

    /**
     * 0, or the input total (input + cache read + cache write tokens) a call must exceed for this
     * row to apply.
     */
    public long aboveInputTokens() {
        return aboveInputTokens;
    }

    public String serviceTier() {
        return serviceTier;
    }

    /**
     * Null for a per-token row; else {@link PriceUnits#IMAGE}, {@link PriceUnits#SECOND} or {@link
     * PriceUnits#QUERY}.
     */
    public String unit() {
        return unit;
    }

    /** USD per unit; null for a per-token row. */
    public BigDecimal usdPerUnit() {
        return usdPerUnit;
    }

    /** The variant a call must have ("" = any). */
    public String unitVariant() {
        return unitVariant;
    }

    /** A row of the original eight columns: no threshold, standard tier, per token. */
    public boolean isBase() {
        return aboveInputTokens == 0 && ServiceTiers.STANDARD.equals(serviceTier) && unit == null;
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

    /**
     * The rate 1-hour cache writes are billed at: the 1h column, or the 5-minute rate when that is
     * empty.
     */
    public BigDecimal cacheWrite1hPerMtok() {
        return cacheWrite1hPerMtokAsGiven != null ? cacheWrite1hPerMtokAsGiven : cacheWritePerMtok;
    }

    /** The 1h column as given (null when empty), for writing the row back out. */
    public BigDecimal cacheWrite1hPerMtokOrNull() {
        return cacheWrite1hPerMtokAsGiven;
    }

    /**
     * Stable, traceable identity: {@code modelId|region|effectiveFrom} (ISO-8601), followed for a
     * non-base row by {@code |tier=T}, {@code |above=N} and {@code |unit=U[:variant]} where they
     * differ from the defaults.
     */
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
            throw new IllegalArgumentException(
                    column + " must not have surrounding spaces: '" + value + "'");
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
        return modelId.equals(r.modelId)
                && region.equals(r.region)
                && effectiveFrom.equals(r.effectiveFrom)
                && inputPerMtok.compareTo(r.inputPerMtok) == 0
                && outputPerMtok.compareTo(r.outputPerMtok) == 0
                && cacheReadPerMtok.compareTo(r.cacheReadPerMtok) == 0
                && cacheWritePerMtok.compareTo(r.cacheWritePerMtok) == 0
                && sameOptional(cacheWrite1hPerMtokAsGiven, r.cacheWrite1hPerMtokAsGiven)
                && sameOptional(usdPerUnit, r.usdPerUnit);
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
        h = 31 * h + (usdPerUnit == null ? 0 : usdPerUnit.stripTrailingZeros().hashCode());
        return 31 * h
                + (cacheWrite1hPerMtokAsGiven == null
                        ? 0
                        : cacheWrite1hPerMtokAsGiven.stripTrailingZeros().hashCode());
    }

    @Override
    public String toString() {
        return "PriceRow{"
                + id
                + ", in="
                + inputPerMtok.toPlainString()
                + ", out="
                + outputPerMtok.toPlainString()
                + ", cacheRead="
                + cacheReadPerMtok.toPlainString()
                + ", cacheWrite="
                + cacheWritePerMtok.toPlainString()
                + ", cacheWrite1h="
                + (cacheWrite1hPerMtokAsGiven == null
                        ? "(5m rate)"
                        : cacheWrite1hPerMtokAsGiven.toPlainString())
                + (unit == null ? "" : ", perUnit=" + usdPerUnit.toPlainString())
                + (origin == null ? "" : ", origin=" + origin)
                + '}';
    }
}
