package com.bedrockusage.job.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One Bedrock line item of a CUR 2.0 export, reduced to what reconciliation compares. Amounts are
 * exact decimals (Parquet doubles are read through their shortest decimal form, as the CSV prints
 * them).
 */
public final class CurLine {

    public final LocalDate day;
    public final String accountId;
    public final String productCode;
    public final String usageType;
    public final BigDecimal usageAmount;
    public final BigDecimal unblendedCost;
    public final String region;
    public final String resourceId;

    /**
     * {@code line_item_iam_principal}; null when the export has no such column or the cell is
     * empty.
     */
    public final String principal;

    public CurLine(
            LocalDate day,
            String accountId,
            String productCode,
            String usageType,
            BigDecimal usageAmount,
            BigDecimal unblendedCost,
            String region,
            String resourceId,
            String principal) {
        this.day = day;
        this.accountId = accountId;
        this.productCode = productCode;
        this.usageType = usageType;
        this.usageAmount = usageAmount;
        this.unblendedCost = unblendedCost;
        this.region = region;
        this.resourceId = resourceId;
        this.principal = principal == null || principal.isEmpty() ? null : principal;
    }

    @Override
    public String toString() {
        return day
                + " "
                + accountId
                + " "
                + region
                + " "
                + productCode
                + " "
                + usageType
                + " "
                + usageAmount
                + " $"
                + unblendedCost
                + (principal == null ? "" : " " + principal);
    }
}
