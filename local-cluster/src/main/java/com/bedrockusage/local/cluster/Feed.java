package com.bedrockusage.local.cluster;

import com.bedrockusage.local.FileTrees;
import com.bedrockusage.local.generate.KinesisEnvelopeWriter;
import com.bedrockusage.pricing.PriceCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code local-cluster/bin/feed}: generates invocations with {@code generate-logs} (into a scratch
 * folder, in Bedrock's S3 layout), then streams the delivery files over the wall-clock duration,
 * each to the S3 emulator bucket, to the Kinesis stream as CloudWatch Logs envelopes, or (overlap)
 * to both; finally writes the ground truth.
 */
public final class Feed {

    enum Route {
        S3,
        KINESIS,
        BOTH
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Feed() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        FeedOptions options;
        try {
            options = FeedOptions.parse(Instant.now(), args);
        } catch (UsageException e) {
            err.println("feed: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(FeedOptions.USAGE);
            return 0;
        }
        return ToolRun.exitStatus(
                "feed",
                err,
                () -> {
                    ClusterState cluster = ClusterState.load();
                    if (!cluster.hasEmulators()) {
                        throw new UsageException(
                                "the cluster runs without emulators (CLUSTER_NO_EMULATORS); nothing to feed");
                    }
                    Path truth = feed(cluster, options, out);
                    out.println(truth);
                });
    }

    /** Feeds and returns the ground-truth file. */
    static Path feed(ClusterState cluster, FeedOptions options, PrintStream out)
            throws IOException {
        Path work = cluster.home().resolve("feed").resolve("seed-" + options.seed());
        Path generated = work.resolve("generated");
        generate(options, generated);
        GroundTruth truth =
                GroundTruth.fromGeneratorTotals(
                        generated.resolve("expected-totals.json"), PriceCatalog.defaultCatalog());

        List<Path> logFiles = new ArrayList<>();
        List<Path> payloads = new ArrayList<>();
        List<Path> qDeveloperFiles = new ArrayList<>();
        try (Stream<Path> s = Files.walk(generated.resolve("AWSLogs"))) {
            s.filter(Files::isRegularFile)
                    .forEach(
                            p ->
                                    (isPayload(p)
                                                    ? payloads
                                                    : isQDeveloper(generated, p)
                                                            ? qDeveloperFiles
                                                            : logFiles)
                                            .add(p));
        }
        // delivery order: folder hour, then the file's own timestamp (its name), across accounts
        // and regions
        logFiles.sort(
                Comparator.comparing((Path p) -> folderHour(generated, p))
                        .thenComparing(p -> p.getFileName().toString()));

        S3Put s3 =
                new S3Put(
                        cluster.s3Endpoint(),
                        options.bucket() != null ? options.bucket() : cluster.s3Bucket());
        if (options.bucket() != null) {
            s3.createBucket();
        }
        for (Path p : payloads) {
            s3.put(key(generated, p), Files.readAllBytes(p));
        }
        SplittableRandom routes = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        int[] counts = new int[Route.values().length];
        long kinesisLines = 0;
        long t0 = System.nanoTime();
        long perFileNanos = logFiles.isEmpty() ? 0 : options.duration().toNanos() / logFiles.size();
        out.printf(
                Locale.ROOT,
                "feed: %d unique invocations in %d log files over %d s (event time %s + %s)%n",
                truth.uniqueRecords,
                logFiles.size(),
                options.duration().toSeconds(),
                options.start(),
                options.span());
        try (KinesisEnvelopeWriter kinesis =
                KinesisEnvelopeWriter.builder(
                                URI.create(cluster.kinesisEndpoint()), cluster.kinesisStreamArn())
                        .region(cluster.kinesisRegion())
                        .credentials("local", "local")
                        .build()) {
            for (int i = 0; i < logFiles.size(); i++) {
                sleepUntil(t0 + i * perFileNanos);
                Path file = logFiles.get(i);
                Route route = route(routes, options.overlapPct());
                counts[route.ordinal()]++;
                if (route != Route.KINESIS) {
                    s3.put(key(generated, file), Files.readAllBytes(file));
                }
                if (route != Route.S3) {
                    List<String> lines = lines(file);
                    kinesis.write(lines);
                    kinesis.flush();
                    kinesisLines += lines.size();
                }
            }
        }
        sleepUntil(t0 + options.duration().toNanos());
        // Amazon Q Developer logs exist only in S3 (no CloudWatch Logs delivery)
        for (Path p : qDeveloperFiles) {
            s3.put(key(generated, p), Files.readAllBytes(p));
        }

        ObjectNode info = MAPPER.createObjectNode();
        info.put("seed", options.seed());
        info.put("start", options.start().toString());
        info.put("span", options.span().toString());
        info.put("logFiles", logFiles.size());
        info.put("filesToS3Only", counts[Route.S3.ordinal()]);
        info.put("filesToKinesisOnly", counts[Route.KINESIS.ordinal()]);
        info.put("filesToBoth", counts[Route.BOTH.ordinal()]);
        info.put("linesToKinesis", kinesisLines);
        info.put("payloadObjects", payloads.size());
        Path truthFile =
                options.truth() != null
                        ? options.truth()
                        : cluster.home()
                                .resolve("feed")
                                .resolve("truth-" + options.seed() + ".json");
        truth.write(truthFile, info);
        Path qTruth = generated.resolve("expected-q-developer.json");
        if (Files.exists(qTruth)) {
            Files.copy(
                    qTruth,
                    truthFile.resolveSibling(truthFile.getFileName() + ".q-developer.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.printf(
                    Locale.ROOT,
                    "feed: %d Amazon Q Developer objects to S3%n",
                    qDeveloperFiles.size());
        }
        FileTrees.delete(work);
        out.printf(
                Locale.ROOT,
                "feed: sent %d files to S3 only, %d to Kinesis only, %d to both (%d lines via Kinesis);"
                        + " ground truth:%n",
                counts[Route.S3.ordinal()],
                counts[Route.KINESIS.ordinal()],
                counts[Route.BOTH.ordinal()],
                kinesisLines);
        return truthFile.toAbsolutePath();
    }

    static Route route(SplittableRandom rng, int overlapPct) {
        if (rng.nextInt(100) < overlapPct) {
            return Route.BOTH;
        }
        return rng.nextBoolean() ? Route.S3 : Route.KINESIS;
    }

    /**
     * Runs the generator's command line in a child JVM with this classpath: its CLI is its public
     * contract.
     */
    private static void generate(FeedOptions options, Path outDir) throws IOException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "com.bedrockusage.local.generate.GenerateLogs",
                                "--out",
                                outDir.toString(),
                                "--overwrite",
                                "--invocations",
                                Integer.toString(options.uniqueInvocations()),
                                "--start",
                                options.start().toString(),
                                "--hours",
                                String.format(
                                        Locale.ROOT,
                                        "%.6f",
                                        Math.max(1, options.span().toSeconds()) / 3600.0),
                                "--seed",
                                Long.toString(options.seed()),
                                // one-minute files pace a short feed smoothly; longer spans keep
                                // Bedrock's 5 minutes (fewer objects)
                                "--file-minutes",
                                options.span().compareTo(Duration.ofMinutes(30)) <= 0 ? "1" : "5"));
        if (!options.generatorArgs().contains("--body-kb")) {
            cmd.addAll(List.of("--body-kb", "1"));
        }
        cmd.addAll(options.generatorArgs());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", r.lines().toList());
        }
        try {
            if (p.waitFor() != 0) {
                throw new IOException("generate-logs failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static boolean isQDeveloper(Path root, Path p) {
        for (Path segment : root.relativize(p)) {
            if (segment.toString().equals("QDeveloperLogs")) {
                return true;
            }
        }
        return false;
    }

    static boolean isPayload(Path p) {
        return p.getParent() != null && p.getParent().getFileName().toString().equals("data");
    }

    /** {@code YYYY/MM/DD/HH} of a log file: the four folders above it. */
    static String folderHour(Path root, Path file) {
        Path rel = root.relativize(file);
        int n = rel.getNameCount();
        return n >= 5 ? rel.subpath(n - 5, n - 1).toString() : rel.toString();
    }

    static String key(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static List<String> lines(Path gz) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(gz)),
                                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static void sleepUntil(long nanoTime) throws IOException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * PUT Object to the S3 emulator, path style. Unsigned: S3Mock does not check signatures (a real
     * bucket gets its objects from Bedrock itself, not from this tool).
     */
    static final class S3Put {
        private final URI bucketUri;
        private final HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();

        S3Put(String endpoint, String bucket) {
            this.bucketUri =
                    URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/")
                            .resolve(bucket + "/");
        }

        /** Creates the bucket; one that exists already (409) is fine. */
        void createBucket() throws IOException {
            String bucket = bucketUri.toString();
            send(
                    HttpRequest.newBuilder(URI.create(bucket.substring(0, bucket.length() - 1)))
                            .timeout(Duration.ofSeconds(60))
                            .PUT(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    List.of(200, 409));
        }

        void put(String key, byte[] body) throws IOException {
            send(
                    HttpRequest.newBuilder(bucketUri.resolve(key))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    List.of(200));
        }

        private void send(HttpRequest req, List<Integer> okStatuses) throws IOException {
            HttpResponse<String> resp;
            try {
                resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (!okStatuses.contains(resp.statusCode())) {
                throw new IOException(
                        "PUT "
                                + req.uri()
                                + " failed: HTTP "
                                + resp.statusCode()
                                + " "
                                + resp.body());
            }
        }
    }
}
