package com.bedrockusage.job.alerts;

import java.io.Serializable;
import java.util.Arrays;

/** The rules in force, as the matcher reads and checkpoints them. A Flink POJO. */
public class RuleSet implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * SHA-256 of the rules file content (and the defaults switch): identifies the version in logs.
     */
    public String fingerprint;

    /** Where the rules came from, for logs: the file, or "built-in defaults". */
    public String origin;

    public long loadedAt;
    public AlertRule[] rules = new AlertRule[0];

    public RuleSet() {}

    public RuleSet(String fingerprint, String origin, long loadedAt, AlertRule[] rules) {
        this.fingerprint = fingerprint;
        this.origin = origin;
        this.loadedAt = loadedAt;
        this.rules = rules;
    }

    public AlertRule rule(String id) {
        for (AlertRule r : rules) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }

    public String describe() {
        StringBuilder ids = new StringBuilder();
        for (AlertRule r : rules) {
            ids.append(ids.length() == 0 ? "" : ", ").append(r.id);
        }
        return rules.length + " rules from " + origin + " (" + shortFingerprint() + "): " + ids;
    }

    public String shortFingerprint() {
        return fingerprint == null
                ? "-"
                : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

    @Override
    public String toString() {
        return "RuleSet{" + shortFingerprint() + " " + Arrays.toString(rules) + "}";
    }
}
