package com.bedrockusage.job.usage;

/**
 * What the caller part of a {@link UsageKey} holds ({@code pipeline.caller-key}).
 *
 * <p>Why not always the logged ARN: an assumed-role ARN ends with the session name, and
 * applications that pick a random session name per request would make one usage key per call, so
 * usage rows, window state and the daily totals kept for {@code pipeline.daily-retention} would
 * grow with the number of calls (docs/benchmarks.md, "Caller cardinality"). {@code invocations}
 * keeps the full ARN either way.
 */
public enum CallerKey {
    /** The ARN as logged, session name included. */
    ARN,
    /**
     * The role or user: an assumed-role ARN without its session name; every other ARN as logged.
     */
    PRINCIPAL;

    private static final String ASSUMED_ROLE = ":assumed-role/";

    /** The caller part of the usage key for a logged caller ARN (null stays null). */
    public String of(String callerArn) {
        if (this == ARN || callerArn == null) {
            return callerArn;
        }
        int resource = callerArn.indexOf(ASSUMED_ROLE);
        if (resource < 0) {
            return callerArn;
        }
        // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION -> arn:aws:sts::ACCOUNT:assumed-role/ROLE
        int session = callerArn.indexOf('/', resource + ASSUMED_ROLE.length());
        return session < 0 ? callerArn : callerArn.substring(0, session);
    }

    /** {@code arn} or {@code principal}, as the configuration spells them. */
    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CallerKey fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
