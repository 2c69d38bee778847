package com.bedrockusage.local.reconcile;

import com.bedrockusage.job.reconcile.ReconciliationRow;
import com.bedrockusage.job.report.DailyReportCsv;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rows of a run as CSV, the daily report's way: same quoting and line ends, exact plain
 * decimals.
 */
final class ReconciliationCsv {

    static final String HEADER =
            "Day,Account Id,Region,Model,Principal,Status,Metered tokens,Metered cost,"
                    + "Metered unpriced calls,Billed usage amount,Billed cost,Difference,Difference %,Usage types,Mapped";

    private ReconciliationCsv() {}

    static String of(List<ReconciliationRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append(DailyReportCsv.LINE_END);
        for (ReconciliationRow r : rows) {
            sb.append(r.day)
                    .append(',')
                    .append(DailyReportCsv.escape(r.accountId))
                    .append(',')
                    .append(DailyReportCsv.escape(r.region))
                    .append(',')
                    .append(DailyReportCsv.escape(r.modelGroup))
                    .append(',')
                    .append(r.principal == null ? "" : DailyReportCsv.escape(r.principal))
                    .append(',')
                    .append(r.status.wireName())
                    .append(',')
                    .append(r.meteredTokens)
                    .append(',')
                    .append(plain(r.meteredCostUsd))
                    .append(',')
                    .append(r.meteredUnpricedInvocations)
                    .append(',')
                    .append(plain(r.billedUsageAmount))
                    .append(',')
                    .append(plain(r.billedCostUsd))
                    .append(',')
                    .append(plain(r.differenceUsd))
                    .append(',')
                    .append(r.differencePct == null ? "" : r.differencePct.toPlainString())
                    .append(',')
                    .append(DailyReportCsv.escape(r.usageTypes))
                    .append(',')
                    .append(r.mapped)
                    .append(DailyReportCsv.LINE_END);
        }
        return sb.toString();
    }

    /** Exact, no exponent, no trailing zeros beyond two places. */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }
}
