package com.bedrockusage.pricing;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a price row may charge per unit instead of per token ({@code unit} column): Bedrock prices
 * image generation per image, video generation per second of video and rerank per query.
 */
public final class PriceUnits {

    public static final String IMAGE = "image";
    public static final String SECOND = "second";
    public static final String QUERY = "query";

    public static final List<String> ALL =
            Collections.unmodifiableList(Arrays.asList(IMAGE, SECOND, QUERY));

    private PriceUnits() {}

    public static boolean isUnit(String unit) {
        return ALL.contains(unit);
    }
}
