package com.bedrockusage.job.ingest.parse;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.pricing.PriceUnits;
import java.util.Locale;

/**
 * What a per-unit price of one log record multiplies: images, seconds of video or rerank queries.
 */
final class CallUnits {

    private static final String DEFAULT_QUALITY = "standard";

    private String unit;
    private String variant;
    private long quantity;

    /**
     * Images counted in the response body; -1 when it has none. Used only when the request says
     * nothing.
     */
    long imagesReturned;

    /** A quantity above its {@link RecordBounds} bound: the record is rejected. */
    boolean aboveBound;

    void reset() {
        unit = null;
        variant = "";
        quantity = 0;
        imagesReturned = -1;
        aboveBound = false;
    }

    /**
     * Variant {@code <quality>-<width>x<height>} ({@code standard} when the request names no
     * quality).
     */
    void image(long count, String quality, long width, long height) {
        unit = PriceUnits.IMAGE;
        quantity = count;
        String q = quality == null ? DEFAULT_QUALITY : quality.toLowerCase(Locale.ROOT);
        variant = width > 0 && height > 0 ? q + "-" + width + "x" + height : q;
    }

    void seconds(long seconds) {
        unit = PriceUnits.SECOND;
        quantity = seconds;
        variant = "";
    }

    void query(long queries) {
        unit = PriceUnits.QUERY;
        quantity = queries;
        variant = "";
    }

    void fill(Invocation inv) {
        if (unit == null && imagesReturned > 0) {
            unit = PriceUnits.IMAGE;
            quantity = imagesReturned;
        }
        inv.unit = unit;
        inv.unitVariant = unit == null ? null : variant;
        inv.unitQuantity = unit == null ? 0 : quantity;
    }
}
