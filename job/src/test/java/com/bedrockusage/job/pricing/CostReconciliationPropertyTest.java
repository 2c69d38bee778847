package com.bedrockusage.job.pricing;

import static com.bedrockusage.job.testing.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.parse.BedrockRecordParser;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.sink.InvocationToRow;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.sink.UsageToRow;
import com.bedrockusage.job.testing.CapturedMetrics;
import com.bedrockusage.job.testing.KeyedBroadcastHarness;
import com.bedrockusage.job.usage.UsageAccumulator;
import com.bedrockusage.job.usage.UsageKey;
import com.bedrockusage.job.usage.UsageRow;
import com.bedrockusage.pricing.CostRounding;
import com.bedrockusage.pricing.PriceCsv;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/**
 * Random prices with 0 to 15 decimals (base catalogue and broadcast updates) and random token
 * counts up to the parser's cap, through the real pricing operator, the usage accumulator and the
 * row converters: every per-call cost is the exact product rounded HALF_EVEN to 12 decimals per
 * component, the sink stores it as is, and usage totals are the exact sums of the per-call costs
 * that {@code invocations} stores.
 */
class CostReconciliationPropertyTest {

    private static final int MODELS = 6;
    private static final int CALLS = 3000;
    private static final String FROM = "2024-01-01T00:00:00Z";
    private static final String[] COST_COLUMNS = {
        "cost", "input", "output", "cacheRead", "cacheWrite"
    };
    private static final int[] INVOCATION_COLUMNS = {18, 19, 20, 21, 22};
    private static final int[] USAGE_COLUMNS = {11, 12, 13, 14, 15};

    @Test
    void shouldStoreHalfEvenRoundedCallCostsWhoseSumsAreTheUsageTotals() throws Exception {
        Random rnd = new Random(16_2L);
        Map<String, BigDecimal[]> prices = new HashMap<>();
        List<String> base = new ArrayList<>();
        base.add(PriceCsv.HEADER);
        List<String> update = new ArrayList<>();
        update.add(PriceCsv.HEADER);
        for (int m = 0; m < MODELS; m++) {
            String model = "acme.model-" + m;
            BigDecimal[] p = {price(rnd), price(rnd), price(rnd), price(rnd), price(rnd)};
            prices.put(model, p);
            // half the models priced by the base catalogue, half by an update that arrives through
            // broadcast state
            (m % 2 == 0 ? base : update)
                    .add(
                            model
                                    + ",*,"
                                    + FROM
                                    + ","
                                    + p[0].toPlainString()
                                    + ","
                                    + p[1].toPlainString()
                                    + ","
                                    + p[2].toPlainString()
                                    + ","
                                    + p[3].toPlainString()
                                    + ","
                                    + p[4].toPlainString());
        }
        KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness =
                DedupAndPriceHarness.of(
                        new DedupAndPrice(base, Duration.ofHours(48)), new CapturedMetrics());
        harness.open();
        harness.processBroadcastElement(PriceUpdate.of("odd-prices.csv", update), 0);
        for (int i = 0; i < CALLS; i++) {
            Invocation inv = call("r" + i, "2025-01-15T10:00:00Z");
            inv.modelId = "acme.model-" + rnd.nextInt(MODELS);
            inv.callerArn = "arn:aws:iam::111122223333:role/app-" + rnd.nextInt(3);
            inv.inputTokens = tokens(rnd);
            inv.outputTokens = tokens(rnd);
            inv.cacheReadTokens = tokens(rnd);
            inv.cacheWriteTokens = tokens(rnd);
            inv.cacheWrite1hTokens =
                    rnd.nextBoolean() ? 0 : Math.floorMod(rnd.nextLong(), inv.cacheWriteTokens + 1);
            harness.processElement(inv, inv.eventTime);
        }
        List<Invocation> out = harness.extractOutputValues();
        harness.close();
        assertThat(out).hasSize(CALLS);

        InvocationToRow invocationRows = new InvocationToRow(Tables.invocations());
        Map<String, UsageAccumulator> usage = new HashMap<>();
        Map<String, BigDecimal[]> storedSums = new HashMap<>();
        for (Invocation inv : out) {
            assertThat(inv.priced).as("priced %s", inv).isTrue();
            BigDecimal[] p = prices.get(inv.modelId);
            assertThat(inv.inputCostUsd).isEqualByComparingTo(rounded(inv.inputTokens, p[0]));
            assertThat(inv.outputCostUsd).isEqualByComparingTo(rounded(inv.outputTokens, p[1]));
            assertThat(inv.cacheReadCostUsd)
                    .isEqualByComparingTo(rounded(inv.cacheReadTokens, p[2]));
            assertThat(inv.cacheWriteCostUsd)
                    .isEqualByComparingTo(
                            rounded(inv.cacheWriteTokens - inv.cacheWrite1hTokens, p[3])
                                    .add(rounded(inv.cacheWrite1hTokens, p[4])));
            BigDecimal exact =
                    CostRounding.exact(inv.inputTokens, p[0])
                            .add(CostRounding.exact(inv.outputTokens, p[1]))
                            .add(CostRounding.exact(inv.cacheReadTokens, p[2]))
                            .add(
                                    CostRounding.exact(
                                            inv.cacheWriteTokens - inv.cacheWrite1hTokens, p[3]))
                            .add(CostRounding.exact(inv.cacheWrite1hTokens, p[4]));
            assertThat(inv.costUsd)
                    .as("cost of %s", inv)
                    .isEqualByComparingTo(
                            exact.setScale(CostRounding.SCALE, RoundingMode.HALF_EVEN));

            BigDecimal[] stored = stored(invocationRows.map(inv), INVOCATION_COLUMNS);
            assertThat(stored[0]).as("stored cost of %s", inv).isEqualByComparingTo(inv.costUsd);
            String key = UsageKey.of(inv);
            usage.computeIfAbsent(key, k -> new UsageAccumulator()).add(inv);
            BigDecimal[] sums = storedSums.computeIfAbsent(key, k -> zeros());
            for (int c = 0; c < sums.length; c++) {
                sums[c] = sums[c].add(stored[c]);
            }
        }

        UsageToRow usageRows = new UsageToRow(Tables.usage(Tables.USAGE_DAILY));
        for (Map.Entry<String, UsageAccumulator> e : usage.entrySet()) {
            RowData row = usageRows.map(UsageRow.of(e.getKey(), 0L, "daily", e.getValue(), false));
            BigDecimal[] total = stored(row, USAGE_COLUMNS);
            for (int c = 0; c < total.length; c++) {
                assertThat(total[c])
                        .as("%s of %s", COST_COLUMNS[c], e.getKey())
                        .isEqualTo(storedSums.get(e.getKey())[c]);
            }
        }
    }

