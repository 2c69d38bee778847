package com.bedrockusage.job.alerts;

import com.bedrockusage.job.config.JobConfig;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/** Where and how alerts are published. Null {@link #topicArn}: SNS delivery is off. */
public final class SnsSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String topicArn;
    public final String region;
    public final String endpoint;
    public final int maxInFlight;
    public final int maxAttempts;
    public final Duration attemptTimeout;
    public final Duration backoffBase;
    public final Duration backoffCap;

    public SnsSettings(
            String topicArn,
            String region,
            String endpoint,
            int maxInFlight,
            int maxAttempts,
            Duration attemptTimeout,
            Duration backoffBase,
            Duration backoffCap) {
        this.topicArn = topicArn;
        this.region = region;
        this.endpoint = endpoint;
        this.maxInFlight = maxInFlight;
        this.maxAttempts = maxAttempts;
        this.attemptTimeout = attemptTimeout;
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
    }

    public static SnsSettings from(JobConfig c) {
        return new SnsSettings(
                c.snsTopicArn,
                c.snsRegion,
                c.snsEndpoint,
                c.snsMaxInFlight,
                c.snsMaxAttempts,
                c.snsAttemptTimeout,
                Duration.ofMillis(200),
                Duration.ofSeconds(20));
    }

    public boolean enabled() {
        return topicArn != null;
    }

    /**
     * FIFO topics get a deduplication id (the alert id), which makes a re-sent alert a no-op for 5
     * minutes.
     */
    public boolean isFifo() {
        return topicArn != null && topicArn.endsWith(".fifo");
    }

    /**
     * Loopback endpoints are local stand-ins: no instance metadata lookups, dummy credentials when
     * none are set.
     */
    public boolean isLoopbackEndpoint() {
        if (endpoint == null) {
            return false;
        }
        String host = URI.create(endpoint).getHost();
        return host != null
                && (host.equals("localhost")
                        || host.startsWith("127.")
                        || host.equals("[::1]")
                        || host.equals("::1"));
    }
}
