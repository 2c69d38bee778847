package com.bedrockusage.job.alerts;

/** How a rule decides to fire. */
public enum RuleKind implements WireNamed {
    /** The running value of the window reaches the threshold. */
    THRESHOLD("threshold"),
    /** The value projected to the end of the window at the current rate reaches the threshold. */
    FORECAST("forecast"),
    /** The running value reaches {@code factor} times the average of the previous windows. */
    SPIKE("spike");

    private final String wireName;

    RuleKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static RuleKind fromWireName(String name) {
        return WireNamed.byWireName(values(), name);
    }
}
