package com.bedrockusage.job.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code bedrock.reconciliation}: day × account × region × model (or usage-type group) ×
 * principal.
 */
public final class ReconciliationRow {

    public final LocalDate day;
    public final String accountId;
    public final String region;

    /**
     * The catalogue model id, or {@code usage-type:<key>} for a usage type the mapping table does
     * not know.
     */
    public final String modelGroup;

    /**
     * The billed IAM principal; null when the bill carries none for this group (the row covers all
     * callers).
     */
    public final String principal;

    public final long meteredTokens;

    /**
     * Zero when no metered call of the row had a price (see {@link #meteredUnpricedInvocations}).
     */
    public final BigDecimal meteredCostUsd;

    public final long meteredUnpricedInvocations;
    public final BigDecimal billedUsageAmount;
    public final BigDecimal billedCostUsd;

    /** Metered minus billed cost. */
    public final BigDecimal differenceUsd;

    /**
     * {@link #differenceUsd} in % of the billed cost (4 decimals); null when nothing was billed.
     */
    public final BigDecimal differencePct;

    public final ReconciliationStatus status;

    /** The billed usage types of the row, comma-separated; the unmapped ones say so. */
    public final String usageTypes;

    public final boolean mapped;

    public ReconciliationRow(
            LocalDate day,
            String accountId,
            String region,
            String modelGroup,
            String principal,
            long meteredTokens,
            BigDecimal meteredCostUsd,
            long meteredUnpricedInvocations,
            BigDecimal billedUsageAmount,
            BigDecimal billedCostUsd,
            BigDecimal differenceUsd,
            BigDecimal differencePct,
            ReconciliationStatus status,
            String usageTypes,
            boolean mapped) {
        this.day = day;
        this.accountId = accountId;
        this.region = region;
        this.modelGroup = modelGroup;
        this.principal = principal;
        this.meteredTokens = meteredTokens;
        this.meteredCostUsd = meteredCostUsd;
        this.meteredUnpricedInvocations = meteredUnpricedInvocations;
        this.billedUsageAmount = billedUsageAmount;
        this.billedCostUsd = billedCostUsd;
        this.differenceUsd = differenceUsd;
        this.differencePct = differencePct;
        this.status = status;
        this.usageTypes = usageTypes;
        this.mapped = mapped;
    }

    public String key() {
        return day
                + "|"
                + accountId
                + "|"
                + region
                + "|"
                + modelGroup
                + "|"
                + Objects.toString(principal, "");
    }

    @Override
    public String toString() {
        return key()
                + " "
                + status.wireName()
                + " metered "
                + meteredCostUsd
                + " billed "
                + billedCostUsd
                + " diff "
                + differenceUsd
                + " ("
                + differencePct
                + " %)";
    }
}
