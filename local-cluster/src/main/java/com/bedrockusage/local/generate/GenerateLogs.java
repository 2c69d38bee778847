package com.bedrockusage.local.generate;

import com.bedrockusage.local.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code generate-logs}: synthetic Bedrock model-invocation logs in Bedrock's S3 layout (or into
 * Kinesis as CloudWatch Logs envelopes), with the ground truth in {@code expected-totals.json}. See
 * {@link GeneratorOptions#USAGE}.
 */
public final class GenerateLogs {

    private GenerateLogs() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit status (0 ok, 1 failure, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (UsageException e) {
            err.println("generate-logs: " + e.getMessage());
            err.println("Try 'generate-logs --help'.");
            return 2;
        }
        if (options.help()) {
            out.println(GeneratorOptions.USAGE);
            return 0;
        }
        try {
            out.println(generate(options).summary());
            return 0;
        } catch (UsageException e) {
            err.println("generate-logs: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("generate-logs: failed: " + e.getMessage());
            return 1;
        }
    }

    /** What a run produced. */
    record Result(
            GeneratorOptions options,
            ExpectedTotals totals,
            WriteStats stats,
            long envelopes,
            double seconds,
            long qDeveloperEvents) {

        String summary() {
            String target =
                    options.kinesisMode()
                            ? "kinesis=" + options.kinesisStream() + " envelopes=" + envelopes
                            : "out=" + options.out();
            return String.format(
                            Locale.ROOT,
                            "generate-logs: files=%d records=%d lines=%d duplicates=%d late=%d errors=%d "
                                    + "bytes_uncompressed=%d bytes_compressed=%d seconds=%.1f %s",
                            stats.files,
                            totals.uniqueRecords,
                            stats.lines,
                            totals.duplicateLines,
                            totals.lateRecords,
                            totals.total.values[1],
                            stats.bytesUncompressed,
                            stats.bytesCompressed,
                            seconds,
                            target)
                    + (options.qDeveloperUsers() > 0
                            ? "\ngenerate-logs: q-developer users="
                                    + options.qDeveloperUsers()
                                    + " events="
                                    + qDeveloperEvents
                                    + " truth="
                                    + QDeveloperLogGenerator.TRUTH_FILE
                            : "");
        }
    }

    static Result generate(GeneratorOptions options) throws IOException, UsageException {
        long t0 = System.nanoTime();
        if (options.out() != null) {
            prepareOutput(options);
        }
        Population population = new Population(options.seed(), options.accounts());
        List<PlannedRecord> records = new Planner(options, population).plan();
        ExpectedTotals totals = ExpectedTotals.of(records);
        List<DeliveryFile> files = DeliveryLayout.layout(records, options);
        TextCorpus corpus = new TextCorpus(options.seed(), 2 * 1024 * 1024);
        RecordRenderer renderer = new RecordRenderer(options.seed(), options.bucket(), corpus);

        WriteStats stats;
        long envelopes = 0;
        if (options.kinesisMode()) {
            stats = new WriteStats();
            envelopes = putToKinesis(options, files, renderer, stats);
        } else {
            stats =
                    new S3LayoutWriter(
                                    options.out(), renderer, options.threads(), options.gzipLevel())
                            .write(files);
        }
        if (options.out() != null) {
            totals.write(options.out().resolve("expected-totals.json"), options, stats);
        }
        long qEvents = 0;
        if (options.out() != null && options.qDeveloperUsers() > 0) {
            List<String> accounts = new ArrayList<>();
            population.accounts.forEach(a -> accounts.add(a.id()));
            qEvents = new QDeveloperLogGenerator(options).write(options.out(), accounts);
        }
        return new Result(
                options, totals, stats, envelopes, (System.nanoTime() - t0) / 1e9, qEvents);
    }

    private static long putToKinesis(
            GeneratorOptions options,
            List<DeliveryFile> files,
            RecordRenderer renderer,
            WriteStats stats)
            throws IOException {
        JsonBytes line = new JsonBytes(64 * 1024);
        try (KinesisEnvelopeWriter writer =
                KinesisEnvelopeWriter.builder(options.endpoint(), options.kinesisStream())
                        .region(options.region())
                        .logGroup(options.logGroup())
                        .build()) {
            writer.writeControlMessage(options.start().toEpochMilli());
            for (DeliveryFile f : files) {
                List<String> lines = new ArrayList<>(f.lines().size());
                long bytes = 0;
                for (PlannedRecord r : f.lines()) {
                    line.reset();
                    renderer.render(r, line);
                    bytes += line.length() + 1;
                    lines.add(line.toString());
                }
                writer.write(lines);
                stats.add(1, 0, lines.size(), bytes, 0);
            }
            writer.flush();
            return writer.envelopesSent() - 1;
        }
    }

    private static void prepareOutput(GeneratorOptions options) throws IOException, UsageException {
        Path out = options.out();
        Path logs = out.resolve("AWSLogs");
        Path expected = out.resolve("expected-totals.json");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is not a directory");
        }
        boolean occupied = Files.exists(expected);
        if (Files.isDirectory(logs)) {
            try (Stream<Path> s = Files.list(logs)) {
                occupied |= s.findAny().isPresent();
            }
        }
        if (occupied && !options.overwrite()) {
            throw new UsageException(
                    out + " already holds generated logs; use --overwrite or another --out");
        }
        if (occupied) {
            FileTrees.delete(logs);
            Files.deleteIfExists(expected);
            Files.deleteIfExists(out.resolve(QDeveloperLogGenerator.TRUTH_FILE));
        }
        Files.createDirectories(out);
    }
}
