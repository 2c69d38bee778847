package com.bedrockusage.job.sink;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import com.bedrockusage.pricing.CostRounding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * The tables in namespace {@code bedrock}. Names and columns are a contract: queries, the daily
 * report and users rely on them. Money is {@code DECIMAL(38, 12)}; every table is partitioned by
 * day.
 */
public final class Tables {

    public static final int MONEY_PRECISION = 38;
    public static final int MONEY_SCALE = CostRounding.SCALE;
    public static final Types.DecimalType MONEY =
            Types.DecimalType.of(MONEY_PRECISION, MONEY_SCALE);
    public static final Types.TimestampType TIMESTAMP = Types.TimestampType.withZone();

    public static final String INVOCATIONS = "invocations";
    public static final String LATE_INVOCATIONS = "late_invocations";
    public static final String REJECTED_RECORDS = "rejected_records";
    public static final String USAGE_MINUTE = "usage_minute";
    public static final String USAGE_HOURLY = "usage_hourly";
    public static final String USAGE_DAILY = "usage_daily";

    /** The upsert key of the usage tables. */
    public static final List<String> USAGE_KEY =
            Collections.unmodifiableList(
                    Arrays.asList(
                            "window_start", "account_id", "region", "caller_arn", "model_id"));

    private Tables() {}

    /**
     * One row per deduplicated call. Append-only (no identifier fields: they would turn appends
     * into upserts).
     */
    public static TableDefinition invocations() {
        return new TableDefinition(
                INVOCATIONS, invocationSchema(), "event_time", Collections.emptyList());
    }

    /** Calls that arrived after their windows' allowed lateness (still counted in usage_daily). */
    public static TableDefinition lateInvocations() {
        return new TableDefinition(
                LATE_INVOCATIONS, invocationSchema(), "event_time", Collections.emptyList());
    }

    public static TableDefinition rejectedRecords() {
        Schema schema =
                new Schema(
                        required(1, "reason", Types.StringType.get()),
                        optional(2, "source", Types.StringType.get()),
                        required(3, "ingest_time", TIMESTAMP),
                        optional(4, "raw_excerpt", Types.StringType.get()));
        return new TableDefinition(
                REJECTED_RECORDS, schema, "ingest_time", Collections.emptyList());
    }

    public static TableDefinition usage(String tableName) {
        List<Types.NestedField> fields =
                new ArrayList<>(
                        Arrays.asList(
                                required(1, "window_start", TIMESTAMP),
                                required(2, "account_id", Types.StringType.get()),
                                required(3, "region", Types.StringType.get()),
                                required(4, "caller_arn", Types.StringType.get()),
                                required(5, "model_id", Types.StringType.get()),
                                required(6, "invocations", Types.LongType.get()),
                                required(7, "errors", Types.LongType.get()),
                                required(8, "input_tokens", Types.LongType.get()),
                                required(9, "output_tokens", Types.LongType.get()),
                                required(10, "cache_read_tokens", Types.LongType.get()),
                                required(11, "cache_write_tokens", Types.LongType.get()),
                                optional(12, "cost_usd", MONEY),
                                optional(13, "input_cost_usd", MONEY),
                                optional(14, "output_cost_usd", MONEY),
                                optional(15, "cache_read_cost_usd", MONEY),
                                optional(16, "cache_write_cost_usd", MONEY),
                                required(17, "unpriced_invocations", Types.LongType.get()),
                                required(18, "latency_count", Types.LongType.get()),
                                optional(19, "latency_min_ms", Types.LongType.get()),
                                optional(20, "latency_avg_ms", Types.DoubleType.get()),
                                optional(21, "latency_max_ms", Types.LongType.get()),
                                optional(22, "latency_p50_ms", Types.DoubleType.get()),
                                optional(23, "latency_p99_ms", Types.DoubleType.get())));
        Set<Integer> key = new HashSet<>(Arrays.asList(1, 2, 3, 4, 5));
        return new TableDefinition(tableName, new Schema(fields, key), "window_start", USAGE_KEY);
    }

    public static List<TableDefinition> all() {
        return Arrays.asList(
                invocations(),
                lateInvocations(),
                rejectedRecords(),
                usage(USAGE_MINUTE),
                usage(USAGE_HOURLY),
                usage(USAGE_DAILY));
    }

    static Schema invocationSchema() {
        return new Schema(
                required(1, "request_id", Types.StringType.get()),
                required(2, "event_time", TIMESTAMP),
                required(3, "account_id", Types.StringType.get()),
                optional(4, "region", Types.StringType.get()),
                optional(5, "inference_region", Types.StringType.get()),
                optional(6, "caller_arn", Types.StringType.get()),
                required(7, "model_id", Types.StringType.get()),
                optional(8, "model", Types.StringType.get()),
                optional(9, "operation", Types.StringType.get()),
                required(10, "input_tokens", Types.LongType.get()),
                required(11, "output_tokens", Types.LongType.get()),
                required(12, "cache_read_tokens", Types.LongType.get()),
                required(13, "cache_write_tokens", Types.LongType.get()),
                required(14, "cache_write_1h_tokens", Types.LongType.get()),
                optional(15, "latency_ms", Types.LongType.get()),
                optional(16, "first_byte_latency_ms", Types.LongType.get()),
                optional(17, "error_code", Types.StringType.get()),
                required(18, "priced", Types.BooleanType.get()),
                optional(19, "cost_usd", MONEY),
                optional(20, "input_cost_usd", MONEY),
                optional(21, "output_cost_usd", MONEY),
                optional(22, "cache_read_cost_usd", MONEY),
                optional(23, "cache_write_cost_usd", MONEY),
                optional(24, "price_row", Types.StringType.get()),
                optional(
                        25,
                        "request_metadata",
                        Types.MapType.ofRequired(
                                26, 27, Types.StringType.get(), Types.StringType.get())),
                required(28, "source", Types.StringType.get()),
                // Added by accounting v2; optional, at the end, so an existing table evolves by
                // adding them
                // (IcebergCatalogs.ensureTables) and rows written before read them as null.
                optional(29, "service_tier", Types.StringType.get()),
                optional(30, "pricing_rule", Types.StringType.get()),
                optional(31, "unit", Types.StringType.get()),
                optional(32, "unit_variant", Types.StringType.get()),
                optional(33, "unit_quantity", Types.LongType.get()),
                optional(34, "unit_cost_usd", MONEY));
    }
}
