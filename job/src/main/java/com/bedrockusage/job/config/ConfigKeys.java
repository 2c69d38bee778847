package com.bedrockusage.job.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every runtime property the job reads, in one place. Property groups follow MSF's shape. */
public final class ConfigKeys {

    public static final String GROUP_S3 = "source.s3";
    public static final String GROUP_KINESIS = "source.kinesis";
    public static final String GROUP_PIPELINE = "pipeline";
    public static final String GROUP_PRICING = "pricing";
    public static final String GROUP_ICEBERG = "iceberg";
    public static final String GROUP_ALERTS = "alerts";
    public static final String GROUP_REPORT = "report";
    public static final String GROUP_QDEVELOPER = "qdeveloper";

    private static final List<ConfigKey> ALL = new ArrayList<>();

    // ---- sources ----
    public static final ConfigKey S3_PATH =
            define(
                    GROUP_S3,
                    "path",
                    "",
                    "Where Bedrock writes invocation logs: s3://bucket/prefix or file:///dir (the folder that holds AWSLogs/). Empty disables the S3 source.");
    public static final ConfigKey S3_PATHS =
            define(GROUP_S3, "paths", "", "More log locations, comma-separated (spoke buckets).");
    public static final ConfigKey S3_MODE =
            define(
                    GROUP_S3,
                    "mode",
                    "continuous",
                    "bounded (read what exists, then finish) or continuous (discover new objects every discovery-interval).");
    public static final ConfigKey S3_DISCOVERY_INTERVAL =
            define(
                    GROUP_S3,
                    "discovery-interval",
                    "30s",
                    "How often continuous mode lists the prefix for new objects.");
    // AWS documents no delivery delay for invocation logs; objects are filed under the hour of
    // their delivery time,
    // so a day covers late writes, clock skew and listing lag with a wide margin at ~24 LISTs a
    // region
    // (docs/benchmarks.md, "Continuous S3 discovery").
    public static final ConfigKey S3_LOOKBACK =
            define(
                    GROUP_S3,
                    "lookback",
                    "24h",
                    "Continuous mode lists only hour folders this recent (after the first listing) and forgets older objects.");
    public static final ConfigKey S3_FROM =
            define(
                    GROUP_S3,
                    "from",
                    "",
                    "Optional ISO-8601 instant: skip objects whose hour folder is before it (backfill window).");
    public static final ConfigKey S3_TO =
            define(
                    GROUP_S3,
                    "to",
                    "",
                    "Optional ISO-8601 instant: skip objects whose hour folder is at or after it.");
    public static final ConfigKey S3_GUNZIP =
            define(
                    GROUP_S3,
                    "gunzip",
                    "isal",
                    "isal: inflate with Intel ISA-L (about 2x zlib) where its native library loads, else the JDK with a warning; "
                            + "jdk: always the JDK's zlib.");

    public static final ConfigKey KINESIS_STREAM_ARN =
            define(
                    GROUP_KINESIS,
                    "stream-arn",
                    "",
                    "ARN of the Kinesis stream fed by the CloudWatch Logs subscription. Empty disables the Kinesis source.");
    public static final ConfigKey KINESIS_REGION =
            define(GROUP_KINESIS, "region", "us-east-1", "Region of the Kinesis stream.");
    public static final ConfigKey KINESIS_ENDPOINT =
            define(
                    GROUP_KINESIS,
                    "endpoint",
                    "",
                    "Endpoint override, e.g. http://127.0.0.1:4567 for a local emulator (then dummy BASIC credentials are used).");
    public static final ConfigKey KINESIS_INITIAL_POSITION =
            define(
                    GROUP_KINESIS,
                    "initial-position",
                    "LATEST",
                    "Where a new job starts reading: LATEST or TRIM_HORIZON (restores always resume from the checkpoint).");
    public static final ConfigKey KINESIS_RETENTION =
            define(
                    GROUP_KINESIS,
                    "retention",
                    "24h",
                    "The stream's retention (24h to 8760h): a shard resumed at this age lost records (kinesis_trimmed).");

