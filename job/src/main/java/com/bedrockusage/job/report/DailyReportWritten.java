package com.bedrockusage.job.report;

import java.math.BigDecimal;

/** A daily report file was written (or rewritten with late corrections): what to announce. */
public class DailyReportWritten {

    /** The UTC day, {@code yyyy-MM-dd}. */
    public String date;

    /** Where the CSV is, e.g. {@code s3://bucket/reports/bedrock-usage-2026-11-03.csv}. */
    public String location;

    /** 1 for the first report of the day, then 2, 3, ... for each rewrite with late corrections. */
    public int revision;

    public long rows;
    public long totalInputTokens;
    public long totalOutputTokens;

    /** USD, exact. */
    public BigDecimal totalCharges;

    public DailyReportWritten() {}

    @Override
    public String toString() {
        return "DailyReportWritten{"
                + date
                + " -> "
                + location
                + ", revision "
                + revision
                + ", rows="
                + rows
                + ", input="
                + totalInputTokens
                + ", output="
                + totalOutputTokens
                + ", charges="
                + (totalCharges == null ? null : totalCharges.toPlainString())
                + '}';
    }
}
