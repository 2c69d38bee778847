package com.bedrockusage.job.reconcile;

/** How metered and billed usage of one reconciliation row compare. */
public enum ReconciliationStatus {
    /** Both sides present and within the tolerance. */
    MATCH("match"),
    /** Metered more than billed, beyond the tolerance. */
    OVER("over"),
    /** Metered less than billed, beyond the tolerance. */
    UNDER("under"),
    /** Billed usage without any metered usage: logging off, or an endpoint that does not log. */
    BILLED_ONLY("billed_only"),
    /** Metered usage the bill does not (yet) show. */
    METERED_ONLY("metered_only");

    private final String wireName;

    ReconciliationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
