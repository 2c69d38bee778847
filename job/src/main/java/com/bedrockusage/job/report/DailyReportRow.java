package com.bedrockusage.job.report;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of the daily report: one account, identity ARN, model and region for one UTC day. */
public class DailyReportRow {

    public String accountId;
    public String identityArn;
    public String modelId;
    public String region;
    public long inputTokens;
    public long outputTokens;

    /** USD, exact; zero when none of the calls had a price. */
    public BigDecimal charges;

    public DailyReportRow() {}

    public DailyReportRow(
            String accountId,
            String identityArn,
            String modelId,
            String region,
            long inputTokens,
            long outputTokens,
            BigDecimal charges) {
        this.accountId = accountId;
        this.identityArn = identityArn;
        this.modelId = modelId;
        this.region = region;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.charges = charges;
    }

    /** The grouping key: account, identity, model, region. */
    public String key() {
        return nonNull(accountId)
                + '\u0000'
                + nonNull(identityArn)
                + '\u0000'
                + nonNull(modelId)
                + '\u0000'
                + nonNull(region);
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DailyReportRow)) {
            return false;
        }
        DailyReportRow r = (DailyReportRow) o;
        return inputTokens == r.inputTokens
                && outputTokens == r.outputTokens
                && Objects.equals(accountId, r.accountId)
                && Objects.equals(identityArn, r.identityArn)
                && Objects.equals(modelId, r.modelId)
                && Objects.equals(region, r.region)
                && (charges == null
                        ? r.charges == null
                        : r.charges != null && charges.compareTo(r.charges) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                accountId,
                identityArn,
                modelId,
                region,
                inputTokens,
                outputTokens,
                charges == null ? null : charges.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "DailyReportRow{"
                + accountId
                + ", "
                + identityArn
                + ", "
                + modelId
                + ", "
                + region
                + ", in="
                + inputTokens
                + ", out="
                + outputTokens
                + ", charges="
                + (charges == null ? null : charges.toPlainString())
                + '}';
    }
}
