package com.bedrockusage.job.qdeveloper;

import static com.bedrockusage.job.sink.Tables.TIMESTAMP;
import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import com.bedrockusage.job.sink.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * The Amazon Q Developer tables, in the job's namespace beside the Bedrock ones (one catalog, one
 * Athena database, one query pack; their {@code q_developer_} prefix keeps them apart). Names and
 * columns are a contract.
 */
public final class QDeveloperTables {

    public static final String EVENTS = "q_developer_events";
    public static final String DAILY = "q_developer_usage_daily";
    public static final String MONTHLY = "q_developer_usage_monthly";

    private QDeveloperTables() {}

    /** One row per deduplicated prompt-log record. Append-only. */
    public static TableDefinition events() {
        Schema schema =
                new Schema(
                        required(1, "request_id", Types.StringType.get()),
                        required(2, "event_time", TIMESTAMP),
                        required(3, "account_id", Types.StringType.get()),
                        optional(4, "region", Types.StringType.get()),
                        required(5, "user_id", Types.StringType.get()),
                        required(6, "kind", Types.StringType.get()),
                        required(7, "input_tokens", Types.LongType.get()),
                        required(8, "output_tokens", Types.LongType.get()),
                        optional(9, "conversation_id", Types.StringType.get()),
                        required(10, "source", Types.StringType.get()));
        return new TableDefinition(EVENTS, schema, "event_time", Collections.emptyList());
    }

    /** A user's UTC day, upserted on (day_start, account_id, user_id). */
    public static TableDefinition daily() {
        return userPeriod(
                DAILY,
                "day_start",
                optionalLongs(
                        9,
                        "chat_messages_sent",
                        "inline_suggestions",
                        "inline_acceptances",
                        "dev_generations",
                        "transformation_lines"));
    }

    /** A user's UTC month against the limits, upserted on (month_start, account_id, user_id). */
    public static TableDefinition monthly() {
        return userPeriod(
                MONTHLY,
                "month_start",
                Arrays.asList(
                        optional(9, "transformation_lines", Types.LongType.get()),
                        required(10, "max_conversation_tokens", Types.LongType.get()),
                        required(11, "dev_uses_limit", Types.LongType.get()),
                        required(12, "transformation_lines_limit", Types.LongType.get()),
                        required(13, "context_window_limit", Types.LongType.get())));
    }

    /**
     * The columns the daily and monthly tables share (ids 1-8, keyed on the period start, account
     * and user), then {@code more} (ids from 9).
     */
    private static TableDefinition userPeriod(
            String table, String periodStart, List<Types.NestedField> more) {
        List<Types.NestedField> columns =
                new ArrayList<>(
                        Arrays.asList(
                                required(1, periodStart, TIMESTAMP),
                                required(2, "account_id", Types.StringType.get()),
                                required(3, "user_id", Types.StringType.get()),
                                required(4, "chat_events", Types.LongType.get()),
                                required(5, "inline_events", Types.LongType.get()),
                                required(6, "dev_events", Types.LongType.get()),
                                required(7, "input_tokens", Types.LongType.get()),
                                required(8, "output_tokens", Types.LongType.get())));
        columns.addAll(more);
        Schema schema = new Schema(columns, new HashSet<>(Arrays.asList(1, 2, 3)));
        return new TableDefinition(
                table, schema, periodStart, Arrays.asList(periodStart, "account_id", "user_id"));
    }

    /** Optional long columns with ids from {@code firstId}, in order. */
    private static List<Types.NestedField> optionalLongs(int firstId, String... names) {
        List<Types.NestedField> columns = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            columns.add(optional(firstId + i, names[i], Types.LongType.get()));
        }
        return columns;
    }

    public static List<TableDefinition> all() {
        return Arrays.asList(events(), daily(), monthly());
    }
}
