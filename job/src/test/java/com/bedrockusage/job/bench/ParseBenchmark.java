package com.bedrockusage.job.bench;

import com.bedrockusage.job.ingest.parse.BedrockRecordParser;
import com.bedrockusage.job.ingest.parse.LineSplitter;
import com.bedrockusage.job.ingest.source.IsalGunzip;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.SyntheticLogs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one log object's worth of realistic records (multi-KB bodies with escapes,
 * Converse, Anthropic InvokeModel, streamed chunk arrays, errors): Java's gunzip of the same data,
 * ISA-L's (the file source's way where it loads), Jackson readTree per line, and our parser per
 * line (line splitting included). The {@code megabytes} and {@code records} counters are per
 * second, measured on the decompressed bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ParseBenchmark {

    /** Mean body size in bytes; each record draws 1/4x..7/4x of it per body. */
    @Param({"8192"})
    public int bodyBytes;

    @Param({"2000"})
    public int records;

    /**
     * {@code mixed} (default), or one kind only: {@code converse}, {@code invoke}, {@code stream}.
     */
    @Param({"mixed"})
    public String kind;

    byte[] ndjson;
    byte[] gzip;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticLogs logs = new SyntheticLogs(42);
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        Instant t = Instant.parse("2025-08-18T16:00:00Z");
        for (int i = 0; i < records; i++) {
            int body = bodyBytes / 4 + random.nextInt(bodyBytes * 3 / 2);
            lines.add(record(logs, "req-" + i, t.plusMillis(i * 37L), body));
        }
        ndjson = SyntheticLogs.ndjson(lines);
        gzip = SyntheticLogs.gzip(ndjson);
        System.out.printf(
                "%n[data] %d records, %.1f MB NDJSON, %.1f MB gzip%n",
                records, ndjson.length / 1e6, gzip.length / 1e6);
    }

    private String record(SyntheticLogs logs, String id, Instant time, int body) {
        switch (kind) {
            case "converse":
                return logs.converse(id, time, "us-east-1", body);
            case "invoke":
                return logs.invokeAnthropic(id, time, "us-east-1", body);
            case "stream":
                return logs.streamAnthropic(id, time, "us-east-1", body);
            default:
                return logs.record(id, time, "us-east-1", body);
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public double megabytes;
        public long records;

        @Setup(Level.Iteration)
        public void clear() {
            megabytes = 0;
            records = 0;
        }
    }

    @State(Scope.Thread)
    public static class Parsers {
        final BedrockRecordParser parser = new BedrockRecordParser(Invocation.SOURCE_S3);
        final ObjectMapper jackson = new ObjectMapper();
        final byte[] chunk = new byte[64 * 1024];
    }

    @Benchmark
    public long gunzip(Parsers p, Counters c) throws IOException {
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 64 * 1024)) {
            int n;
            while ((n = in.read(p.chunk)) > 0) {
                total += n;
            }
        }
        c.megabytes += total / 1e6;
        c.records += records;
        return total;
    }

    /**
     * The whole object in one call, as the file source does where ISA-L loads (objects up to 32
     * MiB).
     */
    @Benchmark
    public int isalGunzip(Counters c) {
        byte[] content =
                Objects.requireNonNull(
                        IsalGunzip.inflate(gzip, gzip.length),
                        "ISA-L did not load here, or the object is over IsalGunzip.MAX_OUTPUT (use a smaller -p bodyBytes)");
        c.megabytes += content.length / 1e6;
        c.records += records;
        return content.length;
    }

    @Benchmark
    public void jacksonReadTree(Parsers p, Counters c, Blackhole bh) throws IOException {
        byte[] b = ndjson;
        int start = 0;
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                bh.consume(p.jackson.readTree(b, start, i - start));
                start = i + 1;
                n++;
            }
        }
        c.megabytes += b.length / 1e6;
        c.records += n;
    }

    @Benchmark
    public void bedrockParser(Parsers p, Counters c, Blackhole bh) {
        byte[] b = ndjson;
        int start = 0;
        int n = 0;
        int nl;
        while ((nl = indexOfNewline(b, start)) >= 0) {
            bh.consume(p.parser.parse(b, start, nl));
            start = nl + 1;
            n++;
        }
        c.megabytes += b.length / 1e6;
        c.records += n;
    }

    private static int indexOfNewline(byte[] b, int from) {
        return LineSplitter.indexOfNewline(b, from, b.length);
    }
}
