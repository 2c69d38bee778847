package com.bedrockusage.pricing;

import java.util.regex.Pattern;

/**
 * What a price row's model id and region may look like. Lookups are exact, so a row that could
 * never match a logged call ({@code "anthropic.claude..."} with its quotes, an id with a space,
 * {@code US-EAST-1}, {@code us-east1}) is refused when the file is read instead of leaving those
 * calls unpriced.
 */
public final class PriceKeys {

    /**
     * Bedrock model ids as logged: lowercase vendor.model, versions after {@code :}, some {@code @}
     * and {@code _}.
     */
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._:@-]*");

    /**
     * {@code *} or an AWS region: {@code us-east-1}, {@code ap-southeast-3}, {@code us-gov-west-1}.
     */
    private static final Pattern REGION = Pattern.compile("\\*|[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private static final int MAX_LENGTH = 256;

    private PriceKeys() {}

    /** Why {@code modelId} can never match a logged model id, or null when it can. */
    public static String modelIdProblem(String modelId) {
        if (modelId.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (!MODEL_ID.matcher(modelId).matches()) {
            return "is not a Bedrock model id (lowercase letters, digits and . _ : @ - only; no quotes or spaces)";
        }
        return null;
    }

    /** Why {@code region} can never match a logged region, or null when it can. */
    public static String regionProblem(String region) {
        if (region.length() > MAX_LENGTH || !REGION.matcher(region).matches()) {
            return "is not an AWS region in lowercase (e.g. us-east-1) or *";
        }
        return null;
    }

    /**
     * A short, printable form of a bad value for an error message (a huge or binary field stays
     * readable).
     */
    static String quote(String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        StringBuilder sb = new StringBuilder("'");
        for (char c : shown.toCharArray()) {
            sb.append(
                    c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }
}
