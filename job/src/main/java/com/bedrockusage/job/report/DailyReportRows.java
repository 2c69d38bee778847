package com.bedrockusage.job.report;

import com.bedrockusage.job.usage.UsageRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the lines of a daily report: one per (account, identity ARN, model, region), in a stable
 * order.
 */
public final class DailyReportRows {

    /** Account, then identity ARN, model, region (nulls sort as empty strings). */
    public static final Comparator<DailyReportRow> ORDER =
            Comparator.comparing((DailyReportRow r) -> DailyReportRow.nonNull(r.accountId))
                    .thenComparing(r -> DailyReportRow.nonNull(r.identityArn))
                    .thenComparing(r -> DailyReportRow.nonNull(r.modelId))
                    .thenComparing(r -> DailyReportRow.nonNull(r.region));

    private DailyReportRows() {}

    /** The report line of one daily usage row (a row without a known price is charged zero). */
    public static DailyReportRow of(UsageRow usage) {
        return new DailyReportRow(
                usage.accountId,
                usage.callerArn,
                usage.modelId,
                usage.region,
                usage.inputTokens,
                usage.outputTokens,
                usage.costUsd == null ? BigDecimal.ZERO : usage.costUsd);
    }

    /** Sums lines with the same key and sorts the result by {@link #ORDER}. */
    public static List<DailyReportRow> merge(Iterable<DailyReportRow> lines) {
        Map<String, DailyReportRow> byKey = new LinkedHashMap<>();
        for (DailyReportRow line : lines) {
            DailyReportRow sum = byKey.get(line.key());
            if (sum == null) {
                byKey.put(
                        line.key(),
                        new DailyReportRow(
                                line.accountId,
                                line.identityArn,
                                line.modelId,
                                line.region,
                                line.inputTokens,
                                line.outputTokens,
                                orZero(line.charges)));
            } else {
                sum.inputTokens += line.inputTokens;
                sum.outputTokens += line.outputTokens;
                sum.charges = sum.charges.add(orZero(line.charges));
            }
        }
        List<DailyReportRow> sorted = new ArrayList<>(byKey.values());
        sorted.sort(ORDER);
        return sorted;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
