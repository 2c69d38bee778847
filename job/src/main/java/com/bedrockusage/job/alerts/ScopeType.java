package com.bedrockusage.job.alerts;

/** What a rule groups invocations by; each distinct scope key has its own running value. */
public enum ScopeType implements WireNamed {
    GLOBAL("global"),
    ACCOUNT("account"),
    CALLER("caller"),
    /** The application, taken from the caller's IAM role name with {@code alerts.app-pattern}. */
    APP("app"),
    MODEL("model"),
    /** The value of one {@code requestMetadata} key: scope {@code tag:<key>}. */
    TAG("tag");

    private final String wireName;

    ScopeType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ScopeType fromWireName(String name) {
        return WireNamed.byWireName(values(), name);
    }
}
