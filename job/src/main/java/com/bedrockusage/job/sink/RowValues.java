package com.bedrockusage.job.sink;

import com.bedrockusage.pricing.CostRounding;
import java.math.BigDecimal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our Java values as the internal values of Iceberg's {@code RowData} columns. */
public final class RowValues {

    private static final Logger LOG = LoggerFactory.getLogger(RowValues.class);

    private RowValues() {}

    public static StringData str(String s) {
        return s == null ? null : StringData.fromString(s);
    }

    public static TimestampData ts(long epochMillis) {
        return TimestampData.fromEpochMillis(epochMillis);
    }

    /**
     * Never throws. Costs arrive rounded ({@link CostRounding#round}) and sums of them have at most
     * 12 decimals, so this only pads the scale; anything with more decimals is rounded by the same
     * rule rather than refused, because a throw here would fail the job again on every restart. A
     * value too large for {@code DECIMAL(38, 12)} (26 integer digits; price bounds keep every
     * single call far below it) is written as null, logged, not thrown.
     */
    public static DecimalData money(BigDecimal v) {
        if (v == null) {
            return null;
        }
        DecimalData d =
                DecimalData.fromBigDecimal(
                        CostRounding.atScale(v), Tables.MONEY_PRECISION, Tables.MONEY_SCALE);
        if (d == null) {
            LOG.error(
                    "Cost {} does not fit DECIMAL({}, {}); written as null",
                    v.toPlainString(),
                    Tables.MONEY_PRECISION,
                    Tables.MONEY_SCALE);
        }
        return d;
    }

    public static DecimalData moneyOrZero(BigDecimal v) {
        return money(v == null ? BigDecimal.ZERO : v);
    }
}
