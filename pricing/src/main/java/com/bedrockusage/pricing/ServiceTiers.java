package com.bedrockusage.pricing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tier a call was served in ({@code service_tier} column). {@value #STANDARD} is on-demand at
 * list price; Bedrock's other tiers are {@value #PRIORITY}, {@value #FLEX}, {@value
 * #LATENCY_OPTIMIZED} ({@code performanceConfig.latency = optimized}) and {@value #BATCH}. Any
 * other lowercase name is accepted too, so a new tier needs only price rows.
 */
public final class ServiceTiers {

    public static final String STANDARD = "standard";
    public static final String PRIORITY = "priority";
    public static final String FLEX = "flex";
    public static final String LATENCY_OPTIMIZED = "latency-optimized";
    public static final String BATCH = "batch";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private ServiceTiers() {}

    /** Why {@code tier} is not a tier name, or null when it is. */
    public static String problem(String tier) {
        return tier != null && NAME.matcher(tier).matches()
                ? null
                : "is not a service tier (lowercase letters, digits, _ and -, at most 32)";
    }

    /**
     * A tier as Bedrock names it, in the name price rows use: {@code default} (and an absent tier)
     * is {@value #STANDARD}; anything else lowercased.
     */
    public static String normalize(String loggedTier) {
        if (loggedTier == null || loggedTier.isEmpty()) {
            return STANDARD;
        }
        String lower = loggedTier.toLowerCase(Locale.ROOT);
        return lower.equals("default") ? STANDARD : lower;
    }
}
