package com.bedrockusage.local.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of {@code local-cluster/bin/feed}, validated. */
record FeedOptions(
        double rate,
        Duration duration,
        Integer invocations,
        Instant start,
        Duration span,
        long seed,
        int overlapPct,
        Path truth,
        String bucket,
        List<String> generatorArgs,
        boolean help) {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: feed [--rate R] [--duration D] [options]",
                    "",
                    "Streams generated Bedrock invocations into the local cluster's emulators for D (wall time): log files",
                    "go to the S3 emulator in Bedrock's layout (AWSLogs/.../YYYY/MM/DD/HH/...json.gz) and/or, as CloudWatch",
                    "Logs subscription envelopes, to the Kinesis stream. Some files go both ways (same requestIds), so the",
                    "job's dedup is exercised. The ground truth (usage of the unique records, exact cost) goes to a JSON file.",
                    "",
                    "Options:",
                    "  --rate R            invocations per second of wall time (default 20)",
                    "  --duration D        how long to stream, e.g. 30s, 2m (default 30s)",
                    "  --invocations N     exactly N unique invocations (instead of rate x duration)",
                    "  --start ISO         event time of the first invocation (default: now minus the span)",
                    "  --span D            event times spread over D (default: the duration, i.e. real time)",
                    "  --seed S            random seed: different seeds never share requestIds (default: the clock)",
                    "  --overlap-pct P     percent of log files sent both to S3 and to Kinesis (default 20); the others",
                    "                      go one way, half each",
                    "  --truth FILE        where to write the ground truth (default local-data/cluster/feed/truth-SEED.json)",
                    "  --bucket NAME       send the S3 copies to this bucket of the S3 emulator (created if missing), e.g. a",
                    "                      spoke account's log bucket (default: the cluster's bucket)",
                    "  --accounts N, --body-kb K, --duplicates-pct P, --late-pct P, --errors-pct P, --unknown-pct P,",
                    "  --q-developer-users N (Q Developer logs go to S3 only; their truth is written to TRUTH.q-developer.json)",
                    "                      passed to the generator (see local-cluster/bin/generate-logs --help)",
                    "  --help              print this help");

    private static final List<String> PASSED_TO_GENERATOR =
            List.of(
                    "--accounts",
                    "--body-kb",
                    "--duplicates-pct",
                    "--late-pct",
                    "--errors-pct",
                    "--unknown-pct",
                    "--q-developer-users");

    int uniqueInvocations() {
        return invocations != null
                ? invocations
                : (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    }

    static FeedOptions parse(Instant now, String... args) throws UsageException {
        double rate = 20;
        Duration duration = Duration.ofSeconds(30);
        Integer invocations = null;
        Instant start = null;
        Duration span = null;
        long seed = now.toEpochMilli();
        int overlapPct = 20;
        Path truth = null;
        String bucket = null;
        List<String> generatorArgs = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            if (PASSED_TO_GENERATOR.contains(a)) {
                generatorArgs.add(a);
                generatorArgs.add(value(args, ++i, a));
                continue;
            }
            switch (a) {
                case "--rate" -> rate = positiveNumber(a, value(args, ++i, a));
                case "--duration" -> duration = duration(a, value(args, ++i, a));
                case "--invocations" -> invocations = (int) positiveNumber(a, value(args, ++i, a));
                case "--start" -> start = instant(value(args, ++i, a));
                case "--span" -> span = duration(a, value(args, ++i, a));
                case "--seed" -> seed = longValue(a, value(args, ++i, a));
                case "--overlap-pct" -> overlapPct = percent(a, value(args, ++i, a));
                case "--truth" -> truth = Path.of(value(args, ++i, a));
                case "--bucket" -> bucket = bucketName(a, value(args, ++i, a));
                default -> throw new UsageException("unknown option '" + a + "' (see --help)");
            }
        }
        if (span == null) {
            span = duration;
        }
        if (start == null) {
            start = now.minus(span);
        }
        return new FeedOptions(
                rate,
                duration,
                invocations,
                start,
                span,
                seed,
                overlapPct,
                truth,
                bucket,
                List.copyOf(generatorArgs),
                help);
    }

    static String bucketName(String flag, String v) throws UsageException {
        if (!v.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new UsageException(flag + " takes an S3 bucket name, not '" + v + "'");
        }
        return v;
    }

    /** {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code 500ms} or plain seconds. */
    static Duration duration(String flag, String v) throws UsageException {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            } else if (s.endsWith("s")) {
                d =
                        Duration.ofMillis(
                                Math.round(
                                        Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            } else if (s.endsWith("m")) {
                d =
                        Duration.ofMillis(
                                Math.round(
                                        Double.parseDouble(s.substring(0, s.length() - 1))
                                                * 60_000));
            } else if (s.endsWith("h")) {
                d =
                        Duration.ofMillis(
                                Math.round(
                                        Double.parseDouble(s.substring(0, s.length() - 1))
                                                * 3_600_000));
            } else if (s.endsWith("d")) {
                d =
                        Duration.ofMillis(
                                Math.round(
                                        Double.parseDouble(s.substring(0, s.length() - 1))
                                                * 86_400_000));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            if (!d.isNegative()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(flag + " needs a duration like 30s, 2m or 1h, got '" + v + "'");
    }

    private static Instant instant(String v) throws UsageException {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(
                        "--start needs an ISO instant like 2026-11-01T22:00:00Z, got '" + v + "'");
            }
        }
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static double positiveNumber(String flag, String v) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(flag + " needs a positive number, got '" + v + "'");
    }

    private static long longValue(String flag, String v) throws UsageException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, got '" + v + "'");
        }
    }

    private static int percent(String flag, String v) throws UsageException {
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(flag + " needs a percentage from 0 to 100, got '" + v + "'");
    }
}
