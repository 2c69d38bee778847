package com.bedrockusage.job.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state budget on one MSF KPU (docs/benchmarks.md, "State budget on one KPU"): the keyed state
 * of the job's stateful operators in RocksDB (MSF's backend, incremental checkpoints) for a
 * workload scaled from 1,000,000 distinct (account, caller, model) keys a day, 100 calls/s, 35 days
 * of daily retention and 48 h of dedup. Each operator runs in Flink's operator test harness with
 * the job's own functions and state descriptors ({@link StateBudgetOperators}); each scale is
 * measured on its own, and the figures at full scale are extrapolated from the bytes per state
 * entry, which the two scales show to be constant.
 *
 * <p>{@code mvn -q -B -pl job -am -Pbench process-test-classes
 * -Dbench.main=com.bedrockusage.job.bench.StateBudgetBench -Dbench.args="0.02 0.05"}
 */
public final class StateBudgetBench {

    private StateBudgetBench() {}

    public static void main(String[] args) throws Exception {
        List<Double> scales = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"0.02", "0.05"} : args) {
            scales.add(Double.parseDouble(a));
        }
        Path work = Files.createTempDirectory("state-budget");
        System.out.println(
                "| scale | operator | state entries | RocksDB files MB | bytes per entry "
                        + "| full checkpoint MB | full checkpoint s | next checkpoint (1 min of calls) MB | s |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        List<StateBudgetOperators.Measured> last = List.of();
        for (double scale : scales) {
            last = StateBudgetOperators.measureAll(new StateBudgetWorkload(scale), work);
        }
        fullScale(last, scales.get(scales.size() - 1));
    }

    /** The full workload from the last scale's bytes per entry. */
    private static void fullScale(List<StateBudgetOperators.Measured> measured, double scale) {
        StateBudgetWorkload full = new StateBudgetWorkload(1.0);
        System.out.printf(
                "%nAt full scale (%,d keys a day, %.0f calls/s, %,d calls a day):%n",
                full.keysPerDay, full.callsPerSecond, full.callsPerDay());
        System.out.println(
                "| operator | state entries | GB (RocksDB files) | bytes per key of a day | bytes per call |");
        System.out.println("|---|---:|---:|---:|---:|");
        double total = 0;
        for (StateBudgetOperators.Measured m : measured) {
            double entries = m.entries / scale;
            double bytes = entries * m.bytesPerEntry;
            total += bytes;
            System.out.printf(
                    "| %s | %,.0f | %.2f | %.0f | %.0f |%n",
                    m.operator,
                    entries,
                    bytes / 1e9,
                    bytes / full.keysPerDay,
                    bytes / full.callsPerDay());
        }
        System.out.printf(
                "| all | | %.2f | %.0f | %.0f |%n",
                total / 1e9, total / full.keysPerDay, total / full.callsPerDay());
    }
}
