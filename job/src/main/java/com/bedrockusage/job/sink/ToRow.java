package com.bedrockusage.job.sink;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/** Converts one of our POJOs to Iceberg's {@link RowData} in the column order of its table. */
public abstract class ToRow<T> implements MapFunction<T, RowData>, ResultTypeQueryable<RowData> {

    private static final long serialVersionUID = 1L;

    private final TableDefinition table;

    protected ToRow(TableDefinition table) {
        this.table = table;
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

    /** Exact: costs computed from per-Mtok prices with at most 6 decimals never need more than 12. */
    protected static DecimalData money(BigDecimal v) {
        if (v == null) {
            return null;
        }
        return DecimalData.fromBigDecimal(v.setScale(Tables.MONEY_SCALE, RoundingMode.UNNECESSARY),
                Tables.MONEY_PRECISION, Tables.MONEY_SCALE);
    }

    protected static DecimalData moneyOrZero(BigDecimal v) {
        return money(v == null ? BigDecimal.ZERO : v);
    }
}
