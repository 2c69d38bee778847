package com.bedrockusage.pricing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * USD cost of one call per billed component, and the price row that produced it. The total is the
 * call's exact cost rounded by {@link CostRounding#round}; each component is its own exact cost
 * rounded the same way, so with prices of more than 6 decimals the components may differ from the
 * total by a few 10⁻¹² USD.
 */
public final class CostBreakdown implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BigDecimal input;
    private final BigDecimal output;
    private final BigDecimal cacheRead;
    private final BigDecimal cacheWrite5m;
    private final BigDecimal cacheWrite1h;
    private final BigDecimal units;
    private final long unitQuantity;
    private final BigDecimal total;
    private final PriceRow row;

    /**
     * From exact component costs, {@code units} being that of {@code unitQuantity} units at the
     * row's {@code usd_per_unit} (zero for a per-token row): each, and their total, rounded by
     * {@link CostRounding#round}.
     */
    public CostBreakdown(
            BigDecimal input,
            BigDecimal output,
            BigDecimal cacheRead,
            BigDecimal cacheWrite5m,
            BigDecimal cacheWrite1h,
            BigDecimal units,
            long unitQuantity,
            PriceRow row) {
        this.input = CostRounding.round(Objects.requireNonNull(input, "input"));
        this.output = CostRounding.round(Objects.requireNonNull(output, "output"));
        this.cacheRead = CostRounding.round(Objects.requireNonNull(cacheRead, "cacheRead"));
        this.cacheWrite5m =
                CostRounding.round(Objects.requireNonNull(cacheWrite5m, "cacheWrite5m"));
        this.cacheWrite1h =
                CostRounding.round(Objects.requireNonNull(cacheWrite1h, "cacheWrite1h"));
        this.units = CostRounding.round(Objects.requireNonNull(units, "units"));
        this.unitQuantity = unitQuantity;
        this.row = Objects.requireNonNull(row, "row");
        this.total =
                CostRounding.round(
                        input.add(output)
                                .add(cacheRead)
                                .add(cacheWrite5m)
                                .add(cacheWrite1h)
                                .add(units));
    }

    /**
     * Each component costs tokens x USD-per-million / 1,000,000; the call's cost is their exact
     * sum, rounded once.
     */
    public static CostBreakdown of(PriceRow row, TokenCounts tokens) {
        return of(row, tokens, BigDecimal.ZERO, 0);
    }

    /**
     * A per-unit row: the call's tokens at the row's token rates plus {@code quantity} units at its
     * unit price.
     */
    public static CostBreakdown of(PriceRow row, TokenCounts tokens, long quantity) {
        return of(row, tokens, CostRounding.exactUnits(quantity, row.usdPerUnit()), quantity);
    }

    private static CostBreakdown of(
            PriceRow row, TokenCounts tokens, BigDecimal units, long unitQuantity) {
        return new CostBreakdown(
                CostRounding.exact(tokens.input(), row.inputPerMtok()),
                CostRounding.exact(tokens.output(), row.outputPerMtok()),
                CostRounding.exact(tokens.cacheRead(), row.cacheReadPerMtok()),
                CostRounding.exact(tokens.cacheWrite5m(), row.cacheWritePerMtok()),
                CostRounding.exact(tokens.cacheWrite1h(), row.cacheWrite1hPerMtok()),
                units,
                unitQuantity,
                row);
    }

    public BigDecimal input() {
        return input;
    }

    public BigDecimal output() {
        return output;
    }

    public BigDecimal cacheRead() {
        return cacheRead;
    }

    public BigDecimal cacheWrite5m() {
        return cacheWrite5m;
    }

    public BigDecimal cacheWrite1h() {
        return cacheWrite1h;
    }

    /** 5-minute plus 1-hour cache writes. */
    public BigDecimal cacheWrite() {
        return cacheWrite5m.add(cacheWrite1h);
    }

    /** Cost of the units (images, seconds, queries); zero for a per-token row. */
    public BigDecimal units() {
        return units;
    }

    public long unitQuantity() {
        return unitQuantity;
    }

    public BigDecimal total() {
        return total;
    }

    public PriceRow row() {
        return row;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CostBreakdown)) {
            return false;
        }
        CostBreakdown c = (CostBreakdown) o;
        return input.compareTo(c.input) == 0
                && output.compareTo(c.output) == 0
                && cacheRead.compareTo(c.cacheRead) == 0
                && cacheWrite5m.compareTo(c.cacheWrite5m) == 0
                && cacheWrite1h.compareTo(c.cacheWrite1h) == 0
                && units.compareTo(c.units) == 0
                && unitQuantity == c.unitQuantity
                && row.equals(c.row);
    }

    @Override
    public int hashCode() {
        return 31 * total.stripTrailingZeros().hashCode() + row.hashCode();
    }

    @Override
    public String toString() {
        return "CostBreakdown{total="
                + total.toPlainString()
                + ", input="
                + input.toPlainString()
                + ", output="
                + output.toPlainString()
                + ", cacheRead="
                + cacheRead.toPlainString()
                + ", cacheWrite5m="
                + cacheWrite5m.toPlainString()
                + ", cacheWrite1h="
                + cacheWrite1h.toPlainString()
                + (unitQuantity == 0
                        ? ""
                        : ", units=" + unitQuantity + "x=" + units.toPlainString())
                + ", row="
                + row.id()
                + '}';
    }
}
