package com.bedrockusage.job.config;

import com.bedrockusage.job.usage.CallerKey;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The job's settings, parsed once and validated. Every problem is reported at startup with the key
 * that caused it and how to fix it; nothing is read from {@link PropertyGroups} after this.
 */
public final class JobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The usage windows the job knows how to store, by size. */
    public static final Map<Duration, String> WINDOW_TABLES;

    static {
        Map<Duration, String> m = new LinkedHashMap<>();
        m.put(Duration.ofMinutes(1), "usage_minute");
        m.put(Duration.ofHours(1), "usage_hourly");
        m.put(Duration.ofDays(1), "usage_daily");
        WINDOW_TABLES = Collections.unmodifiableMap(m);
    }

    /** The first log location (source.s3.path, else the first of source.s3.paths), or null. */
    public final String s3Path;

    /** Every log location: source.s3.path, then source.s3.paths; none nested in another. */
    public final List<String> s3Paths;

    public final boolean s3Continuous;
    public final Duration s3DiscoveryInterval;
    public final Duration s3Lookback;
    public final Instant s3From;
    public final Instant s3To;

    /** Inflate gzip log objects with Intel ISA-L where it loads. */
    public final boolean s3Isal;

    public final String kinesisStreamArn;
    public final String kinesisRegion;
    public final String kinesisEndpoint;
    public final String kinesisInitialPosition;
    public final Duration kinesisRetention;

    public final Duration dedupTtl;
    public final List<Duration> windows;
    public final Duration allowedLateness;
    public final Duration maxOutOfOrderness;
    public final Duration maxFuture;
    public final Duration idleness;
    public final Duration dailyRetention;

    /** What the usage key's caller part holds. */
    public final CallerKey callerKey;

    public final int parallelism;
    public final Duration checkpointInterval;
    public final String checkpointDir;

    public final String pricingCatalog;
    public final String pricingUpdatesDir;
    public final Duration pricingUpdatesInterval;
    public final Map<String, String> pricingAliases;

    public final String icebergCatalogType;
    public final String icebergWarehouse;
    public final String icebergNamespace;
    public final String icebergRegion;

    public final String alertsRules;
    public final boolean alertsDefaultsEnabled;
    public final Duration alertsRulesInterval;
    public final String alertsAppPattern;
    public final String snsTopicArn;
    public final String snsRegion;
    public final String snsEndpoint;
    public final int snsMaxInFlight;
    public final int snsMaxAttempts;
    public final Duration snsAttemptTimeout;
    public final int snsMaxPending;
    public final Duration alertsMaxAge;
    public final String alertsJsonlPath;

    public final boolean reportEnabled;
    public final String reportOutput;
    public final boolean reportAnnounce;

    /**
     * Reconciliation with the bill: the largest difference, in % of the billed cost, that still
     * matches.
     */
    public final java.math.BigDecimal reconcileTolerancePct;

    /** Amazon Q Developer limits by kind: {@code dev}, {@code transform}, {@code context}. */
    public final Map<String, Integer> qLimits;

    private JobConfig(PropertyGroups p) {
        s3Paths = logLocations(p);
        s3Path = s3Paths.isEmpty() ? null : s3Paths.get(0);
        s3Continuous = oneOf(p, ConfigKeys.S3_MODE, "bounded", "continuous").equals("continuous");
        s3DiscoveryInterval = positiveDuration(p, ConfigKeys.S3_DISCOVERY_INTERVAL);
        s3Lookback = positiveDuration(p, ConfigKeys.S3_LOOKBACK);
        s3From = instant(p, ConfigKeys.S3_FROM);
        s3To = instant(p, ConfigKeys.S3_TO);
        s3Isal = oneOf(p, ConfigKeys.S3_GUNZIP, "isal", "jdk").equals("isal");
        if (s3From != null && s3To != null && !s3From.isBefore(s3To)) {
            throw invalid(
                    ConfigKeys.S3_TO,
                    p.get(ConfigKeys.S3_TO),
                    "it must be after " + ConfigKeys.S3_FROM.fullName());
        }

        kinesisStreamArn = optional(p, ConfigKeys.KINESIS_STREAM_ARN);
        if (kinesisStreamArn != null && !kinesisStreamArn.startsWith("arn:")) {
            throw invalid(
                    ConfigKeys.KINESIS_STREAM_ARN,
                    kinesisStreamArn,
                    "use the stream ARN, e.g. arn:aws:kinesis:us-east-1:111122223333:stream/bedrock-invocations");
        }
        kinesisRegion = p.get(ConfigKeys.KINESIS_REGION).trim();
        kinesisEndpoint = optional(p, ConfigKeys.KINESIS_ENDPOINT);
        kinesisInitialPosition =
                oneOf(p, ConfigKeys.KINESIS_INITIAL_POSITION, "LATEST", "TRIM_HORIZON");
        kinesisRetention = positiveDuration(p, ConfigKeys.KINESIS_RETENTION);
        if (kinesisRetention.compareTo(Duration.ofHours(24)) < 0
                || kinesisRetention.compareTo(Duration.ofHours(8760)) > 0) {
            throw invalid(
                    ConfigKeys.KINESIS_RETENTION,
                    p.get(ConfigKeys.KINESIS_RETENTION),
                    "Kinesis keeps records 24h to 8760h; use the stream's retention period");
        }
        if (s3Path == null && kinesisStreamArn == null) {
            throw new ConfigException(
                    "no source is configured: set "
                            + ConfigKeys.S3_PATH.fullName()
                            + " or "
                            + ConfigKeys.S3_PATHS.fullName()
                            + " (S3 prefix or file:///dir holding AWSLogs/) and/or "
                            + ConfigKeys.KINESIS_STREAM_ARN.fullName());
        }

        dedupTtl = positiveDuration(p, ConfigKeys.DEDUP_TTL);
        if (dedupTtl.compareTo(Duration.ofHours(24)) < 0) {
            throw invalid(
                    ConfigKeys.DEDUP_TTL,
                    p.get(ConfigKeys.DEDUP_TTL),
                    "re-deliveries can come a day later; use at least 24h");
        }
        windows = windowList(p);
        allowedLateness = duration(p, ConfigKeys.ALLOWED_LATENESS);
        maxOutOfOrderness = duration(p, ConfigKeys.MAX_OUT_OF_ORDERNESS);
        maxFuture = positiveDuration(p, ConfigKeys.MAX_FUTURE);
        idleness = positiveDuration(p, ConfigKeys.IDLENESS);
        dailyRetention = positiveDuration(p, ConfigKeys.DAILY_RETENTION);
        callerKey = CallerKey.fromConfig(oneOf(p, ConfigKeys.CALLER_KEY, "principal", "arn"));
        parallelism = positiveInt(p, ConfigKeys.PARALLELISM);
        checkpointInterval = positiveDuration(p, ConfigKeys.CHECKPOINT_INTERVAL);
        String dir = optional(p, ConfigKeys.CHECKPOINT_DIR);
        checkpointDir = dir != null ? dir : defaultCheckpointDir(System.getProperty("user.name"));

        pricingCatalog = optional(p, ConfigKeys.PRICING_CATALOG);
        if (pricingCatalog != null
                && isLocalPath(pricingCatalog)
                && !Files.isRegularFile(localPath(pricingCatalog))) {
            throw invalid(ConfigKeys.PRICING_CATALOG, pricingCatalog, "no such file");
        }
        pricingUpdatesDir = optional(p, ConfigKeys.PRICING_UPDATES_DIR);
        pricingUpdatesInterval = positiveDuration(p, ConfigKeys.PRICING_UPDATES_INTERVAL);
        pricingAliases = aliases(p);

        icebergCatalogType = oneOf(p, ConfigKeys.ICEBERG_CATALOG_TYPE, "hadoop", "glue");
        String warehouse = optional(p, ConfigKeys.ICEBERG_WAREHOUSE);
        icebergWarehouse =
                warehouse != null ? warehouse : defaultWarehouse(System.getProperty("user.name"));
        if (icebergCatalogType.equals("glue") && !icebergWarehouse.startsWith("s3://")) {
            throw invalid(
                    ConfigKeys.ICEBERG_WAREHOUSE,
                    icebergWarehouse,
                    "the glue catalog needs an s3://bucket/prefix warehouse");
        }
        icebergNamespace = required(p, ConfigKeys.ICEBERG_NAMESPACE);
        icebergRegion = optional(p, ConfigKeys.ICEBERG_REGION);

        alertsRules = optional(p, ConfigKeys.ALERTS_RULES);
        alertsDefaultsEnabled = bool(p, ConfigKeys.ALERTS_DEFAULTS);
        alertsRulesInterval = positiveDuration(p, ConfigKeys.ALERTS_RULES_INTERVAL);
        alertsAppPattern = pattern(p, ConfigKeys.ALERTS_APP_PATTERN);
        snsTopicArn = optional(p, ConfigKeys.SNS_TOPIC_ARN);
        if (snsTopicArn != null && !snsTopicArn.startsWith("arn:")) {
            throw invalid(
                    ConfigKeys.SNS_TOPIC_ARN,
                    snsTopicArn,
                    "use the topic ARN, e.g. arn:aws:sns:us-east-1:111122223333:bedrock-alerts");
        }
        String region = optional(p, ConfigKeys.SNS_REGION);
        if (region == null && snsTopicArn != null) {
            String[] parts = snsTopicArn.split(":");
            region = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
        }
        snsRegion = region;
        snsEndpoint = optional(p, ConfigKeys.SNS_ENDPOINT);
        snsMaxInFlight = positiveInt(p, ConfigKeys.SNS_MAX_IN_FLIGHT);
        snsMaxAttempts = positiveInt(p, ConfigKeys.SNS_MAX_ATTEMPTS);
        snsAttemptTimeout = positiveDuration(p, ConfigKeys.SNS_ATTEMPT_TIMEOUT);
        snsMaxPending = positiveInt(p, ConfigKeys.SNS_MAX_PENDING);
        alertsMaxAge = duration(p, ConfigKeys.ALERTS_MAX_AGE);
        alertsJsonlPath = optional(p, ConfigKeys.ALERTS_JSONL);

        reportEnabled = bool(p, ConfigKeys.REPORT_ENABLED);
        reportOutput = optional(p, ConfigKeys.REPORT_OUTPUT);
        if (reportEnabled && reportOutput == null) {
            throw new ConfigException(
                    ConfigKeys.REPORT_ENABLED.fullName()
                            + "=true needs "
                            + ConfigKeys.REPORT_OUTPUT.fullName()
                            + " (a directory or s3://bucket/prefix)");
        }
        reportAnnounce = bool(p, ConfigKeys.REPORT_ANNOUNCE);
        reconcileTolerancePct = nonNegativeDecimal(p, ConfigKeys.REPORT_RECONCILE_TOLERANCE_PCT);

        qLimits = qLimits(p);
    }

    public static JobConfig from(PropertyGroups p) {
        return new JobConfig(p);
    }

    public boolean hasS3Source() {
        return !s3Paths.isEmpty();
    }

    public boolean hasKinesisSource() {
        return kinesisStreamArn != null;
    }

    /** True when every source is bounded: the job finishes once it has read everything. */
    /** Whether prices come from a catalogue file instead of the built-in one. */
    public boolean hasPricingCatalog() {
        return pricingCatalog != null;
    }

    /** Whether a folder of price updates is watched. */
    public boolean hasPricingUpdates() {
        return pricingUpdatesDir != null;
    }

    /** Whether Kinesis is reached through an endpoint of its own (a local emulator). */
    public boolean hasKinesisEndpoint() {
        return kinesisEndpoint != null;
    }

    public boolean isBounded() {
        return !hasKinesisSource() && !s3Continuous;
    }

    public boolean hasWindow(Duration size) {
        return windows.contains(size);
    }

    /**
     * A folder per user in the system temp directory: a shared one would belong to whoever ran
     * first, and every other user's job would fail at start, unable to create its checkpoint
     * directory there.
     */
    static String defaultCheckpointDir(String user) {
        return perUserTempDir("bedrock-usage-checkpoints-", user);
    }

    static String defaultWarehouse(String user) {
        return perUserTempDir("bedrock-usage-warehouse-", user);
    }

    private static String perUserTempDir(String prefix, String user) {
        String owner =
                user == null || user.isEmpty()
                        ? "unknown"
                        : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return Paths.get(System.getProperty("java.io.tmpdir"), prefix + owner).toUri().toString();
    }

    /** True when the warehouse and checkpoint folders are this machine's per-user defaults. */
    public boolean usesDefaultWarehouse() {
        return icebergWarehouse.equals(defaultWarehouse(System.getProperty("user.name")));
    }

    public boolean usesDefaultCheckpointDir() {
        return checkpointDir.equals(defaultCheckpointDir(System.getProperty("user.name")));
    }

    private static String optional(PropertyGroups p, ConfigKey key) {
        String v = p.get(key);
        return v == null || v.trim().isEmpty() ? null : v.trim();
    }

    private static String required(PropertyGroups p, ConfigKey key) {
        String v = optional(p, key);
        if (v == null) {
            throw new ConfigException(
                    "missing setting " + key.fullName() + ": " + key.description());
        }
        return v;
    }

    private static String oneOf(PropertyGroups p, ConfigKey key, String... allowed) {
        String v = p.get(key).trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw invalid(key, v, "use one of " + String.join(", ", allowed));
    }

    private static java.math.BigDecimal nonNegativeDecimal(PropertyGroups p, ConfigKey key) {
        String v = required(p, key);
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(v.trim());
            if (d.signum() >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, v, "use a number of 0 or more, e.g. 1 for 1 %");
    }

    private static boolean bool(PropertyGroups p, ConfigKey key) {
        return oneOf(p, key, "true", "false").equals("true");
    }

    private static int positiveInt(PropertyGroups p, ConfigKey key) {
        String v = p.get(key).trim();
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, v, "use a whole number greater than 0");
    }

    private static Duration duration(PropertyGroups p, ConfigKey key) {
        String v = p.get(key);
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw invalid(key, v, e.getMessage());
        }
    }

    private static Duration positiveDuration(PropertyGroups p, ConfigKey key) {
        Duration d = duration(p, key);
        if (d.isZero() || d.isNegative()) {
            throw invalid(key, p.get(key), "use a duration greater than zero");
        }
        return d;
    }

    private static Instant instant(PropertyGroups p, ConfigKey key) {
        String v = optional(p, key);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(key, v, "use an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    /**
     * source.s3.path then each entry of source.s3.paths; a location inside another would be read
     * twice.
     */
    private static List<String> logLocations(PropertyGroups p) {
        List<String> locations = new ArrayList<>();
        String single = optional(p, ConfigKeys.S3_PATH);
        if (single != null) {
            locations.add(single);
        }
        String list = optional(p, ConfigKeys.S3_PATHS);
        if (list != null) {
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    locations.add(entry.trim());
                }
            }
        }
        for (int i = 0; i < locations.size(); i++) {
            for (int j = 0; j < locations.size(); j++) {
                String outer = withSlash(locations.get(i));
                if (i != j && withSlash(locations.get(j)).startsWith(outer)) {
                    throw invalid(
                            ConfigKeys.S3_PATHS,
                            list,
                            "'"
                                    + locations.get(j)
                                    + "' is the same as or inside '"
                                    + locations.get(i)
                                    + "': its objects would be read twice");
                }
            }
        }
        return Collections.unmodifiableList(locations);
    }

    private static String withSlash(String location) {
        return location.endsWith("/") ? location : location + "/";
    }

    private static List<Duration> windowList(PropertyGroups p) {
        List<Duration> out = new ArrayList<>();
        for (String part : p.get(ConfigKeys.WINDOWS).split(",")) {
            if (part.trim().isEmpty()) {
                continue;
            }
            Duration d;
            try {
                d = Durations.parse(part);
            } catch (IllegalArgumentException e) {
                throw invalid(ConfigKeys.WINDOWS, p.get(ConfigKeys.WINDOWS), e.getMessage());
            }
            if (!WINDOW_TABLES.containsKey(d)) {
                throw invalid(
                        ConfigKeys.WINDOWS,
                        p.get(ConfigKeys.WINDOWS),
                        "windows are chosen from 1m, 1h and 1d");
            }
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            throw invalid(
                    ConfigKeys.WINDOWS,
                    p.get(ConfigKeys.WINDOWS),
                    "name at least one of 1m, 1h, 1d");
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code kind=N,...}: every kind of the default, each a whole number above 0; unnamed kinds
     * keep their default.
     */
    private static Map<String, Integer> qLimits(PropertyGroups p) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String fix = "use kind=N pairs, e.g. " + ConfigKeys.Q_LIMITS.defaultValue();
        for (String pair : ConfigKeys.Q_LIMITS.defaultValue().split(",")) {
            out.put(
                    pair.substring(0, pair.indexOf('=')),
                    Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
        }
        String v = p.get(ConfigKeys.Q_LIMITS).trim();
        for (String pair : v.isEmpty() ? new String[0] : v.split(",")) {
            int eq = pair.indexOf('=');
            String kind = eq > 0 ? pair.substring(0, eq).trim() : "";
            if (!out.containsKey(kind)) {
                throw invalid(ConfigKeys.Q_LIMITS, v, fix);
            }
            try {
                int n = Integer.parseInt(pair.substring(eq + 1).trim());
                if (n <= 0) {
                    throw invalid(ConfigKeys.Q_LIMITS, v, fix);
                }
                out.put(kind, n);
            } catch (NumberFormatException e) {
                throw invalid(ConfigKeys.Q_LIMITS, v, fix);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, String> aliases(PropertyGroups p) {
        Map<String, String> out = new LinkedHashMap<>();
        String v = optional(p, ConfigKeys.PRICING_ALIASES);
        if (v == null) {
            return out;
        }
        for (String pair : v.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw invalid(
                        ConfigKeys.PRICING_ALIASES, v, "use alias=model pairs separated by commas");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    private static String pattern(PropertyGroups p, ConfigKey key) {
        String v = p.get(key);
        try {
            if (Pattern.compile(v).matcher("").groupCount() < 1) {
                throw invalid(key, v, "the pattern needs one capturing group for the app name");
            }
        } catch (PatternSyntaxException e) {
            throw invalid(key, v, "not a valid regular expression: " + e.getDescription());
        }
        return v;
    }

    static boolean isLocalPath(String location) {
        return !location.contains("://") || location.startsWith("file:");
    }

    /** A {@code file:///x} or plain path as a local {@link Path}. */
    public static Path localPath(String location) {
        if (location.startsWith("file://")) {
            return Paths.get(location.substring("file://".length()));
        }
        if (location.startsWith("file:")) {
            return Paths.get(location.substring("file:".length()));
        }
        return Paths.get(location);
    }

    private static ConfigException invalid(ConfigKey key, String value, String fix) {
        return new ConfigException(
                "invalid setting " + key.fullName() + "='" + value + "': " + fix);
    }

    /** A short human-readable dump of the effective settings (no secrets are configured here). */
    public String describe() {
        return "sources: "
                + (hasS3Source()
                        ? "s3 "
                                + String.join(",", s3Paths)
                                + (s3Continuous ? " (continuous)" : " (bounded)")
                        : "")
                + (hasKinesisSource() ? " kinesis " + kinesisStreamArn : "")
                + "; windows "
                + windows
                + "; warehouse "
                + icebergWarehouse
                + " ("
                + icebergCatalogType
                + ")";
    }
}
