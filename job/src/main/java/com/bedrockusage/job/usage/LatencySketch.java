package com.bedrockusage.job.usage;

import static com.bedrockusage.job.state.CompactEncoding.readZigZag;
import static com.bedrockusage.job.state.CompactEncoding.writeZigZag;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A mergeable quantile sketch for latencies in milliseconds (DDSketch-style): every value is
 * counted in a logarithmic bucket whose bounds differ by the factor {@code gamma = (1 + a) / (1 -
 * a)} with {@code a} = {@value #RELATIVE_ACCURACY}, so any quantile is answered within 1% relative
 * error, and two sketches merge exactly by adding bucket counts.
 *
 * <p>Buckets are sparse (only those hit are stored), as two parallel arrays sorted by bucket index:
 * a few hundred entries even for latencies from 1 ms to hours. A Flink POJO with primitive arrays,
 * so no Kryo.
 */
public class LatencySketch {

    public static final double RELATIVE_ACCURACY = 0.01;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    /**
     * Bucket indexes, ascending; bucket {@code i} holds values in {@code (gamma^(i-1), gamma^i]}.
     */
    public int[] indexes = new int[0];

    /** Count per bucket, parallel to {@link #indexes}. */
    public long[] counts = new long[0];

    /**
     * Values of 0 ms (and below, which a latency cannot be) have no logarithm; they are counted
     * here.
     */
    public long zeroCount;

    public long totalCount;

    public LatencySketch() {}

    /**
     * The counts and the buckets as zigzag varints: part of the window state and of alert hits in
     * flight.
     */
    public void write(DataOutputView out) throws IOException {
        writeZigZag(zeroCount, out);
        writeZigZag(totalCount, out);
        writeZigZag(indexes.length, out);
        for (int i = 0; i < indexes.length; i++) {
            writeZigZag(indexes[i], out);
            writeZigZag(counts[i], out);
        }
    }

    /** What {@link #write} wrote. */
    public static LatencySketch read(DataInputView in) throws IOException {
        LatencySketch sketch = new LatencySketch();
        sketch.zeroCount = readZigZag(in);
        sketch.totalCount = readZigZag(in);
        int n = (int) readZigZag(in);
        sketch.indexes = new int[n];
        sketch.counts = new long[n];
        for (int i = 0; i < n; i++) {
            sketch.indexes[i] = (int) readZigZag(in);
            sketch.counts[i] = readZigZag(in);
        }
        return sketch;
    }

    public LatencySketch copy() {
        LatencySketch c = new LatencySketch();
        c.indexes = indexes.clone();
        c.counts = counts.clone();
        c.zeroCount = zeroCount;
        c.totalCount = totalCount;
        return c;
    }

    public void add(long valueMs) {
        totalCount++;
        if (valueMs <= 0) {
            zeroCount++;
            return;
        }
        int index = (int) Math.ceil(Math.log(valueMs) / LOG_GAMMA);
        int pos = Arrays.binarySearch(indexes, index);
        if (pos >= 0) {
            counts[pos]++;
            return;
        }
        int at = -pos - 1;
        int[] newIndexes = new int[indexes.length + 1];
        long[] newCounts = new long[counts.length + 1];
        System.arraycopy(indexes, 0, newIndexes, 0, at);
        System.arraycopy(counts, 0, newCounts, 0, at);
        newIndexes[at] = index;
        newCounts[at] = 1;
        System.arraycopy(indexes, at, newIndexes, at + 1, indexes.length - at);
        System.arraycopy(counts, at, newCounts, at + 1, counts.length - at);
        indexes = newIndexes;
        counts = newCounts;
    }

    /**
     * Adds the other sketch's counts into this one (exact: the result is what adding all values
     * here gives).
     */
    public void merge(LatencySketch other) {
        if (other == null || other.totalCount == 0) {
            return;
        }
        int[] mergedIndexes = new int[indexes.length + other.indexes.length];
        long[] mergedCounts = new long[mergedIndexes.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < indexes.length || j < other.indexes.length) {
            if (j == other.indexes.length
                    || (i < indexes.length && indexes[i] < other.indexes[j])) {
                mergedIndexes[n] = indexes[i];
                mergedCounts[n++] = counts[i++];
            } else if (i == indexes.length || other.indexes[j] < indexes[i]) {
                mergedIndexes[n] = other.indexes[j];
                mergedCounts[n++] = other.counts[j++];
            } else {
                mergedIndexes[n] = indexes[i];
                mergedCounts[n++] = counts[i++] + other.counts[j++];
            }
        }
        indexes = Arrays.copyOf(mergedIndexes, n);
        counts = Arrays.copyOf(mergedCounts, n);
        zeroCount += other.zeroCount;
        totalCount += other.totalCount;
    }

    public boolean isEmpty() {
        return totalCount == 0;
    }

    /**
     * The value at rank {@code q * (count - 1)} of the sorted values (lower quantile), within 1%
     * relative error; null when the sketch is empty.
     */
    public Double quantile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be within [0, 1]: " + q);
        }
        if (totalCount == 0) {
            return null;
        }
        double rank = q * (totalCount - 1);
        long seen = zeroCount;
        if (seen > rank) {
            return 0.0;
        }
        for (int k = 0; k < indexes.length; k++) {
            seen += counts[k];
            if (seen > rank) {
                return bucketValue(indexes[k]);
            }
        }
        return bucketValue(indexes[indexes.length - 1]);
    }

    /**
     * The point of bucket {@code index} whose relative distance to both bounds is at most the
     * accuracy.
     */
    private static double bucketValue(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LatencySketch)) {
            return false;
        }
        LatencySketch that = (LatencySketch) o;
        return zeroCount == that.zeroCount
                && totalCount == that.totalCount
                && Arrays.equals(indexes, that.indexes)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(totalCount) + Arrays.hashCode(indexes);
    }

    @Override
    public String toString() {
        return "LatencySketch{n=" + totalCount + ", buckets=" + indexes.length + "}";
    }
}
