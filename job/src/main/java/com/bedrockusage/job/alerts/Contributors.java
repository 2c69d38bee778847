package com.bedrockusage.job.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The biggest spenders of one window, kept in bounded space: at most {@value #CAPACITY} names. Past
 * that it works as space-saving (a new name takes over the smallest entry and its totals), so the
 * top entries are the true heavy hitters but their totals may be overstated; {@link #approximate}
 * says so. A Flink POJO of parallel arrays.
 */
public class Contributors {

    public static final int CAPACITY = 16;
    static final String UNKNOWN = "(unknown)";

    public String[] names = new String[0];
    public BigDecimal[] costs = new BigDecimal[0];
    public long[] invocations = new long[0];
    public boolean approximate;

    public Contributors() {}

    /**
     * Adds {@code calls} calls of {@code name} that cost {@code cost} together (null: unpriced).
     */
    public void add(String name, BigDecimal cost, long calls) {
        String n = name == null ? UNKNOWN : name;
        BigDecimal c = cost == null ? BigDecimal.ZERO : cost;
        // Names are ARNs that share long prefixes: comparing the cached hashes first skips most
        // character-by-character comparisons.
        int hash = n.hashCode();
        for (int i = 0; i < names.length; i++) {
            if (names[i].hashCode() == hash && names[i].equals(n)) {
                costs[i] = costs[i].add(c);
                invocations[i] += calls;
                return;
            }
        }
        if (names.length < CAPACITY) {
            names = Arrays.copyOf(names, names.length + 1);
            costs = Arrays.copyOf(costs, costs.length + 1);
            invocations = Arrays.copyOf(invocations, invocations.length + 1);
            names[names.length - 1] = n;
            costs[costs.length - 1] = c;
            invocations[invocations.length - 1] = calls;
            return;
        }
        int min = 0;
        for (int i = 1; i < names.length; i++) {
            int cmp = costs[i].compareTo(costs[min]);
            if (cmp < 0 || (cmp == 0 && invocations[i] < invocations[min])) {
                min = i;
            }
        }
        names[min] = n;
        costs[min] = costs[min].add(c);
        invocations[min] += calls;
        approximate = true;
    }

    /** Adds another window's (or batch's) contributors; approximate if either was. */
    public void addAll(Contributors other) {
        for (int i = 0; i < other.names.length; i++) {
            add(other.names[i], other.costs[i], other.invocations[i]);
        }
        approximate |= other.approximate;
    }

    /** The {@code n} largest by cost, then by invocations. */
    public Contributor[] top(int n) {
        List<Contributor> all = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            all.add(new Contributor(names[i], costs[i], invocations[i]));
        }
        all.sort(
                Comparator.comparing((Contributor c) -> c.costUsd)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingLong((Contributor c) -> c.invocations)
                                        .reversed())
                        .thenComparing(c -> c.name));
        return all.subList(0, Math.min(n, all.size())).toArray(new Contributor[0]);
    }
}
