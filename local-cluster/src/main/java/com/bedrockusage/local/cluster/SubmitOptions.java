package com.bedrockusage.local.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code local-cluster/bin/submit}, validated. */
record SubmitOptions(
        Path jar,
        String entryClass,
        String fromSavepoint,
        boolean allowNonRestoredState,
        int parallelism,
        String checkpointInterval,
        boolean kinesis,
        boolean s3,
        List<String> sets,
        boolean waitUntilRunning,
        boolean help) {

    static final String DEFAULT_ENTRY_CLASS = "com.bedrockusage.job.UsageStreamJob";
    static final String DEFAULT_CHECKPOINT_INTERVAL = "10s";

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: submit [--from-savepoint PATH|last] [--set group.key=value ...] [options]",
                    "",
                    "Uploads the job jar to the local Flink session cluster and runs it, reading the Kinesis emulator's",
                    "stream and the S3 emulator's bucket, writing Iceberg tables to the cluster's warehouse.",
                    "",
                    "Options:",
                    "  --from-savepoint PATH   resume from a savepoint ('last': the one local-cluster/bin/savepoint took last)",
                    "  --allow-non-restored-state  skip savepoint state no operator claims",
                    "  --set group.key=value   job setting (see the README's configuration table); repeatable, wins over defaults",
                    "  --parallelism N         job parallelism (default 2 = the TaskManager's slots)",
                    "  --checkpoint-interval D checkpoint (and Iceberg commit) interval (default 10s)",
                    "  --no-kinesis            do not read the Kinesis stream",
                    "  --no-s3                 do not read the S3 bucket",
                    "  --jar PATH              another job jar (default job/target/job-0.1.0-SNAPSHOT-msf.jar)",
                    "  --entry-class NAME      main class in that jar (default "
                            + DEFAULT_ENTRY_CLASS
                            + ")",
                    "  --no-wait               return once submitted, without waiting for the job to run",
                    "  --help                  print this help");

    static SubmitOptions parse(Path defaultJar, String... args) throws UsageException {
        Path jar = defaultJar;
        String entryClass = DEFAULT_ENTRY_CLASS;
        String fromSavepoint = null;
        boolean allowNonRestored = false;
        int parallelism = 2;
        String checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        boolean kinesis = true;
        boolean s3 = true;
        List<String> sets = new ArrayList<>();
        boolean waitForRunning = true;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--from-savepoint" -> fromSavepoint = value(args, ++i, a);
                case "--allow-non-restored-state" -> allowNonRestored = true;
                case "--set" -> sets.add(setting(value(args, ++i, a)));
                case "--parallelism" -> parallelism = positive(a, value(args, ++i, a));
                case "--checkpoint-interval" -> checkpointInterval = value(args, ++i, a);
                case "--no-kinesis" -> kinesis = false;
                case "--no-s3" -> s3 = false;
                case "--jar" -> jar = Path.of(value(args, ++i, a));
                case "--entry-class" -> entryClass = value(args, ++i, a);
                case "--no-wait" -> waitForRunning = false;
                default -> {
                    if (a.startsWith("--set=")) {
                        sets.add(setting(a.substring("--set=".length())));
                    } else {
                        throw new UsageException("unknown option '" + a + "' (see --help)");
                    }
                }
            }
        }
        return new SubmitOptions(
                jar,
                entryClass,
                fromSavepoint,
                allowNonRestored,
                parallelism,
                checkpointInterval,
                kinesis,
                s3,
                List.copyOf(sets),
                waitForRunning,
                help);
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private static String setting(String kv) throws UsageException {
        int eq = kv.indexOf('=');
        if (eq <= 0 || kv.indexOf('.') < 0 || kv.indexOf('.') > eq) {
            throw new UsageException("--set needs group.key=value, got '" + kv + "'");
        }
        return kv;
    }

    private static int positive(String flag, String v) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(flag + " needs a positive whole number, got '" + v + "'");
    }
}
