package com.bedrockusage.job.pricing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A batch of price CSV lines (in {@code PriceCsv.HEADER} column order) and where they came from,
 * broadcast to every pricing instance. Blank lines, {@code #} comments and the header line may be
 * included; they are skipped.
 *
 * <p>A Flink POJO with arrays rather than lists so it is serialized without Kryo.
 */
public class PriceUpdate {

    /** Where the lines came from, e.g. a file path; used in logs and error messages. */
    public String origin;

    public String[] lines = new String[0];

    /**
     * The 1-based line number of each entry of {@link #lines} in {@link #origin}; same length as
     * {@code lines}.
     */
    public int[] lineNumbers = new int[0];

    public PriceUpdate() {}

    /** The lines of a whole file: line numbers 1..n. */
    public static PriceUpdate of(String origin, List<String> lines) {
        PriceUpdate update = new PriceUpdate();
        update.origin = origin;
        update.lines = lines.toArray(new String[0]);
        update.lineNumbers = new int[update.lines.length];
        for (int i = 0; i < update.lineNumbers.length; i++) {
            update.lineNumbers[i] = i + 1;
        }
        return update;
    }

    public int size() {
        return lines.length;
    }

    /** The line number of entry {@code i}, or {@code i + 1} when the numbers are missing. */
    public int lineNumber(int i) {
        return lineNumbers != null && i < lineNumbers.length ? lineNumbers[i] : i + 1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PriceUpdate)) {
            return false;
        }
        PriceUpdate that = (PriceUpdate) o;
        return Objects.equals(origin, that.origin)
                && Arrays.equals(lines, that.lines)
                && Arrays.equals(lineNumbers, that.lineNumbers);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(origin) + Arrays.hashCode(lines);
    }

    @Override
    public String toString() {
        return "PriceUpdate{" + origin + ", " + lines.length + " lines}";
    }
}
