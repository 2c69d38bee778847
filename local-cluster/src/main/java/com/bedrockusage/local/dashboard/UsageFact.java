package com.bedrockusage.local.dashboard;

import java.util.Map;

/**
 * One row of a usage table (or of invocations summed per hour and {@code requestMetadata}): the
 * window start in epoch millis, its key, the application derived from the caller, and its numbers.
 * Never changed once loaded.
 */
public record UsageFact(
        long windowStart,
        String account,
        String region,
        String caller,
        String model,
        String app,
        Map<String, String> tags,
        Measures measures) {

    /**
     * The value of a grouping dimension: model, account, app, caller, region or {@code tag:KEY}.
     */
    public String dimension(String name) {
        switch (name) {
            case "model":
                return model;
            case "account":
                return account;
            case "app":
                return app;
            case "caller":
                return caller;
            case "region":
                return region;
            default:
                String tag = tags.get(Dimensions.tagKey(name));
                return tag == null ? Dimensions.UNTAGGED : tag;
        }
    }
}
