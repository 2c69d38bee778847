package com.bedrockusage.job.sink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Converts one of our POJOs to Iceberg's {@link RowData} in the column order of its table (values
 * by {@link RowValues}).
 */
public abstract class ToRow<T> implements MapFunction<T, RowData>, ResultTypeQueryable<RowData> {

    private static final long serialVersionUID = 1L;

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
}
