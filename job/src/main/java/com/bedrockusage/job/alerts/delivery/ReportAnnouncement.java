package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.report.DailyReportWritten;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Announces a written daily report on the alert topic: same delivery, retries, alerts table and
 * JSON lines as an alert, with kind {@value #KIND}, the report's location and the day's totals. Its
 * id is deterministic per day and revision, so a replay never announces the same file twice.
 */
public final class ReportAnnouncement implements MapFunction<DailyReportWritten, Alert> {

    public static final String KIND = "report";
    public static final String RULE_ID = "daily-report";

    private static final long serialVersionUID = 1L;

    @Override
    public Alert map(DailyReportWritten r) {
        long dayStart = Instant.parse(r.date + "T00:00:00Z").toEpochMilli();
        BigDecimal charges = r.totalCharges == null ? BigDecimal.ZERO : r.totalCharges;
        Alert a =
                Announcements.of(
                        RULE_ID,
                        "daily usage report",
                        KIND,
                        Metric.COST_USD.wireName(),
                        r.date + "#" + r.revision,
                        "1d",
                        dayStart,
                        dayStart + Duration.ofDays(1).toMillis(),
                        charges,
                        charges);
        a.scopeKey = r.date;
        a.eventTime = a.windowEnd;
        a.firedAt = System.currentTimeMillis();
        a.description =
                "Bedrock daily usage report for "
                        + r.date
                        + (r.revision > 1 ? " (revision " + r.revision + ")" : "")
                        + "\n\nLocation: "
                        + r.location
                        + "\nRows (account, identity, model, region): "
                        + r.rows
                        + "\nInput tokens: "
                        + r.totalInputTokens
                        + "\nOutput tokens: "
                        + r.totalOutputTokens
                        + "\nCharges: "
                        + a.observedValue.toPlainString()
                        + " USD\n";
        return a;
    }
}
