package com.bedrockusage.job.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

    private static long[] logNormalLatencies(long seed, int n) {
        Random random = new Random(seed);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] =
                    Math.max(
                            1,
                            Math.round(Math.exp(6.5 + 1.2 * random.nextGaussian()))); // ~ms, 1 ..
            // minutes
        }
        return values;
    }

    private static double exactQuantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }

    private static LatencySketch sketchOf(long[] values, int from, int to) {
        LatencySketch sketch = new LatencySketch();
        for (int i = from; i < to; i++) {
            sketch.add(values[i]);
        }
        return sketch;
    }

    @Test
    void shouldAnswerP50AndP99WithinOnePercentOfTheExactValue() {
        long[] values = logNormalLatencies(42, 100_000);

        LatencySketch sketch = sketchOf(values, 0, values.length);

        for (double q : new double[] {0.5, 0.99, 0.9, 0.01}) {
            double exact = exactQuantile(values, q);
            assertThat(sketch.quantile(q)).as("q=%s", q).isCloseTo(exact, within(exact * 0.01));
        }
        assertThat(sketch.totalCount).isEqualTo(100_000);
        assertThat(sketch.indexes.length).isLessThan(1500);
    }

    @Test
    void shouldMergeIntoExactlyTheSketchOfAllValues() {
        long[] values = logNormalLatencies(7, 20_000);
        LatencySketch whole = sketchOf(values, 0, values.length);

        LatencySketch merged = sketchOf(values, 0, 5_000);
        merged.merge(sketchOf(values, 5_000, 12_345));
        merged.merge(sketchOf(values, 12_345, values.length));

        assertThat(merged).isEqualTo(whole);
        double exactP99 = exactQuantile(values, 0.99);
        assertThat(merged.quantile(0.99)).isCloseTo(exactP99, within(exactP99 * 0.01));
    }

    @Test
    void shouldBeOrderIndependent() {
        LatencySketch a = new LatencySketch();
        LatencySketch b = new LatencySketch();
        long[] values = {5, 900, 0, 5, 120_000, 37};

        for (int i = 0; i < values.length; i++) {
            a.add(values[i]);
            b.add(values[values.length - 1 - i]);
        }

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldCountZeroLatenciesAndAnswerNullWhenEmpty() {
        LatencySketch sketch = new LatencySketch();
        assertThat(sketch.quantile(0.5)).isNull();

        sketch.add(0);
        sketch.add(0);
        sketch.add(1000);

        assertThat(sketch.quantile(0.5)).isZero();
        assertThat(sketch.quantile(1.0)).isCloseTo(1000.0, within(10.0));
    }

    @Test
    void shouldNotShareArraysWithItsCopy() {
        LatencySketch sketch = new LatencySketch();
        sketch.add(10);
        LatencySketch copy = sketch.copy();

        sketch.add(10);
        sketch.add(20);

        assertThat(copy.totalCount).isEqualTo(1);
        assertThat(copy.counts).containsExactly(1);
    }
}
