package com.bedrockusage.job.alerts;

import com.bedrockusage.job.config.JobConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The alerting part of {@link JobConfig}, on its own so tests and benchmarks can build it directly.
 */
public final class AlertsSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Null: the built-in defaults only. */
    public final String rulesPath;

    public final boolean defaultsEnabled;
    public final Duration rulesInterval;

    /** False in bounded jobs: the matcher reads the rules file once, at start. */
    public final boolean watchRules;

    public final String appPattern;
    public final Duration allowedLateness;
    public final SnsSettings sns;

    /** Null: no JSON-lines file. */
    public final String jsonlPath;

    /** Alerts about calls older than this are recorded but not published; zero: never suppress. */
    public final Duration maxAge;

    /** Alerts waiting for SNS at most. */
    public final int maxPending;

    public AlertsSettings(
            String rulesPath,
            boolean defaultsEnabled,
            Duration rulesInterval,
            boolean watchRules,
            String appPattern,
            Duration allowedLateness,
            SnsSettings sns,
            String jsonlPath,
            Duration maxAge,
            int maxPending) {
        this.rulesPath = rulesPath;
        this.defaultsEnabled = defaultsEnabled;
        this.rulesInterval = rulesInterval;
        this.watchRules = watchRules;
        this.appPattern = appPattern;
        this.allowedLateness = allowedLateness;
        this.sns = sns;
        this.jsonlPath = jsonlPath;
        this.maxAge = maxAge;
        this.maxPending = maxPending;
    }

    public static AlertsSettings from(JobConfig c) {
        return new AlertsSettings(
                c.alertsRules,
                c.alertsDefaultsEnabled,
                c.alertsRulesInterval,
                !c.isBounded(),
                c.alertsAppPattern,
                c.allowedLateness,
                SnsSettings.from(c),
                c.alertsJsonlPath,
                c.alertsMaxAge,
                c.snsMaxPending);
    }
}
