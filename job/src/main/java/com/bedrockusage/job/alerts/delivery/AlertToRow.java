package com.bedrockusage.job.alerts.delivery;

import static com.bedrockusage.job.sink.RowValues.moneyOrZero;
import static com.bedrockusage.job.sink.RowValues.str;
import static com.bedrockusage.job.sink.RowValues.ts;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Contributor;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.sink.ToRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** {@link DeliveredAlert} → a row of {@code alerts}. */
public final class AlertToRow extends ToRow<DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    public AlertToRow() {
        super(AlertsTable.definition());
    }

    @Override
    public RowData map(DeliveredAlert d) {
        Alert a = d.alert;
        GenericRowData r = new GenericRowData(28);
        r.setField(0, str(a.alertId));
        r.setField(1, str(a.ruleId));
        r.setField(2, str(a.kind));
        r.setField(3, str(a.severity));
        r.setField(4, str(a.metric));
        r.setField(5, str(a.scope));
        r.setField(6, str(a.scopeKey));
        r.setField(7, str(a.window));
        r.setField(8, ts(a.windowStart));
        r.setField(9, ts(a.windowEnd));
        r.setField(10, decimal(a.observedValue));
        r.setField(11, decimal(a.threshold));
        r.setField(12, decimal(a.forecastValue));
        r.setField(13, decimal(a.baselineValue));
        r.setField(14, moneyOrZero(a.windowCostUsd));
        r.setField(15, a.windowInvocations);
        r.setField(16, str(a.accountId));
        r.setField(17, str(a.contributorKind));
        GenericRowData[] top = new GenericRowData[a.topContributors.length];
        for (int i = 0; i < top.length; i++) {
            Contributor c = a.topContributors[i];
            top[i] = GenericRowData.of(str(c.name), moneyOrZero(c.costUsd), c.invocations);
        }
        r.setField(18, new GenericArrayData(top));
        r.setField(19, ts(a.eventTime));
        r.setField(20, a.watermark == null ? null : ts(a.watermark));
        r.setField(21, ts(a.firedAt));
        r.setField(22, str(AlertMessages.subject(a)));
        r.setField(23, str(d.status));
        r.setField(24, d.attempts);
        r.setField(25, str(d.messageId));
        r.setField(26, str(d.error));
        r.setField(27, ts(d.completedAt));
        return r;
    }

    /**
     * Derived values (forecasts, averages, rates) are rounded to the column's scale; money is
     * already exact in it.
     */
    private static DecimalData decimal(BigDecimal v) {
        if (v == null) {
            return null;
        }
        return DecimalData.fromBigDecimal(
                v.setScale(Tables.MONEY_SCALE, RoundingMode.HALF_UP),
                Tables.MONEY_PRECISION,
                Tables.MONEY_SCALE);
    }
}
