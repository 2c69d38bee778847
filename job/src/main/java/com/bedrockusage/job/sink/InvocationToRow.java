package com.bedrockusage.job.sink;

import static com.bedrockusage.job.sink.RowValues.money;
import static com.bedrockusage.job.sink.RowValues.str;
import static com.bedrockusage.job.sink.RowValues.ts;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.pricing.ServiceTiers;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/**
 * {@link Invocation} → a row of {@code invocations} (or {@code late_invocations}, same columns).
 */
public final class InvocationToRow extends ToRow<Invocation> {

    private static final long serialVersionUID = 1L;

    public InvocationToRow(TableDefinition table) {
        super(table);
    }

    @Override
    public RowData map(Invocation i) {
        GenericRowData r = new GenericRowData(32);
        r.setField(0, str(i.requestId));
        r.setField(1, ts(i.eventTime));
        r.setField(2, str(i.accountId));
        r.setField(3, str(i.region));
        r.setField(4, str(i.inferenceRegion));
        r.setField(5, str(i.callerArn));
        r.setField(6, str(i.modelId));
        r.setField(7, str(i.model));
        r.setField(8, str(i.operation));
        r.setField(9, i.inputTokens);
        r.setField(10, i.outputTokens);
        r.setField(11, i.cacheReadTokens);
        r.setField(12, i.cacheWriteTokens);
        r.setField(13, i.cacheWrite1hTokens);
        r.setField(14, i.latencyMs);
        r.setField(15, i.firstByteLatencyMs);
        r.setField(16, str(i.errorCode));
        r.setField(17, i.priced);
        r.setField(18, money(i.costUsd));
        r.setField(19, money(i.inputCostUsd));
        r.setField(20, money(i.outputCostUsd));
        r.setField(21, money(i.cacheReadCostUsd));
        r.setField(22, money(i.cacheWriteCostUsd));
        r.setField(23, str(i.priceRow));
        r.setField(24, metadata(i));
        r.setField(25, str(i.source));
        r.setField(26, str(i.serviceTier == null ? ServiceTiers.STANDARD : i.serviceTier));
        r.setField(27, str(i.pricingRule));
        r.setField(28, str(i.unit));
        r.setField(29, str(i.unitVariant));
        r.setField(30, i.unit == null ? null : i.unitQuantity);
        r.setField(31, money(i.unitCostUsd));
        return r;
    }

    private static GenericMapData metadata(Invocation i) {
        if (i.metadataKeys == null || i.metadataKeys.length == 0) {
            return null;
        }
        Map<StringData, StringData> m = new HashMap<>();
        for (int k = 0; k < i.metadataKeys.length; k++) {
            m.put(
                    StringData.fromString(i.metadataKeys[k]),
                    StringData.fromString(i.metadataValues[k]));
        }
        return new GenericMapData(m);
    }
}
