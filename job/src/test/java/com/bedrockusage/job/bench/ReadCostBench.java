package com.bedrockusage.job.bench;

import com.bedrockusage.job.ingest.source.IsalGunzip;
import com.bedrockusage.job.ingest.source.LogObjectReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What reading alone costs, on one core, over a folder of delivered log objects (a matrix cell):
 * the floor under the job's rate that no windowing or writing can lower (docs/benchmarks.md, "What
 * reading alone costs"). Per round, in CPU time of this thread, with the objects already in memory:
 * ISA-L inflate of whole objects, the JDK's streaming gunzip, and the job's reader (inflate, split,
 * parse every record as the source does). It prints MB/s of decompressed logs per core and the
 * cores each needs for a target rate; the median of the rounds after the first counts.
 *
 * <p>{@code mvn -q -B -pl job -am -Pbench process-test-classes
 * -Dbench.main=com.bedrockusage.job.bench.ReadCostBench -Dbench.args="DIR 25000 7"} (log folder,
 * target calls/s, rounds)
 */
public final class ReadCostBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadCostBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        double targetCallsPerSecond = args.length > 1 ? Double.parseDouble(args[1]) : 25_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<byte[]> objects = readObjects(dir);
        long compressed = objects.stream().mapToLong(o -> o.length).sum();
        double[] isal = new double[rounds];
        double[] jdk = new double[rounds];
        double[] reader = new double[rounds];
        long records = 0;
        long content = 0;
        long wholeWithIsal = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            long inflated = 0;
            long viaIsal = 0;
            for (byte[] gz : objects) {
                byte[] out = IsalGunzip.inflate(gz, gz.length);
                if (out != null) {
                    inflated += out.length;
                    viaIsal += out.length;
                }
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            long streamed = 0;
            byte[] chunk = new byte[64 * 1024];
            for (byte[] gz : objects) {
                try (GZIPInputStream in =
                        new GZIPInputStream(new ByteArrayInputStream(gz), 65536)) {
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        streamed += n;
                    }
                }
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            long read = 0;
            for (int i = 0; i < objects.size(); i++) {
                byte[] gz = objects.get(i);
                LogObjectReader in =
                        new LogObjectReader(
                                new ByteArrayInputStream(gz), "object-" + i, true, gz.length);
                while (in.next() != null) {
                    read++;
                }
            }
            long t3 = THREADS.getCurrentThreadCpuTime();
            isal[r] = viaIsal == 0 ? Double.NaN : viaIsal / 1e6 / ((t1 - t0) / 1e9);
            jdk[r] = streamed / 1e6 / ((t2 - t1) / 1e9);
            reader[r] = (t3 - t2) / 1e3 / read;
            records = read;
            content = streamed;
            wholeWithIsal = viaIsal;
        }
        double bytesPerCall = (double) content / records;
        double readerMicros = medianAfterFirst(reader);
        double readerMbPerCore = bytesPerCall / readerMicros;
        double needMbPerSecond = targetCallsPerSecond * bytesPerCall / 1e6;
        System.out.printf(
                "%s: %d objects, %.1f MB compressed, %.1f MB of logs, %d records, %.0f bytes per"
                        + " record; ISA-L takes %.0f %% of the bytes (objects up to its cap)%n",
                dir,
                objects.size(),
                compressed / 1e6,
                content / 1e6,
                records,
                bytesPerCall,
                100.0 * wholeWithIsal / content);
        System.out.printf(
                "one core: ISA-L inflate %.0f MB/s, JDK gunzip %.0f MB/s, the job's reader %.1f µs"
                        + " per record = %.0f MB/s (median of rounds 2-%d)%n",
                medianAfterFirst(isal),
                medianAfterFirst(jdk),
                readerMicros,
                readerMbPerCore,
                rounds);
        System.out.printf(
                "%,.0f calls/s is %.0f MB/s of logs: %.2f cores of ISA-L inflate alone, %.2f cores"
                        + " of the job's reader%n",
                targetCallsPerSecond,
                needMbPerSecond,
                needMbPerSecond / medianAfterFirst(isal),
                targetCallsPerSecond * readerMicros / 1e6);
    }

    private static List<byte[]> readObjects(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files =
                    walk.filter(p -> p.toString().endsWith(".gz"))
                            .sorted()
                            .collect(Collectors.toList());
        }
        List<byte[]> objects = new ArrayList<>(files.size());
        for (Path f : files) {
            objects.add(Files.readAllBytes(f));
        }
        return objects;
    }

    private static double medianAfterFirst(double[] values) {
        double[] kept = Arrays.copyOfRange(values, Math.min(1, values.length - 1), values.length);
        Arrays.sort(kept);
        return kept[kept.length / 2];
    }
}
