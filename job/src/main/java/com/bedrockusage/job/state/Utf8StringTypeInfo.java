package com.bedrockusage.job.state;

/**
 * {@code String} with {@link Utf8StringSerializer}: for the job's String state keys (keyBy keys,
 * map-state keys), which every heap checkpoint writes out in full. Keys hash and compare as plain
 * Strings, so partitioning is unchanged.
 */
public final class Utf8StringTypeInfo extends ExplicitTypeInfo<String> {

    private static final long serialVersionUID = 1L;
    public static final Utf8StringTypeInfo INSTANCE = new Utf8StringTypeInfo();

    private Utf8StringTypeInfo() {
        super(String.class, Utf8StringSerializer.INSTANCE, true);
    }
}
