package com.bedrockusage.job.pricing;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import com.bedrockusage.job.usage.CallerKey;
import com.bedrockusage.job.usage.UsageKey;
import com.bedrockusage.pricing.CostBreakdown;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.PriceRow;
import com.bedrockusage.pricing.PricingResult;
import com.bedrockusage.pricing.PricingRules;
import com.bedrockusage.pricing.ServiceTiers;
import com.bedrockusage.pricing.TokenCounts;
import com.bedrockusage.pricing.UnitQuantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters each call once: drops a repeated requestId ({@link SeenRequestIds}) and prices every other
 * invocation from a catalogue that can be updated while the job runs. Never drops a call otherwise.
 *
 * <p><b>Keying.</b> Key the calls by {@link UsageKey} before this function. Dedup needs keyed
 * state; keying by the usage key (which every copy of a call shares) instead of by requestId keeps
 * the calls partitioned the way the usage windows need them, so the windows chain onto this
 * operator ({@link com.bedrockusage.job.usage.UsageWindows#byUsageKey}) instead of receiving every
 * call through another shuffle.
 *
 * <p><b>Where prices come from.</b> The catalogue in force is the <i>base</i> (given to the
 * constructor: the default or the user's CSV) with the broadcast state laid over it: {@code
 * base.upsert(broadcast rows)}. The base is deliberately not copied into broadcast state: state can
 * only be written when a broadcast element arrives, and a layer keeps the rule simple on restore —
 * whatever the new deployment's base says, a row that arrived as an update (same model, region and
 * effective_from) still wins, because the broadcast state is restored and applied on top. To
 * correct an update, send another update for the same key.
 *
 * <p><b>Updates</b> ({@link PriceUpdate}) are upserts keyed by {@link PriceRow#id()} ({@code
 * model|region|effective_from}) into {@link #PRICE_ROWS}: re-applying one is a no-op and updates
 * for different keys commute. Two updates for the same key with different prices: the
 * later-arriving one wins (a correction). Feed updates from a single-parallelism source (as {@link
 * PriceUpdateFiles} does) so every instance sees them in the same order. A bad line is counted
 * ({@value MetricNames#BAD_PRICE_LINES}) and logged; the valid lines of the same update still
 * apply.
 *
 * <p><b>Pricing rules.</b> A call is priced with the row in force at its own event time (a late
 * event gets the old price). {@code costUsd} is the call's exact cost rounded HALF_EVEN to 12
 * decimals ({@link com.bedrockusage.pricing.CostRounding#round}); the usage windows add exactly
 * these values. A failed call ({@code errorCode != null}) costs zero and is priced, with {@code
 * priceRow} = {@value #FAILED_CALL_PRICE_ROW} and its resolved model (null if unknown). A
 * successful call with no price keeps {@code priced=false}, null costs and null {@code priceRow},
 * is counted ({@value MetricNames#UNPRICED}) and still flows on with its tokens.
 *
 * <p>Sets the pricing fields on the incoming {@link Invocation} in place, before emitting it;
 * nothing downstream changes it (the job enables object reuse).
 */
public class DedupAndPrice
        extends KeyedBroadcastProcessFunction<String, Invocation, PriceUpdate, Invocation> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DedupAndPrice.class);

    /**
     * Broadcast state: price row id ({@code model|region|effective_from}) to its CSV line. Strings
     * avoid Kryo.
     */
    public static final MapStateDescriptor<String, String> PRICE_ROWS =
            new MapStateDescriptor<>("price-rows", Types.STRING, Types.STRING);

    /** {@code priceRow} of a failed call: no row was used, the call costs nothing by rule. */
    public static final String FAILED_CALL_PRICE_ROW = "no-charge:failed-call";

    /** Operator name; Flink metrics show it with underscores ({@code dedup_and_price}). */
    public static final String NAME = "dedup and price";

    /**
     * {@link Invocation#serviceTier} of a call whose log names only the requested tier (set by the
     * parser).
     */
    public static final String REQUESTED_TIER_PREFIX = "requested:";

    /** Distinct unpriced model ids logged per instance; beyond this, only the counter moves. */
    private static final int MAX_LOGGED_UNPRICED = 200;

    private static final String STATE_ORIGIN = "price-rows-state";

    private final PriceCatalog base;
    private final Duration dedupTtl;

    /** base + broadcast state; null until first needed, after a restore and after every change. */
    private transient PriceCatalog catalog;

    private transient SeenRequestIds seen;
    private transient Set<String> loggedUnpriced;
    private transient Counter unpriced;
    private transient Counter badLines;
    private transient Counter rowsUpdated;
    private transient UnpricedReasons unpricedReasons;

    /**
     * @param baseCsvLines the initial catalogue as CSV lines (header, comments and blank lines are
     *     skipped)
     */
    public DedupAndPrice(List<String> baseCsvLines, Duration dedupTtl) {
        this(parseBase(baseCsvLines), dedupTtl);
    }

    /**
     * @param base the initial catalogue (keeps its aliases)
     * @param dedupTtl how long a requestId is remembered
     */
    public DedupAndPrice(PriceCatalog base, Duration dedupTtl) {
        this.base = Objects.requireNonNull(base, "base");
        this.dedupTtl = SeenRequestIds.requirePositive(dedupTtl);
    }

    /**
     * {@code calls.keyBy(usage key).connect(updates.broadcast(PRICE_ROWS)).process(...)} with uid
     * {@value OperatorIds#PRICING}. The updates stream must not hold back event time: give it
     * {@link PriceUpdateFiles#neverHoldsBackTime()} (as {@link PriceUpdateFiles#stream} does).
     *
     * @return the metered calls, still partitioned by usage key
     */
    public static SingleOutputStreamOperator<Invocation> apply(
            DataStream<Invocation> calls,
            BroadcastStream<PriceUpdate> updates,
            PriceCatalog base,
            Duration dedupTtl) {
        return apply(calls, updates, base, dedupTtl, CallerKey.ARN);
    }

    /**
     * @param callerKey what the usage key's caller part holds ({@code pipeline.caller-key})
     */
    public static SingleOutputStreamOperator<Invocation> apply(
            DataStream<Invocation> calls,
            BroadcastStream<PriceUpdate> updates,
            PriceCatalog base,
            Duration dedupTtl,
            CallerKey callerKey) {
        return calls.keyBy(new UsageKey.Selector(callerKey), Utf8StringTypeInfo.INSTANCE)
                .connect(updates)
                .process(new DedupAndPrice(base, dedupTtl), TypeInformation.of(Invocation.class))
                .uid(OperatorIds.PRICING)
                .name(NAME);
    }

    private static PriceCatalog parseBase(List<String> lines) {
        List<PriceRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!PriceLines.isIgnorable(line)) {
                rows.add(PriceCsv.parseLine(PriceLines.stripBom(line), "base-catalogue", i + 1));
            }
        }
        // A bad or duplicate base row fails here, when the job is built, not while it runs.
        return PriceCatalog.of(rows);
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        catalog = null;
        seen = SeenRequestIds.open(getRuntimeContext(), dedupTtl);
        loggedUnpriced = new HashSet<>();
        unpriced = MetricNames.counter(metrics, MetricNames.UNPRICED);
        badLines = MetricNames.counter(metrics, MetricNames.BAD_PRICE_LINES);
        rowsUpdated = MetricNames.counter(metrics, MetricNames.PRICE_ROWS_UPDATED);
        unpricedReasons = new UnpricedReasons(MetricNames.group(metrics));
    }

    @Override
    public void processElement(
            Invocation invocation, ReadOnlyContext ctx, Collector<Invocation> out)
            throws Exception {
        if (!seen.firstTime(invocation.requestId, invocation.eventTime, ctx.timerService())) {
            return;
        }
        if (catalog == null) {
            catalog = rebuild(ctx.getBroadcastState(PRICE_ROWS).immutableEntries());
        }
        price(invocation, catalog);
        out.collect(invocation);
    }

    /** The only timers here are dedup's sweeps. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Invocation> out)
            throws Exception {
        seen.sweep(ctx.timerService());
    }

    @Override
    public void processBroadcastElement(PriceUpdate update, Context ctx, Collector<Invocation> out)
            throws Exception {
        BroadcastState<String, String> state = ctx.getBroadcastState(PRICE_ROWS);
        Map<String, String> inThisUpdate = new HashMap<>();
        int changed = 0;
        for (int i = 0; i < update.size(); i++) {
            String raw = update.lines[i];
            if (PriceLines.isIgnorable(raw)) {
                continue;
            }
            int lineNo = update.lineNumber(i);
            String line;
            String id;
            try {
                PriceRow row = PriceCsv.parseLine(PriceLines.stripBom(raw), update.origin, lineNo);
                line = PriceCsv.toCsvLine(row);
                id = row.id();
            } catch (RuntimeException e) {
                badLines.inc();
                LOG.warn(
                        "Ignoring bad price line {}:{}: {}", update.origin, lineNo, e.getMessage());
                continue;
            }
            String sameUpdate = inThisUpdate.putIfAbsent(id, line);
            if (sameUpdate != null && !sameUpdate.equals(line)) {
                badLines.inc();
                LOG.warn(
                        "Ignoring price line {}:{}: a different row for {} is earlier in the same update",
                        update.origin,
                        lineNo,
                        id);
                continue;
            }
            String previous = state.get(id);
            if (!line.equals(previous)) {
                state.put(id, line);
                changed++;
                if (previous != null) {
                    LOG.info("Price row {} replaced by {}:{}", id, update.origin, lineNo);
                }
            }
        }
        if (changed > 0) {
            rowsUpdated.inc(changed);
            catalog = null;
        }
        LOG.info("Applied price update {}: {} rows changed", update.origin, changed);
    }

    private PriceCatalog rebuild(Iterable<Map.Entry<String, String>> entries) {
        List<PriceRow> rows = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : entries) {
            try {
                rows.add(PriceCsv.parseLine(e.getValue(), STATE_ORIGIN, ++n));
            } catch (RuntimeException bad) {
                // Only normalized lines are ever stored; this guards against a hand-edited
                // savepoint.
                badLines.inc();
                LOG.error(
                        "Ignoring unreadable price row {} in state: {}",
                        e.getKey(),
                        bad.getMessage());
            }
        }
        return rows.isEmpty() ? base : base.upsert(rows);
    }

    private void price(Invocation inv, PriceCatalog prices) {
        if (inv.isError()) {
            inv.model = prices.resolveModel(inv.modelId);
            inv.priced = true;
            inv.costUsd = BigDecimal.ZERO;
            inv.inputCostUsd = BigDecimal.ZERO;
            inv.outputCostUsd = BigDecimal.ZERO;
            inv.cacheReadCostUsd = BigDecimal.ZERO;
            inv.cacheWriteCostUsd = BigDecimal.ZERO;
            inv.unitCostUsd = BigDecimal.ZERO;
            inv.priceRow = FAILED_CALL_PRICE_ROW;
            inv.pricingRule = PricingRules.FAILED_CALL;
            return;
        }
        PricingResult result = priceOf(inv, prices);
        inv.model = result.resolvedModel();
        inv.pricingRule = result.rule();
        if (result.isPriced()) {
            CostBreakdown cost = result.cost();
            inv.priced = true;
            inv.costUsd = cost.total();
            inv.inputCostUsd = cost.input();
            inv.outputCostUsd = cost.output();
            inv.cacheReadCostUsd = cost.cacheRead();
            inv.cacheWriteCostUsd = cost.cacheWrite();
            inv.unitCostUsd = cost.units();
            inv.priceRow = cost.row().id();
        } else {
            inv.priced = false;
            inv.costUsd = null;
            inv.inputCostUsd = null;
            inv.outputCostUsd = null;
            inv.cacheReadCostUsd = null;
            inv.cacheWriteCostUsd = null;
            inv.unitCostUsd = null;
            inv.priceRow = null;
            unpriced.inc();
            unpricedReasons.count(result.rule());
            String what = inv.modelId + " in " + inv.region + " (" + result.rule() + ")";
            if (loggedUnpriced.size() < MAX_LOGGED_UNPRICED && loggedUnpriced.add(what)) {
                LOG.warn(
                        "Unpriced call(s) for {} (first: {}): {}",
                        what,
                        inv.requestId,
                        result.unpricedReason());
            }
        }
    }

    /**
     * The catalogue's answer for the call's tokens, served tier and units. A tier the request asked
     * for but the log does not confirm is unpriced ({@value PricingRules#SERVED_TIER_NOT_LOGGED}):
     * AWS may have served another one.
     */
    static PricingResult priceOf(Invocation inv, PriceCatalog prices) {
        if (inv.serviceTier != null && inv.serviceTier.startsWith(REQUESTED_TIER_PREFIX)) {
            return PricingResult.unpriced(
                    prices.resolveModel(inv.modelId),
                    PricingRules.SERVED_TIER_NOT_LOGGED,
                    "the request asked for service tier "
                            + inv.serviceTier.substring(REQUESTED_TIER_PREFIX.length())
                            + " and the log does not say which tier served it");
        }
        UnitQuantity units =
                inv.unit == null
                        ? null
                        : new UnitQuantity(inv.unit, inv.unitVariant, inv.unitQuantity);
        return prices.price(
                inv.modelId,
                inv.region,
                inv.eventTime,
                tokensOf(inv),
                inv.serviceTier == null ? ServiceTiers.STANDARD : inv.serviceTier,
                units);
    }

    /**
     * Bedrock logs all cache writes plus their 1-hour part; prices split them into 5-minute and
     * 1-hour.
     */
    static TokenCounts tokensOf(Invocation inv) {
        return new TokenCounts(
                inv.inputTokens,
                inv.outputTokens,
                inv.cacheReadTokens,
                inv.cacheWriteTokens - inv.cacheWrite1hTokens,
                inv.cacheWrite1hTokens);
    }
}
