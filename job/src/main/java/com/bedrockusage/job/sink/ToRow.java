package com.bedrockusage.job.sink;

import com.bedrockusage.pricing.CostRounding;
import java.math.BigDecimal;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Converts one of our POJOs to Iceberg's {@link RowData} in the column order of its table. */
public abstract class ToRow<T> implements MapFunction<T, RowData>, ResultTypeQueryable<RowData> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ToRow.class);

    private final TableDefinition table;

    protected ToRow(TableDefinition table) {
        this.table = table;
    }

    /** The table whose rows this makes. */
    public TableDefinition table() {
        return table;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        RowType rowType = FlinkSchemaUtil.convert(table.schema());
        return InternalTypeInfo.of(rowType);
    }

    protected static StringData str(String s) {
        return s == null ? null : StringData.fromString(s);
    }

    protected static TimestampData ts(long epochMillis) {
        return TimestampData.fromEpochMillis(epochMillis);
    }

    /**
     * Never throws. Costs arrive rounded ({@link CostRounding#round}) and sums of them have at most
     * 12 decimals, so this only pads the scale; anything with more decimals is rounded by the same
     * rule rather than refused, because a throw here would fail the job again on every restart. A
     * value too large for {@code DECIMAL(38, 12)} (26 integer digits; price bounds keep every
     * single call far below it) is written as null, logged, not thrown.
     */
    protected static DecimalData money(BigDecimal v) {
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

    protected static DecimalData moneyOrZero(BigDecimal v) {
        return money(v == null ? BigDecimal.ZERO : v);
    }
}