    // ---- pipeline ----
    public static final ConfigKey DEDUP_TTL =
            define(
                    GROUP_PIPELINE,
                    "dedup-ttl",
                    "48h",
                    "How long (in event time, past the call's time) a requestId is remembered to drop re-deliveries (at least 24h).");
    public static final ConfigKey WINDOWS =
            define(
                    GROUP_PIPELINE,
                    "windows",
                    "1m,1h,1d",
                    "Tumbling usage windows to compute, from 1m (usage_minute), 1h (usage_hourly), 1d (usage_daily).");
    public static final ConfigKey ALLOWED_LATENESS =
            define(
                    GROUP_PIPELINE,
                    "allowed-lateness",
                    "6h",
                    "A late event within this bound updates its window's row; later ones go to late_invocations and still correct usage_daily.");
    public static final ConfigKey MAX_OUT_OF_ORDERNESS =
            define(
                    GROUP_PIPELINE,
                    "max-out-of-orderness",
                    "2m",
                    "Watermark lag behind the newest event time seen.");
    public static final ConfigKey MAX_FUTURE =
            define(
                    GROUP_PIPELINE,
                    "max-future",
                    "15m",
                    "Calls dated further ahead of the wall clock at ingest are rejected (future_timestamp), off the watermark.");
    public static final ConfigKey IDLENESS =
            define(
                    GROUP_PIPELINE,
                    "idleness",
                    "1m",
                    "A source split with no data for this long stops holding the watermark back.");
    public static final ConfigKey DAILY_RETENTION =
            define(
                    GROUP_PIPELINE,
                    "daily-retention",
                    "35d",
                    "How long daily totals stay correctable by very late events.");
    public static final ConfigKey CALLER_KEY =
            define(
                    GROUP_PIPELINE,
                    "caller-key",
                    "principal",
                    "Usage tables' caller: principal (role/user, no session name) or arn (as logged). invocations keeps the ARN.");
    public static final ConfigKey PARALLELISM =
            defineLocal(
                    GROUP_PIPELINE,
                    "parallelism",
                    "2",
                    "Job parallelism for local runs (MSF sets it from the application's parallelism).");
    public static final ConfigKey CHECKPOINT_INTERVAL =
            defineLocal(
                    GROUP_PIPELINE,
                    "checkpoint-interval",
                    "10s",
                    "Checkpoint interval for local runs; Iceberg commits on every checkpoint (MSF sets it in the application).");
    public static final ConfigKey CHECKPOINT_DIR =
            defineLocal(
                    GROUP_PIPELINE,
                    "checkpoint-dir",
                    "",
                    "Where local runs keep checkpoints (file:///dir); empty uses a folder per user in the system temp "
                            + "directory (`bedrock-usage-checkpoints-<user>`).");

    // ---- pricing ----
    public static final ConfigKey PRICING_CATALOG =
            define(
                    GROUP_PRICING,
                    "catalog",
                    "",
                    "Price catalogue CSV (see the pricing CSV contract). Empty uses the built-in catalogue.");
    public static final ConfigKey PRICING_UPDATES_DIR =
            define(
                    GROUP_PRICING,
                    "updates-dir",
                    "",
                    "Directory watched for new price CSV files; their rows apply without restart. Empty disables.");
    public static final ConfigKey PRICING_UPDATES_INTERVAL =
            define(
                    GROUP_PRICING,
                    "updates-interval",
                    "30s",
                    "How often the updates directory is checked.");
    public static final ConfigKey PRICING_ALIASES =
            define(
                    GROUP_PRICING,
                    "aliases",
                    "",
                    "Comma-separated alias=model pairs, e.g. an application-inference-profile ARN to the catalogue model it runs.");

    // ---- iceberg ----
    public static final ConfigKey ICEBERG_CATALOG_TYPE =
            define(
                    GROUP_ICEBERG,
                    "catalog-type",
                    "hadoop",
                    "hadoop (warehouse on a local or Hadoop file system) or glue (AWS Glue Data Catalog, warehouse on S3).");
    public static final ConfigKey ICEBERG_WAREHOUSE =
            define(
                    GROUP_ICEBERG,
                    "warehouse",
                    "",
                    "file:///dir for hadoop, s3://bucket/prefix for glue; empty: a 0700 folder per user in the system temp "
                            + "directory (`bedrock-usage-warehouse-<user>`).");
    public static final ConfigKey ICEBERG_NAMESPACE =
            define(
                    GROUP_ICEBERG,
                    "namespace",
                    "bedrock",
                    "Namespace (Glue database) of the tables.");
    public static final ConfigKey ICEBERG_REGION =
            define(
                    GROUP_ICEBERG,
                    "region",
                    "",
                    "Region of the Glue catalog and warehouse bucket (glue only; empty uses the SDK default).");

