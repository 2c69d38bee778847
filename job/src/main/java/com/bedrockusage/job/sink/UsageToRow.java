package com.bedrockusage.job.sink;

import static com.bedrockusage.job.sink.RowValues.money;
import static com.bedrockusage.job.sink.RowValues.str;
import static com.bedrockusage.job.sink.RowValues.ts;

import com.bedrockusage.job.usage.UsageRow;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * {@link UsageRow} → a row of {@code usage_minute}, {@code usage_hourly} or {@code usage_daily}.
 */
public final class UsageToRow extends ToRow<UsageRow> {

    private static final long serialVersionUID = 1L;

    public UsageToRow(TableDefinition table) {
        super(table);
    }

    @Override
    public RowData map(UsageRow u) {
        GenericRowData r = new GenericRowData(23);
        r.setField(0, ts(u.windowStart));
        r.setField(1, str(nonNull(u.accountId)));
        r.setField(2, str(nonNull(u.region)));
        r.setField(3, str(nonNull(u.callerArn)));
        r.setField(4, str(nonNull(u.modelId)));
        r.setField(5, u.invocations);
        r.setField(6, u.errors);
        r.setField(7, u.inputTokens);
        r.setField(8, u.outputTokens);
        r.setField(9, u.cacheReadTokens);
        r.setField(10, u.cacheWriteTokens);
        r.setField(11, money(u.costUsd));
        r.setField(12, money(u.inputCostUsd));
        r.setField(13, money(u.outputCostUsd));
        r.setField(14, money(u.cacheReadCostUsd));
        r.setField(15, money(u.cacheWriteCostUsd));
        r.setField(16, u.unpricedInvocations);
        r.setField(17, u.latencyCount);
        r.setField(18, u.latencyMinMs);
        r.setField(19, u.latencyAvgMs);
        r.setField(20, u.latencyMaxMs);
        r.setField(21, u.latencyP50Ms);
        r.setField(22, u.latencyP99Ms);
        return r;
    }

    /** Key columns are required: a record without a caller or region still needs a key value. */
    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
