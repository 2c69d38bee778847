package com.bedrockusage.local.report;

import com.bedrockusage.local.sql.CliArgs;
import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.Warehouses;
import java.time.LocalDate;
import java.util.Locale;

/** Command line of {@code bin/report}. */
public record ReportOptions(
        String warehouse,
        String namespace,
        LocalDate date,
        String out,
        boolean force,
        String format,
        String endpoint,
        String region,
        boolean verbose,
        boolean help,
        LocalDate from,
        LocalDate to,
        String kind) {

    public static final String KIND_BEDROCK = "bedrock";
    public static final String KIND_Q_DEVELOPER = "q-developer";

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/report --date YYYY-MM-DD [--warehouse DIR] [--out FILE|s3://bucket/key] [--format csv|json]",
                    "       bin/report --format focus --from YYYY-MM-DD --to YYYY-MM-DD [--warehouse DIR] [--out FILE]",
                    "",
                    "Writes one UTC day's Bedrock usage from usage_daily: one line per account, identity ARN, model and",
                    "region, with the columns Account Id,Identity ARN,Model Id,Region Name,Number of Input tokens,",
                    "Number of output tokens,Charges incurred (USD, exact).",
                    "",
                    "With --kind q-developer: one line per Amazon Q Developer user of the month of --date, from",
                    "q_developer_usage_monthly, with the limits (see docs/q-developer.md).",
                    "",
                    "  --date YYYY-MM-DD    the UTC day (required)",
                    "  --kind KIND          bedrock (default) or q-developer",
                    "  --warehouse DIR      Iceberg warehouse directory (default "
                            + Warehouses.DEFAULT_WAREHOUSE
                            + ")",
                    "  --namespace NAME     database of the tables (default "
                            + Warehouses.DEFAULT_NAMESPACE
                            + ")",
                    "  --out FILE|s3://...  where to write (default: standard output); a local file is written whole or",
                    "                       not at all (temporary file, then rename), and never over an existing one...",
                    "  --force              ...unless this is given",
                    "  --format csv|json    csv (default) or one JSON document with the same data",
                    "  --format focus       FOCUS 1.2 rows from usage_hourly: one per hour, account, caller, model and token",
                    "                       class, for the days --from to --to (both included; docs/reconciliation.md)",
                    "  --endpoint URL       S3 endpoint override, e.g. http://127.0.0.1:9090 for S3Mock (path-style)",
                    "  --region REGION      S3 region (default: AWS_REGION, else us-east-1)",
                    "  --verbose            full stack traces on errors",
                    "  -h, --help           this help");

    public static ReportOptions parse(String[] args) {
        String warehouse = Warehouses.DEFAULT_WAREHOUSE;
        String namespace = Warehouses.DEFAULT_NAMESPACE;
        LocalDate date = null;
        String out = null;
        boolean force = false;
        String format = "csv";
        String endpoint = null;
        String region = null;
        boolean verbose = false;
        boolean help = false;
        LocalDate from = null;
        LocalDate to = null;
        String kind = KIND_BEDROCK;
        CliArgs a = new CliArgs(args);
        while (a.hasNext()) {
            switch (a.next()) {
                case "--warehouse" -> warehouse = a.value();
                case "--namespace" -> namespace = a.value();
                case "--date" -> date = a.date();
                case "--from" -> from = a.date();
                case "--to" -> to = a.date();
                case "--out" -> out = a.value();
                case "--format" -> format = format(a.value());
                case "--endpoint" -> endpoint = a.value();
                case "--region" -> region = a.value();
                case "--kind" -> kind = kind(a.value());
                case "--force" -> force = true;
                case "--verbose" -> verbose = true;
                case "-h", "--help" -> help = true;
                default -> throw a.unknown();
            }
        }
        if (!help && format.equals("focus")) {
            if (date != null && from == null && to == null) {
                from = date;
                to = date;
            }
            if (from == null || to == null || to.isBefore(from)) {
                throw new CliException(
                        "--format focus needs --from YYYY-MM-DD and --to YYYY-MM-DD (to not before from)");
            }
        } else if (!help && date == null) {
            throw new CliException("--date YYYY-MM-DD is required (see --help)");
        }
        if (kind.equals(KIND_Q_DEVELOPER) && !format.equals("csv")) {
            throw new CliException("--kind q-developer writes csv only");
        }
        return new ReportOptions(
                warehouse, namespace, date, out, force, format, endpoint, region, verbose, help,
                from, to, kind);
    }

    /** Where the {@code --out} options say to write. */
    public ReportOutput.Target target() {
        return new ReportOutput.Target(out, force, endpoint, region);
    }

    private static String kind(String s) {
        if (!s.equals(KIND_BEDROCK) && !s.equals(KIND_Q_DEVELOPER)) {
            throw new CliException("unknown --kind '" + s + "' (use bedrock or q-developer)");
        }
        return s;
    }

    private static String format(String s) {
        String f = s.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json") && !f.equals("focus")) {
            throw new CliException("unknown --format '" + s + "' (use csv, json or focus)");
        }
        return f;
    }
}
