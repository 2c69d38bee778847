package com.bedrockusage.job.alerts.delivery;

import static com.bedrockusage.job.sink.Tables.MONEY;
import static com.bedrockusage.job.sink.Tables.TIMESTAMP;
import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import com.bedrockusage.job.sink.TableDefinition;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code bedrock.alerts}: every fired alert with its delivery outcome. An upsert table keyed by
 * ({@code alert_id}, {@code window_start}), partitioned by day of {@code window_start}: the alert
 * id is deterministic, so an alert re-sent after a restore replaces its row instead of adding one.
 */
public final class AlertsTable {

    public static final String NAME = "alerts";
    public static final List<String> KEY =
            Collections.unmodifiableList(Arrays.asList("alert_id", "window_start"));

    private AlertsTable() {}

    public static TableDefinition definition() {
        Schema schema =
                new Schema(
                        Arrays.asList(
                                required(1, "alert_id", Types.StringType.get()),
                                required(2, "rule_id", Types.StringType.get()),
                                required(3, "kind", Types.StringType.get()),
                                required(4, "severity", Types.StringType.get()),
                                required(5, "metric", Types.StringType.get()),
                                required(6, "scope", Types.StringType.get()),
                                required(7, "scope_key", Types.StringType.get()),
                                required(8, "window", Types.StringType.get()),
                                required(9, "window_start", TIMESTAMP),
                                required(10, "window_end", TIMESTAMP),
                                required(11, "observed_value", MONEY),
                                required(12, "threshold", MONEY),
                                optional(13, "forecast_value", MONEY),
                                optional(14, "baseline_value", MONEY),
                                required(15, "window_cost_usd", MONEY),
                                required(16, "window_invocations", Types.LongType.get()),
                                optional(17, "account_id", Types.StringType.get()),
                                optional(18, "contributor_kind", Types.StringType.get()),
                                optional(
                                        19,
                                        "top_contributors",
                                        Types.ListType.ofRequired(
                                                20,
                                                Types.StructType.of(
                                                        required(
                                                                21, "name", Types.StringType.get()),
                                                        required(22, "cost_usd", MONEY),
                                                        required(
                                                                23,
                                                                "invocations",
                                                                Types.LongType.get())))),
                                required(24, "event_time", TIMESTAMP),
                                optional(25, "watermark", TIMESTAMP),
                                required(26, "fired_at", TIMESTAMP),
                                required(27, "subject", Types.StringType.get()),
                                required(28, "delivery_status", Types.StringType.get()),
                                required(29, "delivery_attempts", Types.IntegerType.get()),
                                optional(30, "message_id", Types.StringType.get()),
                                optional(31, "delivery_error", Types.StringType.get()),
                                required(32, "completed_at", TIMESTAMP)),
                        new HashSet<>(Arrays.asList(1, 9)));
        return new TableDefinition(NAME, schema, "window_start", KEY);
    }
}
