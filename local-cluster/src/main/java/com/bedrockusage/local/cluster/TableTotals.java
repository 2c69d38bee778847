package com.bedrockusage.local.cluster;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.sink.TableRows;
import com.bedrockusage.job.sink.Tables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.iceberg.data.Record;

/** Reads the job's committed Iceberg tables and sums them per {@link UsageKey}. */
final class TableTotals {

    private final JobConfig config;

    TableTotals(String warehouse) {
        // JobConfig insists on a source; reading tables needs only the warehouse.
        this.config =
                JobConfig.from(
                        PropertyGroups.empty()
                                .set("iceberg.warehouse", warehouse)
                                .set("source.s3.path", "file:///unused"));
    }

    List<Record> rows(String table) {
        return TableRows.read(config, table);
    }

    /**
     * {@code invocations} (one row per unique call) summed per key; also counts distinct request
     * ids.
     */
    Invocations invocations() {
        Invocations out = new Invocations();
        Set<String> ids = new HashSet<>();
        for (Record r : rows(Tables.INVOCATIONS)) {
            out.rows++;
            ids.add((String) r.getField("request_id"));
            UsageKey key = key(day((OffsetDateTime) r.getField("event_time")), r);
            UsageTotals u = out.byKey.computeIfAbsent(key, k -> new UsageTotals());
            u.invocations++;
            u.errors += r.getField("error_code") != null ? 1 : 0;
            u.inputTokens += (Long) r.getField("input_tokens");
            u.outputTokens += (Long) r.getField("output_tokens");
            u.cacheReadTokens += (Long) r.getField("cache_read_tokens");
            u.cacheWriteTokens += (Long) r.getField("cache_write_tokens");
            u.unpricedInvocations += Boolean.TRUE.equals(r.getField("priced")) ? 0 : 1;
            u.costUsd = u.costUsd.add(money(r, "cost_usd"));
            u.inputCostUsd = u.inputCostUsd.add(money(r, "input_cost_usd"));
            u.outputCostUsd = u.outputCostUsd.add(money(r, "output_cost_usd"));
            u.cacheReadCostUsd = u.cacheReadCostUsd.add(money(r, "cache_read_cost_usd"));
            u.cacheWriteCostUsd = u.cacheWriteCostUsd.add(money(r, "cache_write_cost_usd"));
        }
        out.distinctRequestIds = ids.size();
        return out;
    }

    /**
     * A usage table's rows whose window lies in a day accepted by {@code days}, summed to day
     * grain.
     */
    Map<UsageKey, UsageTotals> usage(String table, Predicate<LocalDate> days) {
        Map<UsageKey, UsageTotals> out = new TreeMap<>();
        for (Record r : rows(table)) {
            LocalDate day = day((OffsetDateTime) r.getField("window_start"));
            if (!days.test(day)) {
                continue;
            }
            UsageTotals u = out.computeIfAbsent(key(day, r), k -> new UsageTotals());
            u.invocations += (Long) r.getField("invocations");
            u.errors += (Long) r.getField("errors");
            u.inputTokens += (Long) r.getField("input_tokens");
            u.outputTokens += (Long) r.getField("output_tokens");
            u.cacheReadTokens += (Long) r.getField("cache_read_tokens");
            u.cacheWriteTokens += (Long) r.getField("cache_write_tokens");
            u.unpricedInvocations += (Long) r.getField("unpriced_invocations");
            u.costUsd = u.costUsd.add(money(r, "cost_usd"));
            u.inputCostUsd = u.inputCostUsd.add(money(r, "input_cost_usd"));
            u.outputCostUsd = u.outputCostUsd.add(money(r, "output_cost_usd"));
            u.cacheReadCostUsd = u.cacheReadCostUsd.add(money(r, "cache_read_cost_usd"));
            u.cacheWriteCostUsd = u.cacheWriteCostUsd.add(money(r, "cache_write_cost_usd"));
        }
        return out;
    }

    long count(String table) {
        return rows(table).size();
    }

    private static UsageKey key(LocalDate day, Record r) {
        return new UsageKey(
                day,
                str(r, "account_id"),
                str(r, "region"),
                str(r, "caller_arn"),
                str(r, "model_id"));
    }

    private static String str(Record r, String field) {
        Object v = r.getField(field);
        return v == null ? "" : v.toString();
    }

    private static BigDecimal money(Record r, String field) {
        Object v = r.getField(field);
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }

    static LocalDate day(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** What {@link #invocations()} found. */
    static final class Invocations {
        final Map<UsageKey, UsageTotals> byKey = new TreeMap<>();
        long rows;
        long distinctRequestIds;
    }
}
