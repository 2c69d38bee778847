package com.bedrockusage.job.config;

/**
 * One runtime property: the group and key it lives under (MSF property group + lowercase dotted
 * key), its default and what it means. {@link ConfigKeys} lists them all; the README table and the
 * CloudFormation template are checked against that list.
 */
public final class ConfigKey {

    private final String group;
    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean localOnly;

    ConfigKey(
            String group, String key, String defaultValue, String description, boolean localOnly) {
        this.group = group;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.localOnly = localOnly;
    }

    public String group() {
        return group;
    }

    public String key() {
        return key;
    }

    /** {@code group.key}, the name used by {@code --set}. */
    public String fullName() {
        return group + "." + key;
    }

    /** The default as text; empty means "not set". */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** True for settings that only apply to a local run (MSF owns them in the cloud). */
    public boolean localOnly() {
        return localOnly;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
