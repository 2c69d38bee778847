package com.bedrockusage.local.dashboard;

import java.util.Set;

/** The names a chart or table can group by. */
public final class Dimensions {

    public static final Set<String> PLAIN = Set.of("model", "account", "app", "caller", "region");
    public static final String TAG_PREFIX = "tag:";
    public static final String UNTAGGED = "(untagged)";

    private Dimensions() {}

    public static boolean isTag(String dimension) {
        return dimension.startsWith(TAG_PREFIX) && dimension.length() > TAG_PREFIX.length();
    }

    public static String tagKey(String dimension) {
        return dimension.substring(TAG_PREFIX.length());
    }

    /** A valid dimension, or the reason it is not. */
    public static String check(String dimension) {
        if (PLAIN.contains(dimension) || isTag(dimension)) {
            return dimension;
        }
        throw new BadRequest(
                "unknown dimension '"
                        + dimension
                        + "': use model, account, app, caller, region or tag:KEY");
    }
}
