package com.bedrockusage.job.usage;

import static com.bedrockusage.job.testing.Invocations.call;
import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsageAccumulatorTest {

    private static final long T = 1_750_000_000_000L;

    @Test
    void shouldSumCostsExactlyWithoutFloatingPointDrift() {
        UsageAccumulator acc = new UsageAccumulator();
        for (int i = 0; i < 10; i++) {
            acc.add(priced("r" + i, T, "0.1", null));
        }
        acc.add(priced("r10", T, "0.2", null));

        assertThat(acc.costUsd).isEqualByComparingTo("1.2");
        assertThat(acc.costUsd.toPlainString()).isEqualTo("1.2");
        assertThat(acc.inputCostUsd).isEqualByComparingTo("1.2");
        assertThat(acc.outputCostUsd).isEqualByComparingTo("0");
    }

    @Test
    void shouldCountErrorsAndUnpricedCallsAndKeepTheirTokens() {
        UsageAccumulator acc = new UsageAccumulator();
        Invocation ok = priced("ok", T, "0.000500", 100L);
        ok.cacheReadTokens = 50;
        ok.cacheWriteTokens = 30;
        Invocation failed = priced("failed", T, "0", null);
        failed.errorCode = "ThrottlingException";
        failed.inputTokens = 0;
        failed.outputTokens = 0;
        Invocation unpriced = call("unpriced", T);

        acc.add(ok).add(failed).add(unpriced);

        assertThat(acc.invocations).isEqualTo(3);
        assertThat(acc.errors).isEqualTo(1);
        assertThat(acc.unpricedInvocations).isEqualTo(1);
        assertThat(acc.inputTokens).isEqualTo(2000);
        assertThat(acc.outputTokens).isEqualTo(400);
        assertThat(acc.cacheReadTokens).isEqualTo(50);
        assertThat(acc.cacheWriteTokens).isEqualTo(30);
        assertThat(acc.costUsd).isEqualByComparingTo("0.0005");
        assertThat(acc.latencyCount).isEqualTo(1);
    }

    @Test
    void shouldLeaveCostsNullWhenNoCallHadAPrice() {
        UsageAccumulator acc = new UsageAccumulator().add(call("a", T)).add(call("b", T));

        assertThat(acc.costUsd).isNull();
        assertThat(acc.cacheWriteCostUsd).isNull();
        assertThat(acc.unpricedInvocations).isEqualTo(2);
    }

    @Test
    void shouldTrackLatencyCountSumMinAndMaxOfCallsThatReportedOne() {
        UsageAccumulator acc =
                new UsageAccumulator()
                        .add(priced("a", T, "0", 300L))
                        .add(priced("b", T, "0", null))
                        .add(priced("c", T, "0", 100L))
                        .add(priced("d", T, "0", 800L));

        assertThat(acc.latencyCount).isEqualTo(3);
        assertThat(acc.latencySumMs).isEqualTo(1200);
        assertThat(acc.latencyMinMs).isEqualTo(100);
        assertThat(acc.latencyMaxMs).isEqualTo(800);
        assertThat(acc.latency.totalCount).isEqualTo(3);
    }

    @Test
    void shouldMergeToTheSameTotalsAsAddingEveryCallToOneAccumulator() {
        Random random = new Random(3);
        List<Invocation> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Invocation inv =
                    random.nextInt(10) == 0
                            ? call("u" + i, T)
                            : priced(
                                    "p" + i,
                                    T,
                                    BigDecimal.valueOf(random.nextInt(1_000_000), 9)
                                            .toPlainString(),
                                    random.nextBoolean() ? (long) random.nextInt(30_000) : null);
            if (random.nextInt(20) == 0) {
                inv.errorCode = "ValidationException";
            }
            inv.inputTokens = random.nextInt(5000);
            calls.add(inv);
        }
        UsageAccumulator all = new UsageAccumulator();
        UsageAccumulator left = new UsageAccumulator();
        UsageAccumulator right = new UsageAccumulator();
        for (int i = 0; i < calls.size(); i++) {
            all.add(calls.get(i));
            (i % 3 == 0 ? left : right).add(calls.get(i));
        }

        UsageAccumulator merged = new UsageAggregate().merge(left, right);

        assertThat(merged).isEqualTo(all);
        assertThat(merged.costUsd).isEqualByComparingTo(all.costUsd);
    }

    @Test
    void shouldMergeNullCostsAsMissingNotZero() {
        UsageAccumulator unpricedOnly = new UsageAccumulator().add(call("u", T));
        UsageAccumulator pricedOnly = new UsageAccumulator().add(priced("p", T, "0.25", null));

        assertThat(unpricedOnly.copy().merge(new UsageAccumulator()).costUsd).isNull();
        assertThat(unpricedOnly.merge(pricedOnly).costUsd).isEqualByComparingTo("0.25");
    }

    @Test
    void shouldCopyDeeply() {
        UsageAccumulator acc = new UsageAccumulator().add(priced("a", T, "1", 5L));
        UsageAccumulator copy = acc.copy();

        acc.add(priced("b", T, "1", 7L));

        assertThat(copy.invocations).isEqualTo(1);
        assertThat(copy.latency.totalCount).isEqualTo(1);
        assertThat(copy.costUsd).isEqualByComparingTo("1");
    }
}
