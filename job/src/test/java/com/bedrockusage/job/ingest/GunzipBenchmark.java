package com.bedrockusage.job.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two ways a log object is inflated: the JDK's streaming zlib ({@code GZIPInputStream}, 64 KB reads) and ISA-L
 * on the whole object ({@link IsalGunzip}, CRC check included). {@code megabytes} counts decompressed bytes per second.
 * The data is one object of {@link SyntheticLogs} records with 4 KB mean bodies, about the size of the pipeline
 * benchmark's objects.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class GunzipBenchmark {

    @Param({"4096"})
    public int bodyBytes;

    @Param({"400"})
    public int records;

    byte[] gzip;

    @Setup(Level.Trial)
    public void setUp() {
        if (!IsalGunzip.available()) {
            throw new IllegalStateException("ISA-L did not load on this machine");
        }
        SyntheticLogs logs = new SyntheticLogs(42);
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        Instant t = Instant.parse("2025-08-18T16:00:00Z");
        for (int i = 0; i < records; i++) {
            int body = bodyBytes / 4 + random.nextInt(bodyBytes * 3 / 2);
            lines.add(logs.record("req-" + i, t.plusMillis(i * 37L), "us-east-1", body));
        }
        gzip = SyntheticLogs.gzip(SyntheticLogs.ndjson(lines));
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public double megabytes;

        @Setup(Level.Iteration)
        public void clear() {
            megabytes = 0;
        }
    }

    @Benchmark
    public long jdk(Counters c) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 64 * 1024)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
            }
        }
        c.megabytes += total / 1e6;
        return total;
    }

    @Benchmark
    public int isal(Counters c) {
        int n = IsalGunzip.inflate(gzip, gzip.length).length;
        c.megabytes += n / 1e6;
        return n;
    }
}
