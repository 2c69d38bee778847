package com.bedrockusage.local.cluster;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The key of the usage tables at day grain: UTC day, account, source region, caller, model id as
 * logged.
 */
record UsageKey(LocalDate day, String accountId, String region, String callerArn, String modelId)
        implements Comparable<UsageKey> {

    private static final Comparator<UsageKey> ORDER =
            Comparator.comparing(UsageKey::day)
                    .thenComparing(UsageKey::accountId)
                    .thenComparing(UsageKey::region)
                    .thenComparing(UsageKey::callerArn)
                    .thenComparing(UsageKey::modelId);

    @Override
    public int compareTo(UsageKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return day + " " + accountId + " " + region + " " + callerArn + " " + modelId;
    }
}
