package com.bedrockusage.job.alerts.evaluate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic alert ids: the same rule, scope key and window always give the same id, across
 * restarts and replays.
 */
public final class AlertIds {

    private AlertIds() {}

    /** 32 hex characters of SHA-256 over rule id, scope key and window start. */
    public static String of(String ruleId, String scopeKey, long windowStart) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    (ruleId + "\n" + scopeKey + "\n" + windowStart)
                                            .getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