    private static BigDecimal rounded(long tokens, BigDecimal perMtok) {
        return perMtok.multiply(BigDecimal.valueOf(tokens))
                .divide(BigDecimal.valueOf(1_000_000))
                .setScale(Tables.MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The money columns as stored: DECIMAL(38, 12) (the converter would return null if one did not
     * fit).
     */
    private static BigDecimal[] stored(RowData row, int[] columns) {
        BigDecimal[] values = new BigDecimal[columns.length];
        for (int c = 0; c < columns.length; c++) {
            DecimalData d = row.getDecimal(columns[c], Tables.MONEY_PRECISION, Tables.MONEY_SCALE);
            assertThat(d).as("column %d of %s", columns[c], row).isNotNull();
            assertThat(d.toBigDecimal().scale()).isEqualTo(Tables.MONEY_SCALE);
            assertThat(d.toBigDecimal().precision()).isLessThanOrEqualTo(Tables.MONEY_PRECISION);
            values[c] = d.toBigDecimal();
        }
        return values;
    }

    private static BigDecimal[] zeros() {
        BigDecimal zero = BigDecimal.ZERO.setScale(Tables.MONEY_SCALE);
        return new BigDecimal[] {zero, zero, zero, zero, zero};
    }

    /** Below 1,000 USD per million tokens, with 0 to 15 decimals. */
    private static BigDecimal price(Random rnd) {
        int decimals = rnd.nextInt(16);
        return new BigDecimal(
                new BigInteger(64, rnd).mod(BigInteger.TEN.pow(decimals + 3)), decimals);
    }

    private static long tokens(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return 0;
            case 1:
                return 1 + rnd.nextInt(10);
            case 2:
                return BedrockRecordParser.MAX_TOKENS - rnd.nextInt(10);
            default:
                return Math.floorMod(rnd.nextLong(), BedrockRecordParser.MAX_TOKENS + 1);
        }
    }
}
