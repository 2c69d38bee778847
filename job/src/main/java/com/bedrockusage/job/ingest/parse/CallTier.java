package com.bedrockusage.job.ingest.parse;

import com.bedrockusage.pricing.ServiceTiers;

/**
 * The service tier of one log record, from what the request asked for and what the response says
 * served it. AWS says the served tier can differ from the requested one, so only the response's
 * word prices a non-standard tier: a call that asked for one and whose log does not say what served
 * it gets {@link #REQUESTED_ONLY}{@code <tier>}, which no price row matches (unpriced, {@code
 * served_tier_not_logged}).
 */
final class CallTier {

    /** Prefix of a tier the request asked for but the log does not confirm. */
    static final String REQUESTED_ONLY = "requested:";

    private static final String OPTIMIZED = "optimized";

    String requested;
    String requestedLatency;
    String served;
    String servedLatency;

    void reset() {
        requested = null;
        requestedLatency = null;
        served = null;
        servedLatency = null;
    }

    /** The tier to price the call in, as {@link ServiceTiers} names it. */
    String resolve() {
        if (OPTIMIZED.equalsIgnoreCase(servedLatency)) {
            return ServiceTiers.LATENCY_OPTIMIZED;
        }
        if (served != null) {
            return ServiceTiers.normalize(served);
        }
        String asked =
                OPTIMIZED.equalsIgnoreCase(requestedLatency)
                        ? ServiceTiers.LATENCY_OPTIMIZED
                        : ServiceTiers.normalize(requested);
        if (asked.equals(ServiceTiers.STANDARD)
                || (asked.equals(ServiceTiers.LATENCY_OPTIMIZED) && servedLatency != null)) {
            return ServiceTiers
                    .STANDARD; // asked for nothing, or the response says standard latency served it
        }
        return REQUESTED_ONLY + asked;
    }
}
