package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportRow;
import com.bedrockusage.job.report.DailyReportRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one day's report and how much of it has no price. A line's charge is null when none
 * of its calls had a price (the report leaves it empty, as {@code daily_report.sql} does), never
 * 0.00; a line with some unpriced calls charges only the priced ones and is counted in {@link
 * #linesWithUnpriced}.
 */
record ReportLines(List<DailyReportRow> rows, long unpricedCalls, int linesWithUnpriced) {

    /** One usage_daily row: its report line and its count of unpriced calls. */
    record Usage(DailyReportRow line, long unpriced) {}

    /**
     * Sums usage rows with the same key (a null charge stays null only while every part is null).
     */
    static ReportLines merge(List<Usage> usage) {
        Map<String, DailyReportRow> byKey = new LinkedHashMap<>();
        Map<String, Long> unpricedByKey = new LinkedHashMap<>();
        long unpriced = 0;
        for (Usage u : usage) {
            DailyReportRow line = u.line();
            unpriced += u.unpriced();
            unpricedByKey.merge(line.key(), u.unpriced(), Long::sum);
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
                                line.charges));
            } else {
                sum.inputTokens += line.inputTokens;
                sum.outputTokens += line.outputTokens;
                sum.charges =
                        sum.charges == null
                                ? line.charges
                                : line.charges == null
                                        ? sum.charges
                                        : sum.charges.add(line.charges);
            }
        }
        List<DailyReportRow> rows = new ArrayList<>(byKey.values());
        rows.sort(DailyReportRows.ORDER);
        int withUnpriced = (int) unpricedByKey.values().stream().filter(n -> n > 0).count();
        return new ReportLines(rows, unpriced, withUnpriced);
    }
}
