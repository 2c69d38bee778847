package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportCsv;
import com.bedrockusage.job.report.DailyReportRow;
import java.util.List;

/**
 * The classic daily CSV ({@link DailyReportCsv}: same header, quoting and number format), except
 * that a line without any priced call has an empty charge instead of 0.00, so unpriced spend never
 * reads as free.
 */
final class ReportCsv {

    private ReportCsv() {}

    static String of(List<DailyReportRow> rows) {
        StringBuilder sb = new StringBuilder(DailyReportCsv.HEADER).append(DailyReportCsv.LINE_END);
        for (DailyReportRow r : rows) {
            sb.append(DailyReportCsv.escape(r.accountId))
                    .append(',')
                    .append(DailyReportCsv.escape(r.identityArn))
                    .append(',')
                    .append(DailyReportCsv.escape(r.modelId))
                    .append(',')
                    .append(DailyReportCsv.escape(r.region))
                    .append(',')
                    .append(r.inputTokens)
                    .append(',')
                    .append(r.outputTokens)
                    .append(',')
                    .append(charges(r))
                    .append(DailyReportCsv.LINE_END);
        }
        return sb.toString();
    }

    /** Empty when no call of the line had a price. */
    static String charges(DailyReportRow r) {
        return r.charges == null ? "" : DailyReportCsv.charges(r.charges);
    }
}
