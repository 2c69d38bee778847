package com.bedrockusage.job.alerts;

/** A constant known by the name the rules file and the alerts table use for it. */
public interface WireNamed {

    String wireName();

    /** The one of {@code values} named {@code name}, or null. */
    static <T extends WireNamed> T byWireName(T[] values, String name) {
        for (T v : values) {
            if (v.wireName().equals(name)) {
                return v;
            }
        }
        return null;
    }
}
