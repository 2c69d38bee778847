package com.bedrockusage.job.testing;

import com.bedrockusage.job.usage.CallerKey;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.TokenCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The usage totals a test computes itself from the records it wrote, to compare with the job's
 * tables.
 */
public final class ExpectedUsage {

    /** One row per (day, account, region, caller, model), like usage_daily. */
    public static final class Totals {
        public long invocations;
        public long errors;
        public long inputTokens;
        public long outputTokens;
        public long cacheReadTokens;
        public long cacheWriteTokens;
        public long unpriced;
        public BigDecimal cost = BigDecimal.ZERO;

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Totals)) {
                return false;
            }
            Totals t = (Totals) o;
            return invocations == t.invocations
                    && errors == t.errors
                    && inputTokens == t.inputTokens
                    && outputTokens == t.outputTokens
                    && cacheReadTokens == t.cacheReadTokens
                    && cacheWriteTokens == t.cacheWriteTokens
                    && unpriced == t.unpriced
                    && cost.compareTo(t.cost) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(invocations, errors, inputTokens, outputTokens);
        }

        @Override
        public String toString() {
            return "{inv="
                    + invocations
                    + " err="
                    + errors
                    + " in="
                    + inputTokens
                    + " out="
                    + outputTokens
                    + " cr="
                    + cacheReadTokens
                    + " cw="
                    + cacheWriteTokens
                    + " unpriced="
                    + unpriced
                    + " cost="
                    + cost.stripTrailingZeros().toPlainString()
                    + "}";
        }
    }

    private ExpectedUsage() {}

    /**
     * @param caller the caller as logged: reduced to its principal, as the job keys usage by
     *     default
     */
    public static String key(
            Instant windowStart, String account, String region, String caller, String model) {
        return windowStart
                + "|"
                + account
                + "|"
                + region
                + "|"
                + CallerKey.PRINCIPAL.of(caller)
                + "|"
                + model;
    }

    /** Daily totals of the given unique records, priced with {@code catalog}. */
    public static Map<String, Totals> daily(Collection<LogRecord> unique, PriceCatalog catalog) {
        return windowed(unique, catalog, ChronoUnit.DAYS);
    }

    /** Totals per window of one {@code unit} (minutes, hours, days) of the given unique records. */
    public static Map<String, Totals> windowed(
            Collection<LogRecord> unique, PriceCatalog catalog, ChronoUnit unit) {
        Map<String, Totals> out = new TreeMap<>();
        for (LogRecord r : unique) {
            Instant start = r.time.truncatedTo(unit);
            Totals t =
                    out.computeIfAbsent(
                            key(start, r.accountId, r.region, r.callerArn, r.modelId),
                            k -> new Totals());
            t.invocations++;
            if (r.errorCode != null) {
                t.errors++;
                continue;
            }
            t.inputTokens += r.input;
            t.outputTokens += r.output;
            t.cacheReadTokens += r.cacheRead;
            t.cacheWriteTokens += r.cacheWrite;
            PricingResult p = price(r, catalog);
            if (p.isPriced()) {
                t.cost = t.cost.add(p.cost().total());
            } else {
                t.unpriced++;
            }
        }
        return out;
    }

    /** The call priced by the test itself: tokens, the tier it expects and the units it expects. */
    public static PricingResult price(LogRecord r, PriceCatalog catalog) {
        TokenCounts tokens =
                new TokenCounts(r.input, r.output, r.cacheRead, r.cacheWrite5m(), r.cacheWrite1h);
        String tier = r.expectedTier();
        if (tier.startsWith("requested:")) {
            return PricingResult.unpriced(
                    catalog.resolveModel(r.modelId), "served_tier_not_logged", tier);
        }
        return catalog.price(
                r.modelId, r.region, r.time.toEpochMilli(), tokens, tier, r.expectedUnits());
    }
}
