package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.config.JobConfig;
import java.io.Serializable;

/**
 * The Q Developer Pro limits the job watches (shipped defaults: AWS's documented ones) and its
 * built-in alert levels: {@link #ALERT_SHARE_PERCENT} % of a limit, a month-end forecast over it, a
 * day at {@link #SPIKE_FACTOR}x the user's daily average.
 */
public final class QDeveloperLimits implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int ALERT_SHARE_PERCENT = 80;
    public static final int SPIKE_FACTOR = 3;

    /**
     * A spike needs this many earlier days with use among the {@link #SPIKE_LOOKBACK_DAYS} before
     * it.
     */
    public static final int SPIKE_MIN_DAYS = 3;

    public static final int SPIKE_LOOKBACK_DAYS = 14;

    /** Days below this many tokens are never a spike: a quiet user's busy hour is not news. */
    public static final long SPIKE_MIN_TOKENS = 1_000;

    /**
     * A forecast needs this much of the month behind it; earlier, two uses on the 1st would project
     * 60.
     */
    public static final int FORECAST_MIN_DAYS = 3;

    public final long devUsesPerMonth;
    public final long transformationLinesPerMonth;
    public final long contextWindowTokens;
    public final boolean alerts;

    public QDeveloperLimits(
            long devUsesPerMonth,
            long transformationLinesPerMonth,
            long contextWindowTokens,
            boolean alerts) {
        this.devUsesPerMonth = devUsesPerMonth;
        this.transformationLinesPerMonth = transformationLinesPerMonth;
        this.contextWindowTokens = contextWindowTokens;
        this.alerts = alerts;
    }

    public static QDeveloperLimits from(JobConfig config) {
        // the built-in Q rules are default rules: alerts.defaults-enabled switches them with the
        // Bedrock ones
        return new QDeveloperLimits(
                config.qLimits.get("dev"),
                config.qLimits.get("transform"),
                config.qLimits.get("context"),
                config.alertsDefaultsEnabled);
    }

    /**
     * The level of the share alert: {@link #ALERT_SHARE_PERCENT} % of {@code limit}, rounded up.
     */
    public static long shareLevel(long limit) {
        return (limit * ALERT_SHARE_PERCENT + 99) / 100;
    }
}