    // ---- alerts ----
    public static final ConfigKey ALERTS_RULES =
            define(
                    GROUP_ALERTS,
                    "rules",
                    "",
                    "Alert rules file (JSON or YAML), watched for changes. Empty uses the built-in default rules only.");
    public static final ConfigKey ALERTS_DEFAULTS =
            define(
                    GROUP_ALERTS,
                    "defaults-enabled",
                    "true",
                    "Whether the built-in default rules (classic CloudWatch-style alarms + unpriced usage) are active.");
    public static final ConfigKey ALERTS_RULES_INTERVAL =
            define(
                    GROUP_ALERTS,
                    "rules-interval",
                    "30s",
                    "How often the rules file is checked for changes.");
    public static final ConfigKey ALERTS_APP_PATTERN =
            define(
                    GROUP_ALERTS,
                    "app-pattern",
                    "^(.+)-BedrockRole$",
                    "Regex on the IAM role name whose first group is the app (scope 'app').");
    public static final ConfigKey SNS_TOPIC_ARN =
            define(
                    GROUP_ALERTS,
                    "sns.topic-arn",
                    "",
                    "SNS topic that receives alerts. Empty disables SNS delivery.");
    public static final ConfigKey SNS_REGION =
            define(
                    GROUP_ALERTS,
                    "sns.region",
                    "",
                    "Region of the SNS topic (empty: taken from the topic ARN).");
    public static final ConfigKey SNS_ENDPOINT =
            define(
                    GROUP_ALERTS,
                    "sns.endpoint",
                    "",
                    "Endpoint override for local runs and tests, e.g. http://127.0.0.1:9911.");
    public static final ConfigKey SNS_MAX_IN_FLIGHT =
            define(GROUP_ALERTS, "sns.max-in-flight", "8", "Publish requests in flight at once.");
    public static final ConfigKey SNS_MAX_ATTEMPTS =
            define(
                    GROUP_ALERTS,
                    "sns.max-attempts",
                    "6",
                    "Attempts per alert on throttling and 5xx (exponential backoff with jitter) before it is recorded as failed.");
    public static final ConfigKey SNS_ATTEMPT_TIMEOUT =
            define(
                    GROUP_ALERTS,
                    "sns.attempt-timeout",
                    "30s",
                    "How long one Publish request may take before it counts as a failed attempt.");
    public static final ConfigKey SNS_MAX_PENDING =
            define(
                    GROUP_ALERTS,
                    "sns.max-pending",
                    "10000",
                    "Alerts waiting for SNS (in state) at most; past it the oldest one is recorded FAILED.");
    public static final ConfigKey ALERTS_MAX_AGE =
            define(
                    GROUP_ALERTS,
                    "max-age",
                    "24h",
                    "Alerts about calls older than this are recorded SUPPRESSED, not published (one notice an hour). 0: never.");
    public static final ConfigKey ALERTS_JSONL =
            defineLocal(
                    GROUP_ALERTS,
                    "jsonl-path",
                    "",
                    "Local runs: also append every alert as a JSON line to this file.");

    // ---- daily report ----
    public static final ConfigKey REPORT_ENABLED =
            define(
                    GROUP_REPORT,
                    "enabled",
                    "false",
                    "Write the classic daily usage CSV when a day's window closes.");
    public static final ConfigKey REPORT_OUTPUT =
            define(
                    GROUP_REPORT,
                    "output",
                    "",
                    "Where daily reports go: a directory (file:///dir or /dir) or s3://bucket/prefix; one file per day.");
    public static final ConfigKey REPORT_ANNOUNCE =
            define(
                    GROUP_REPORT,
                    "announce",
                    "true",
                    "Announce each written report (location and the day's totals) on the alert topic.");
    public static final ConfigKey REPORT_RECONCILE_TOLERANCE_PCT =
            define(
                    GROUP_REPORT,
                    "reconcile-tolerance-pct",
                    "1",
                    "Reconciliation: metered cost within this % of the billed cost is a match.");

    // ---- Amazon Q Developer ----
    public static final ConfigKey Q_LIMITS =
            define(
                    GROUP_QDEVELOPER,
                    "limits",
                    "dev=30,transform=4000,context=200000",
                    "Q Developer limits ([doc](docs/q-developer.md)).");

    private ConfigKeys() {}

    private static ConfigKey define(
            String group, String key, String defaultValue, String description) {
        ConfigKey k = new ConfigKey(group, key, defaultValue, description, false);
        ALL.add(k);
        return k;
    }

    private static ConfigKey defineLocal(
            String group, String key, String defaultValue, String description) {
        ConfigKey k = new ConfigKey(group, key, defaultValue, description, true);
        ALL.add(k);
        return k;
    }

    public static List<ConfigKey> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The keys by {@code group.key}. */
    public static Map<String, ConfigKey> byFullName() {
        Map<String, ConfigKey> m = new LinkedHashMap<>();
        for (ConfigKey k : ALL) {
            m.put(k.fullName(), k);
        }
        return m;
    }

    /** The keys MSF sets as runtime properties (everything that is not local-only). */
    public static List<ConfigKey> runtimeProperties() {
        List<ConfigKey> out = new ArrayList<>();
        for (ConfigKey k : ALL) {
            if (!k.localOnly()) {
                out.add(k);
            }
        }
        return out;
    }
}
