package com.bedrockusage.pricing;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How many units (images, seconds of video, queries) a call made, and of which variant (for images
 * {@code <quality>-<width>x<height>}, e.g. {@code standard-1024x1024}; "" when the log says none).
 */
public final class UnitQuantity implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String VARIANT_RULE =
            "is not a unit variant (lowercase letters, digits, _ . - only, at most 64)";
    private static final Pattern VARIANT = Pattern.compile("[a-z0-9_.-]{0,64}");

    private final String unit;
    private final String variant;
    private final long quantity;

    public UnitQuantity(String unit, String variant, long quantity) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.variant = variant == null ? "" : variant;
        this.quantity = quantity;
    }

    static boolean isVariant(String variant) {
        return VARIANT.matcher(variant).matches();
    }

    public String unit() {
        return unit;
    }

    public String variant() {
        return variant;
    }

    public long quantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnitQuantity)) {
            return false;
        }
        UnitQuantity u = (UnitQuantity) o;
        return quantity == u.quantity && unit.equals(u.unit) && variant.equals(u.variant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, variant, quantity);
    }

    @Override
    public String toString() {
        return quantity + " " + unit + (variant.isEmpty() ? "" : " (" + variant + ")");
    }
}
