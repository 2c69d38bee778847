package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.dashboard.Measures.Count;
import com.bedrockusage.pricing.CallerArns;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.iceberg.data.Record;

/**
 * Turns rows of the usage tables and of invocations into {@link UsageFact}s (not final: a test
 * slows it down).
 */
class FactReader {

    private static final List<Count> TOKENS =
            List.of(
                    Count.INPUT_TOKENS,
                    Count.OUTPUT_TOKENS,
                    Count.CACHE_READ_TOKENS,
                    Count.CACHE_WRITE_TOKENS);

    private final Pattern appPattern;
    private final PriceCatalog prices;

    FactReader(Pattern appPattern, PriceCatalog prices) {
        this.appPattern = appPattern;
        this.prices = prices;
    }

    /** A row of usage_minute, usage_hourly or usage_daily. */
    UsageFact usageRow(Record r) {
        Measures m = new Measures();
        for (Count c : Count.values()) {
            m.set(c, (Long) r.getField(c.column));
        }
        m.costUsd = money(r.getField("cost_usd"));
        m.worstP50Ms = (Double) r.getField("latency_p50_ms");
        m.worstP99Ms = (Double) r.getField("latency_p99_ms");
        return fact(r, millis(r.getField("window_start")), m, Map.of());
    }

    /** One call of invocations, as a fact of its own (summed per hour by the caller). */
    UsageFact invocation(Record r, long hourStart) {
        Measures m = new Measures();
        m.set(Count.INVOCATIONS, 1);
        m.set(Count.ERRORS, r.getField("error_code") == null ? 0 : 1);
        for (Count c : TOKENS) {
            m.set(c, (Long) r.getField(c.column));
        }
        m.set(Count.UNPRICED_INVOCATIONS, Boolean.TRUE.equals(r.getField("priced")) ? 0 : 1);
        m.costUsd = money(r.getField("cost_usd"));
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) r.getField("request_metadata");
        return fact(r, hourStart, m, tags == null ? Map.of() : Map.copyOf(tags));
    }

    /** The fact of {@code r}'s key columns at {@code start}: {@code m} with its cache savings. */
    private UsageFact fact(Record r, long start, Measures m, Map<String, String> tags) {
        String model = (String) r.getField("model_id");
        String region = (String) r.getField("region");
        m.cacheSavingsUsd =
                cacheSavings(
                        model,
                        region,
                        start,
                        m.get(Count.CACHE_READ_TOKENS),
                        r.getField("cache_read_cost_usd"));
        String caller = (String) r.getField("caller_arn");
        String account = (String) r.getField("account_id");
        return new UsageFact(start, account, region, caller, model, app(account, caller), tags, m);
    }

    /**
     * As cost_by_app.sql names it: the app of the role, else "(other) ", the account and the
     * principal (so same-named users of different accounts stay apart).
     */
    String app(String account, String caller) {
        String app = caller == null ? null : CallerArns.app(caller, appPattern);
        if (app != null) {
            return app;
        }
        String principal = caller == null ? null : CallerArns.principal(caller);
        return "(other) "
                + account
                + " "
                + (principal == null ? (caller == null ? "" : caller) : principal);
    }

    private BigDecimal cacheSavings(
            String model, String region, long millis, long cacheReadTokens, Object cost) {
        if (cacheReadTokens == 0 || model == null) {
            return BigDecimal.ZERO;
        }
        PricingResult asInput =
                prices.price(model, region, millis, new TokenCounts(cacheReadTokens, 0, 0, 0, 0));
        if (!asInput.isPriced()) {
            return BigDecimal.ZERO;
        }
        return asInput.cost().input().subtract(money(cost));
    }

    static long millis(Object timestamp) {
        return ((OffsetDateTime) timestamp).toInstant().toEpochMilli();
    }

    private static BigDecimal money(Object v) {
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }
}
