package com.bedrockusage.job.alerts.delivery;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": before attempt {@code n + 1} wait between half and all
 * of {@code min(cap, base * 2^(n-1))}, so retries of many alerts spread out but never hammer at
 * once.
 */
final class Backoff implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long baseMillis;
    private final long capMillis;

    Backoff(Duration base, Duration cap) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    long delayMillis(int attempt) {
        long exp = attempt >= 31 ? capMillis : Math.min(capMillis, baseMillis << (attempt - 1));
        long half = exp / 2;
        return half + ThreadLocalRandom.current().nextLong(exp - half + 1);
    }
}
