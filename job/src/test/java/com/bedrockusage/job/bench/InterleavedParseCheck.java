package com.bedrockusage.job.bench;

import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH numbers of {@link ParseBenchmark} come from runs minutes apart; on a shared machine the
 * load changes between them. This check runs gunzip, Jackson and the parser back to back on the
 * same data, round after round, and reports per-round ratios (median), which the load affects far
 * less than absolute figures.
 */
public final class InterleavedParseCheck {

    private InterleavedParseCheck() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ParseBenchmark bench = new ParseBenchmark();
        bench.bodyBytes = 8192;
        bench.records = 2000;
        bench.kind = args.length > 1 ? args[1] : "mixed";
        bench.setUp();
        ParseBenchmark.Parsers parsers = new ParseBenchmark.Parsers();
        ParseBenchmark.Counters counters = new ParseBenchmark.Counters();
        Blackhole bh =
                new Blackhole(
                        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        double mb = bench.ndjson.length / 1e6;
        double[] gunzip = new double[rounds];
        double[] jackson = new double[rounds];
        double[] parser = new double[rounds];
        for (int r = -5; r < rounds; r++) {
            long t0 = System.nanoTime();
            bh.consume(bench.gunzip(parsers, counters));
            long t1 = System.nanoTime();
            bench.jacksonReadTree(parsers, counters, bh);
            long t2 = System.nanoTime();
            bench.bedrockParser(parsers, counters, bh);
            long t3 = System.nanoTime();
            if (r >= 0) {
                gunzip[r] = mb / ((t1 - t0) / 1e9);
                jackson[r] = mb / ((t2 - t1) / 1e9);
                parser[r] = mb / ((t3 - t2) / 1e9);
            }
        }
        double[] vsGunzip = new double[rounds];
        double[] vsJackson = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            vsGunzip[r] = parser[r] / gunzip[r];
            vsJackson[r] = parser[r] / jackson[r];
        }
        System.out.printf(
                "%s: MB/s (median of %d rounds, best): gunzip %.0f (%.0f), jackson readTree %.0f (%.0f), "
                        + "parser %.0f (%.0f)%n",
                bench.kind,
                rounds,
                median(gunzip),
                max(gunzip),
                median(jackson),
                max(jackson),
                median(parser),
                max(parser));
        System.out.printf(
                "parser/gunzip per round: median %.2f, min %.2f; parser/jackson: median %.2f%n",
                median(vsGunzip), min(vsGunzip), median(vsJackson));
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }
}
