package com.bedrockusage.job.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One {@code usage_daily} row: what the job metered for a day, account, region, caller and model as
 * logged.
 */
public final class MeteredUsage {

    public final LocalDate day;
    public final String accountId;
    public final String region;
    public final String callerArn;
    public final String modelId;

    /** Input + output + cache read + cache write tokens. */
    public final long tokens;

    /** Null when none of the row's calls had a price. */
    public final BigDecimal costUsd;

    public final long unpricedInvocations;

    public MeteredUsage(
            LocalDate day,
            String accountId,
            String region,
            String callerArn,
            String modelId,
            long tokens,
            BigDecimal costUsd,
            long unpricedInvocations) {
        this.day = day;
        this.accountId = accountId;
        this.region = region;
        this.callerArn = callerArn;
        this.modelId = modelId;
        this.tokens = tokens;
        this.costUsd = costUsd;
        this.unpricedInvocations = unpricedInvocations;
    }
}
