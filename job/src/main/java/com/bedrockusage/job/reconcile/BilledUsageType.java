package com.bedrockusage.job.reconcile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bedrock {@code line_item_usage_type} taken apart: {@code USE1-Claude4.5Sonnet-input-tokens} is
 * region code {@code USE1}, model key {@code Claude4.5Sonnet}, token class {@code input}. Bedrock
 * bills each token type under its own usage type ({@code *-input-tokens}, {@code *-output-tokens},
 * {@code *-cache-read-input-token-count}, {@code *-cache-write-input-token-count}, and {@code
 * *-mantle-input-tokens-*} / {@code *-mantle-output-tokens-*}); whatever follows the token marker
 * (a service tier, e.g. {@code -flex}) is kept as the tier. Marketplace lines ({@code
 * USE1-MP:USE1_InputTokenCount-Units}) carry no model key: their product code names the model.
 */
public final class BilledUsageType {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String CACHE_READ = "cache_read";
    public static final String CACHE_WRITE = "cache_write";

    /** Anything else Bedrock bills (images, provisioned throughput, ...). */
    public static final String OTHER = "other";

    public static final String STANDARD_TIER = "standard";

    private static final Pattern REGION_PREFIX = Pattern.compile("^([A-Z]{2,5}[0-9]?)-(.*)$");
    private static final String[][] MARKERS = {
        {"-cache-read-input-token-count", CACHE_READ},
        {"-cache-write-input-token-count", CACHE_WRITE},
        {"-mantle-input-tokens", INPUT},
        {"-mantle-output-tokens", OUTPUT},
        {"-input-tokens", INPUT},
        {"-output-tokens", OUTPUT},
    };

    public final String usageType;
    public final String regionCode;

    /** The model part; null for marketplace usage types. */
    public final String modelKey;

    public final String tokenClass;
    public final String tier;

    private BilledUsageType(
            String usageType, String regionCode, String modelKey, String tokenClass, String tier) {
        this.usageType = usageType;
        this.regionCode = regionCode;
        this.modelKey = modelKey;
        this.tokenClass = tokenClass;
        this.tier = tier;
    }

    public static BilledUsageType parse(String usageType) {
        String s = usageType == null ? "" : usageType.trim();
        String region = null;
        String rest = s;
        Matcher m = REGION_PREFIX.matcher(s);
        if (m.matches()) {
            region = m.group(1);
            rest = m.group(2);
        }
        if (rest.startsWith("MP:")) {
            String cls =
                    rest.contains("InputTokenCount")
                            ? INPUT
                            : rest.contains("OutputTokenCount") ? OUTPUT : OTHER;
            return new BilledUsageType(s, region, null, cls, STANDARD_TIER);
        }
        int best = -1;
        String[] marker = null;
        for (String[] candidate : MARKERS) {
            int i = rest.indexOf(candidate[0]);
            if (i > 0 && (best < 0 || i < best)) {
                best = i;
                marker = candidate;
            }
        }
        if (marker == null) {
            return new BilledUsageType(s, region, rest, OTHER, STANDARD_TIER);
        }
        String tail = rest.substring(best + marker[0].length());
        while (tail.startsWith("-")) {
            tail = tail.substring(1);
        }
        return new BilledUsageType(
                s,
                region,
                rest.substring(0, best),
                marker[1],
                tail.isEmpty() ? STANDARD_TIER : tail);
    }

    public boolean isMarketplace() {
        return modelKey == null;
    }
}
