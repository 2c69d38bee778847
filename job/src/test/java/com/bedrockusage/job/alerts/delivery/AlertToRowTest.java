package com.bedrockusage.job.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.report.DailyReportWritten;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class AlertToRowTest {

    @Test
    void shouldDefineAnUpsertTableKeyedByAlertIdAndWindow() {
        assertThat(AlertsTable.definition().name()).isEqualTo("alerts");
        assertThat(AlertsTable.definition().upsertKey())
                .containsExactly("alert_id", "window_start");
        assertThat(AlertsTable.definition().schema().identifierFieldNames())
                .containsExactlyInAnyOrder("alert_id", "window_start");
        assertThat(AlertsTable.definition().partitionSpec().fields())
                .singleElement()
                .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("day"));
    }

    @Test
    void shouldFillEveryColumnInSchemaOrder() {
        Alert a = TestAlerts.dailyBudget();
        a.forecastValue = new BigDecimal("1234.5678901234567");
        DeliveredAlert d = DeliveredAlert.of(a, DeliveredAlert.DELIVERED, 2, "msg-1", null);

        RowData row = new AlertToRow().map(d);
        RowType type = FlinkSchemaUtil.convert(AlertsTable.definition().schema());

        assertThat(row.getArity()).isEqualTo(type.getFieldCount());
        assertThat(row.getString(type.getFieldIndex("alert_id")).toString()).isEqualTo(a.alertId);
        assertThat(row.getDecimal(type.getFieldIndex("observed_value"), 38, 12).toBigDecimal())
                .isEqualByComparingTo("52.104");
        assertThat(row.getDecimal(type.getFieldIndex("forecast_value"), 38, 12).toBigDecimal())
                .isEqualByComparingTo("1234.567890123457");
        assertThat(row.isNullAt(type.getFieldIndex("baseline_value"))).isTrue();
        assertThat(row.getTimestamp(type.getFieldIndex("window_start"), 6).getMillisecond())
                .isEqualTo(a.windowStart);
        assertThat(row.getString(type.getFieldIndex("subject")).toString())
                .isEqualTo("[HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50");
        assertThat(row.getString(type.getFieldIndex("delivery_status")).toString())
                .isEqualTo("DELIVERED");
        assertThat(row.getInt(type.getFieldIndex("delivery_attempts"))).isEqualTo(2);
        ArrayData top = row.getArray(type.getFieldIndex("top_contributors"));
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.getRow(0, 3).getString(0).toString()).isEqualTo(Calls.CHATBOT);
        assertThat(top.getRow(0, 3).getDecimal(1, 38, 12).toBigDecimal())
                .isEqualByComparingTo("40.1");
        assertThat(top.getRow(0, 3).getLong(2)).isEqualTo(1000);
    }

    @Test
    void shouldFillEveryRequiredColumnForTheReportAnnouncementAndTheSuppressedNotice() {
        DailyReportWritten report = new DailyReportWritten();
        report.date = "2026-11-22";
        report.location = "file:///tmp/reports/2026-11-22.csv";
        report.revision = 1;
        report.totalCharges = new BigDecimal("12.5");
        Alert announcement = new ReportAnnouncement().map(report);
        Alert notice =
                new SuppressedAlerts(Duration.ofHours(24))
                        .notice(40, Calls.millis("2026-11-22T17:00:00Z"));
        RowType type = FlinkSchemaUtil.convert(AlertsTable.definition().schema());

        for (Alert a : new Alert[] {announcement, notice}) {
            RowData row =
                    new AlertToRow()
                            .map(DeliveredAlert.of(a, DeliveredAlert.DELIVERED, 1, "m", null));
            for (Types.NestedField f : AlertsTable.definition().schema().columns()) {
                if (f.isRequired()) {
                    assertThat(row.isNullAt(type.getFieldIndex(f.name())))
                            .as("%s of %s", f.name(), a.kind)
                            .isFalse();
                }
            }
        }
    }
}
