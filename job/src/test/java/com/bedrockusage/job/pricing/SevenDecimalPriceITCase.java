package com.bedrockusage.job.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.TokenCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A negotiated price with more decimals than the tables' 12 can hold once multiplied ({@code
 * 2.6666667} USD per million tokens): the job writes every row, each cost rounded HALF_EVEN to 12
 * decimals, and the usage tables add up to the invocations table exactly.
 */
class SevenDecimalPriceITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final Instant START = Instant.parse("2026-11-01T20:00:00Z");

    @TempDir Path tmp;

    @Test
    void shouldWriteRowsWithHalfEvenRoundedCostsForAPriceWithSevenDecimals() throws Exception {
        Path prices = tmp.resolve("negotiated.csv");
        Files.write(
                prices,
                Arrays.asList(
                        PriceCsv.HEADER,
                        MODEL
                                + ",*,2026-01-01T00:00:00Z,2.6666667,10.6666667,0.2666667,3.3333333,5.3333333"),
                StandardCharsets.UTF_8);
        LogTree tree = new LogTree(tmp.resolve("logs"));
        Random rnd = new Random(16);
        List<LogRecord> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LogRecord r = new LogRecord("odd-" + i, START.plusSeconds(97L * i));
            r.modelId = MODEL;
            r.callerArn = "arn:aws:iam::111111111111:user/u" + (i % 3);
            r.input = 1 + rnd.nextInt(5000);
            r.output = 1 + rnd.nextInt(800);
            r.cacheRead = rnd.nextInt(3) == 0 ? rnd.nextInt(20000) : 0;
            r.cacheWrite = rnd.nextInt(3) == 0 ? rnd.nextInt(3000) : 0;
            r.cacheWrite1h = r.cacheWrite / 3;
            calls.add(r);
        }
        for (int i = 0; i < calls.size(); i += 10) {
            tree.write(calls.get(i), json(calls.subList(i, i + 10)));
        }

        JobConfig config =
                PipelineRuns.config(
                        tree.root(),
                        MINI_CLUSTER.warehouse(),
                        "pricing.catalog=" + prices,
                        "pipeline.allowed-lateness=12h");
        PipelineRuns.run(config);

        PriceCatalog catalog = PriceCatalog.load(prices);
        Map<String, BigDecimal> stored = new HashMap<>();
        for (Record r : PipelineRuns.rows(config, Tables.INVOCATIONS)) {
            stored.put((String) r.getField("request_id"), (BigDecimal) r.getField("cost_usd"));
        }
        assertThat(stored).hasSize(calls.size());
        int needingRounding = 0;
        for (LogRecord r : calls) {
            BigDecimal exact = exactCost(r);
            needingRounding += exact.stripTrailingZeros().scale() > 12 ? 1 : 0;
            BigDecimal rounded =
                    catalog.price(MODEL, r.region, r.time.toEpochMilli(), tokens(r)).cost().total();
            assertThat(stored.get(r.requestId))
                    .as(r.requestId)
                    .isEqualByComparingTo(rounded)
                    .isCloseTo(exact, within(new BigDecimal("3E-12")));
        }
        assertThat(needingRounding)
                .as("calls whose exact cost has more than 12 decimals")
                .isGreaterThan(50);

        Map<String, ExpectedUsage.Totals> daily = PipelineRuns.usage(config, Tables.USAGE_DAILY);
        assertThat(daily).isEqualTo(ExpectedUsage.daily(calls, catalog));
        BigDecimal invocationTotal =
                stored.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum(daily)).isEqualByComparingTo(invocationTotal);
        assertThat(sum(PipelineRuns.usage(config, Tables.USAGE_HOURLY)))
                .isEqualByComparingTo(invocationTotal);
        assertThat(sum(PipelineRuns.usage(config, Tables.USAGE_MINUTE)))
                .isEqualByComparingTo(invocationTotal);
    }

    private static TokenCounts tokens(LogRecord r) {
        return new TokenCounts(r.input, r.output, r.cacheRead, r.cacheWrite5m(), r.cacheWrite1h);
    }

    /** Unrounded: tokens x price / 10^6 summed over the components. */
    private static BigDecimal exactCost(LogRecord r) {
        return new BigDecimal("2.6666667")
                .multiply(BigDecimal.valueOf(r.input))
                .add(new BigDecimal("10.6666667").multiply(BigDecimal.valueOf(r.output)))
                .add(new BigDecimal("0.2666667").multiply(BigDecimal.valueOf(r.cacheRead)))
                .add(new BigDecimal("3.3333333").multiply(BigDecimal.valueOf(r.cacheWrite5m())))
                .add(new BigDecimal("5.3333333").multiply(BigDecimal.valueOf(r.cacheWrite1h)))
                .divide(BigDecimal.valueOf(1_000_000), 20, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal sum(Map<String, ExpectedUsage.Totals> rows) {
        return rows.values().stream().map(t -> t.cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<String> json(List<LogRecord> records) {
        List<String> lines = new ArrayList<>();
        for (LogRecord r : records) {
            lines.add(r.json());
        }
        return lines;
    }
}
