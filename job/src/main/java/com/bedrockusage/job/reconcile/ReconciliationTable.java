package com.bedrockusage.job.reconcile;

import static com.bedrockusage.job.sink.RowValues.money;
import static com.bedrockusage.job.sink.Tables.MONEY;
import static com.bedrockusage.job.sink.Tables.TIMESTAMP;
import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import com.bedrockusage.job.sink.TableDefinition;
import java.time.Instant;
import java.util.Collections;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code bedrock.reconciliation}: one row per day × account × region × model group × principal,
 * partitioned by day. No identifier fields: a run overwrites the day partitions it writes, so a
 * re-run replaces its days whole. {@code principal} is empty when the bill names no principal for
 * the group (the row covers all its callers).
 */
public final class ReconciliationTable {

    public static final String NAME = "reconciliation";
    static final int PCT_PRECISION = 20;

    private ReconciliationTable() {}

    public static TableDefinition definition() {
        Schema schema =
                new Schema(
                        required(1, "day", Types.DateType.get()),
                        required(2, "account_id", Types.StringType.get()),
                        required(3, "region", Types.StringType.get()),
                        required(4, "model_group", Types.StringType.get()),
                        required(5, "principal", Types.StringType.get()),
                        required(6, "metered_tokens", Types.LongType.get()),
                        required(7, "metered_cost_usd", MONEY),
                        required(8, "metered_unpriced_invocations", Types.LongType.get()),
                        required(9, "billed_usage_amount", MONEY),
                        required(10, "billed_cost_usd", MONEY),
                        required(11, "difference_usd", MONEY),
                        optional(
                                12,
                                "difference_pct",
                                Types.DecimalType.of(PCT_PRECISION, Reconciler.PCT_SCALE)),
                        required(13, "status", Types.StringType.get()),
                        optional(14, "usage_types", Types.StringType.get()),
                        required(15, "mapped", Types.BooleanType.get()),
                        required(16, "reconciled_at", TIMESTAMP));
        return new TableDefinition(NAME, schema, "day", Collections.emptyList());
    }

    public static RowData toRow(ReconciliationRow r, Instant reconciledAt) {
        GenericRowData row = new GenericRowData(16);
        row.setField(0, (int) r.day.toEpochDay());
        row.setField(1, StringData.fromString(r.accountId));
        row.setField(2, StringData.fromString(r.region));
        row.setField(3, StringData.fromString(r.modelGroup));
        row.setField(4, StringData.fromString(r.principal == null ? "" : r.principal));
        row.setField(5, r.meteredTokens);
        row.setField(6, money(r.meteredCostUsd));
        row.setField(7, r.meteredUnpricedInvocations);
        row.setField(8, money(r.billedUsageAmount));
        row.setField(9, money(r.billedCostUsd));
        row.setField(10, money(r.differenceUsd));
        row.setField(
                11,
                r.differencePct == null
                        ? null
                        : DecimalData.fromBigDecimal(
                                r.differencePct, PCT_PRECISION, Reconciler.PCT_SCALE));
        row.setField(12, StringData.fromString(r.status.wireName()));
        row.setField(13, r.usageTypes.isEmpty() ? null : StringData.fromString(r.usageTypes));
        row.setField(14, r.mapped);
        row.setField(15, TimestampData.fromInstant(reconciledAt));
        return row;
    }
}
