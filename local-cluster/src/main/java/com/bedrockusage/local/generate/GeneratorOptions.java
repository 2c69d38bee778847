package com.bedrockusage.local.generate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The command line of {@code generate-logs}, validated. */
record GeneratorOptions(
        Path out,
        int invocations,
        int accounts,
        Instant start,
        double hours,
        long seed,
        double bodyKb,
        double duplicatesPct,
        double latePct,
        double errorsPct,
        double unknownPct,
        double slowPct,
        int threads,
        int gzipLevel,
        int fileMinutes,
        String bucket,
        boolean overwrite,
        String kinesisStream,
        URI endpoint,
        String region,
        String logGroup,
        boolean help,
        int qDeveloperUsers,
        OperationMix mix,
        boolean latencyTail) {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: generate-logs --out DIR [options]",
                    "       generate-logs --kinesis-stream ARN --endpoint URL [--region R] [--out DIR] [options]",
                    "",
                    "Writes synthetic Amazon Bedrock model-invocation logs, as Bedrock delivers them to S3:",
                    "  DIR/AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/{time}_{hex}.json.gz",
                    "(gzip NDJSON), offloaded request bodies under .../HH/data/{requestId}_input.json.gz, and the ground",
                    "truth in DIR/expected-totals.json. With --kinesis-stream the same records go to Kinesis as",
                    "CloudWatch Logs subscription envelopes instead.",
                    "",
                    "Options:",
                    "  --out DIR             output directory (required unless --kinesis-stream)",
                    "  --invocations N       unique invocations to generate (default 2000)",
                    "  --accounts N          AWS accounts (default 3)",
                    "  --start ISO           first timestamp, e.g. 2026-11-01T00:00:00Z or 2026-11-01 (default: H hours before",
                    "                        the current hour began, so the calls are of the last hours and alerts about them",
                    "                        are sent; give --start for the same bytes on every run)",
                    "  --hours H             timestamps spread over H hours (default 2)",
                    "  --seed S              random seed; same seed and options give the same bytes (default 42)",
                    "  --body-kb K           approximate size of each request and response body in KB (default 4)",
                    "  --duplicates-pct P    percent of records delivered twice, in a later file (default 2)",
                    "  --late-pct P          percent of records delivered 1-3 hours late, in a later hour's folder (default 1)",
                    "  --errors-pct P        percent of failed calls with an errorCode (default 1)",
                    "  --unknown-pct P       percent of calls to a model no price list knows (default 1)",
                    "  --slow-pct P          percent of successful calls answered at a degraded 100-400 ms per output token",
                    "                        (default 0; healthy calls take 5-30 ms a token, so long answers take up to a minute)",
                    "  --mix M               operations: converse (about 80 % Converse and ConverseStream, logged aggregated),",
                    "                        stream (about 80 % InvokeModelWithResponseStream, output bodies as chunk lists)",
                    "                        or default (a spread of all four)",
                    "  --latency-tail        latencies of successful calls log-normal, whatever the answer's length, as real",
                    "                        traffic with long generations has: median 3 s, 1 % under 0.3 s, 1 % over 30 s,",
                    "                        clamped to 0.15-120 s (calls made slow by --slow-pct keep their slow speed)",
                    "  --threads T           writer threads (default: available processors, at most 2)",
                    "  --gzip-level L        deflate level 1-9 (default 1: fastest)",
                    "  --file-minutes M      one file per account, region and M minutes (default 5)",
                    "  --bucket NAME         bucket named in inputBodyS3Path (default bedrock-invocation-logs)",
                    "  --overwrite           replace DIR/AWSLogs and DIR/expected-totals.json if they exist",
                    "  --kinesis-stream ARN  put records to this Kinesis stream (ARN or name) instead of writing files",
                    "  --endpoint URL        Kinesis endpoint, e.g. http://127.0.0.1:4567 (required with --kinesis-stream)",
                    "  --region R            Kinesis signing region (default us-east-1)",
                    "  --log-group NAME      CloudWatch log group named in the envelopes (default /aws/bedrock/invocation-logs)",
                    "  --q-developer-users N also write Amazon Q Developer prompt logs (chat, inline, /dev) and an activity",
                    "                        report for N users over the same hours, with expected-q-developer.json (default 0)",
                    "  --help                print this help");

    private static final java.util.Set<String> VALUE_OPTIONS =
            java.util.Set.of(
                    "--out",
                    "--invocations",
                    "--accounts",
                    "--start",
                    "--hours",
                    "--seed",
                    "--body-kb",
                    "--duplicates-pct",
                    "--late-pct",
                    "--errors-pct",
                    "--unknown-pct",
                    "--slow-pct",
                    "--threads",
                    "--gzip-level",
                    "--file-minutes",
                    "--bucket",
                    "--kinesis-stream",
                    "--endpoint",
                    "--region",
                    "--log-group",
                    "--q-developer-users",
                    "--mix");

    int bodyBytes() {
        return (int) Math.round(bodyKb * 1024);
    }

    int slotsPerHour() {
        return (60 + fileMinutes - 1) / fileMinutes;
    }

    boolean kinesisMode() {
        return kinesisStream != null;
    }

    static GeneratorOptions parse(String... args) throws UsageException {
        return parse(Instant.now(), args);
    }

    /**
     * @param now the wall clock: without {@code --start}, the calls are of the hours before the
     *     current one
     */
    static GeneratorOptions parse(Instant now, String... args) throws UsageException {
        Path out = null;
        int invocations = 2000;
        int accounts = 3;
        Instant start = null;
        double hours = 2;
        long seed = 42;
        double bodyKb = 4;
        double duplicatesPct = 2;
        double latePct = 1;
        double errorsPct = 1;
        double unknownPct = 1;
        double slowPct = 0;
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        int gzipLevel = 1;
        int fileMinutes = 5;
        String bucket = "bedrock-invocation-logs";
        boolean overwrite = false;
        String kinesisStream = null;
        URI endpoint = null;
        String region = "us-east-1";
        String logGroup = "/aws/bedrock/invocation-logs";
        boolean help = false;
        int qDeveloperUsers = 0;
        OperationMix mix = OperationMix.DEFAULT;
        boolean latencyTail = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    help = true;
                    continue;
                case "--overwrite":
                    overwrite = true;
                    continue;
                case "--latency-tail":
                    latencyTail = true;
                    continue;
                default:
                    break;
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (!VALUE_OPTIONS.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--out" -> out = Path.of(value);
                case "--invocations" -> invocations = intIn(name, value, 1, Integer.MAX_VALUE - 8);
                case "--accounts" -> accounts = intIn(name, value, 1, 1000);
                case "--start" -> start = instant(value);
                case "--hours" -> hours = doubleIn(name, value, 1.0 / 3600, 24 * 366);
                case "--seed" -> seed = longValue(name, value);
                case "--body-kb" -> bodyKb = doubleIn(name, value, 0, 10 * 1024);
                case "--duplicates-pct" -> duplicatesPct = doubleIn(name, value, 0, 100);
                case "--late-pct" -> latePct = doubleIn(name, value, 0, 100);
                case "--errors-pct" -> errorsPct = doubleIn(name, value, 0, 100);
                case "--unknown-pct" -> unknownPct = doubleIn(name, value, 0, 100);
                case "--slow-pct" -> slowPct = doubleIn(name, value, 0, 100);
                case "--threads" -> threads = intIn(name, value, 1, 64);
                case "--gzip-level" -> gzipLevel = intIn(name, value, 1, 9);
                case "--file-minutes" -> fileMinutes = intIn(name, value, 1, 60);
                case "--bucket" -> bucket = nonEmpty(name, value);
                case "--kinesis-stream" -> kinesisStream = nonEmpty(name, value);
                case "--endpoint" -> endpoint = uri(name, value);
                case "--region" -> region = nonEmpty(name, value);
                case "--log-group" -> logGroup = nonEmpty(name, value);
                case "--q-developer-users" -> qDeveloperUsers = intIn(name, value, 0, 1000);
                case "--mix" -> mix = OperationMix.of(value);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (!help) {
            if (kinesisStream == null && out == null) {
                throw new UsageException(
                        "--out DIR is required (or --kinesis-stream with --endpoint)");
            }
            if (kinesisStream != null && endpoint == null) {
                throw new UsageException("--kinesis-stream needs --endpoint URL");
            }
            if (kinesisStream == null && endpoint != null) {
                throw new UsageException("--endpoint only applies with --kinesis-stream");
            }
        }
        if (start == null) {
            start = recentStart(now, hours);
        }
        return new GeneratorOptions(
                out,
                invocations,
                accounts,
                start,
                hours,
                seed,
                bodyKb,
                duplicatesPct,
                latePct,
                errorsPct,
                unknownPct,
                slowPct,
                threads,
                gzipLevel,
                fileMinutes,
                bucket,
                overwrite,
                kinesisStream,
                endpoint,
                region,
                logGroup,
                help,
                qDeveloperUsers,
                mix,
                latencyTail);
    }

    /**
     * {@code hours} before the current hour began (whole seconds): every call lies in the past, at
     * most {@code hours} + 1 hours back, and two runs within the same hour write the same bytes.
     */
    static Instant recentStart(Instant now, double hours) {
        long hourStart = now.getEpochSecond() / 3600 * 3600;
        return Instant.ofEpochSecond(hourStart - Math.round(hours * 3600));
    }

    private static int intIn(String name, String value, int min, int max) throws UsageException {
        long v = longValue(name, value);
        if (v < min || v > max) {
            throw new UsageException(
                    name + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) v;
    }

    private static long longValue(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static double doubleIn(String name, String value, double min, double max)
            throws UsageException {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, got '" + value + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(
                    name + " must be between " + min + " and " + max + ", got " + value);
        }
        return v;
    }

    private static Instant instant(String value) throws UsageException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(
                        "--start needs an ISO instant like 2026-11-01T00:00:00Z, got '"
                                + value
                                + "'");
            }
        }
    }

    private static URI uri(String name, String value) throws UsageException {
        try {
            URI u = URI.create(value);
            if (u.getScheme() == null
                    || u.getHost() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    name + " needs an http(s) URL like http://127.0.0.1:4567, got '" + value + "'");
        }
    }

    private static String nonEmpty(String name, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a non-empty value");
        }
        return value;
    }
}
