package com.bedrockusage.local.reconcile;

import com.bedrockusage.local.report.ReportOutput;
import com.bedrockusage.local.sql.CliArgs;
import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.Warehouses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of {@code bin/reconcile}. {@link #jobArgs} go to the job's own configuration parser.
 */
public record ReconcileOptions(
        String cur,
        LocalDate from,
        LocalDate to,
        String out,
        boolean force,
        String endpoint,
        String region,
        boolean sendAlerts,
        boolean verbose,
        boolean help,
        List<String> jobArgs) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/reconcile --cur PATH|s3://bucket/prefix --from YYYY-MM-DD --to YYYY-MM-DD [--warehouse DIR]",
                    "                     [--out FILE|s3://bucket/key] [--force] [--config FILE] [--set GROUP.KEY=VALUE]",
                    "",
                    "Compares a CUR 2.0 export (Parquet or gzip CSV) with usage_daily, per day, account, region, model and",
                    "billed IAM principal; writes bedrock.reconciliation (the days' partitions are replaced), prints a",
                    "summary, writes every row as CSV and fires reconciliation_delta_pct alert rules (docs/reconciliation.md).",
                    "",
                    "  --cur PATH           the export: a file, a folder (read recursively) or s3://bucket/prefix",
                    "  --from, --to         the UTC days to reconcile, both included",
                    "  --warehouse DIR      Iceberg warehouse (default "
                            + Warehouses.DEFAULT_WAREHOUSE
                            + ")",
                    "  --out FILE|s3://...  the CSV (default reconciliation-FROM-TO.csv); a local file is written whole or",
                    "                       not at all, and never over an existing one...",
                    "  --force              ...unless this is given",
                    "  --config FILE        the job's configuration file (iceberg, pricing, alerts and report groups)",
                    "  --set G.K=V          one job setting, e.g. report.reconcile-tolerance-pct=0.5",
                    "  --rules FILE         alert rules file (as the job's --rules)",
                    "  --no-alerts          evaluate alert rules but do not publish",
                    "  --endpoint URL       S3 endpoint override for --cur and --out (path-style)",
                    "  --region REGION      S3 region (default: AWS_REGION, else us-east-1)",
                    "  --verbose            Flink warnings and stack traces",
                    "  -h, --help           this help");

    public static ReconcileOptions parse(String[] args) {
        String cur = null;
        LocalDate from = null;
        LocalDate to = null;
        String out = null;
        boolean force = false;
        String endpoint = null;
        String region = null;
        boolean sendAlerts = true;
        boolean verbose = false;
        boolean help = false;
        String warehouse = Warehouses.DEFAULT_WAREHOUSE;
        List<String> jobArgs = new ArrayList<>();
        CliArgs a = new CliArgs(args);
        while (a.hasNext()) {
            String option = a.next();
            switch (option) {
                case "--cur" -> cur = a.value();
                case "--from" -> from = a.date();
                case "--to" -> to = a.date();
                case "--out" -> out = a.value();
                case "--warehouse" -> warehouse = a.value();
                case "--config", "--set", "--rules", "--pricing" -> {
                    jobArgs.add(option);
                    jobArgs.add(a.value());
                }
                case "--endpoint" -> endpoint = a.value();
                case "--region" -> region = a.value();
                case "--force" -> force = true;
                case "--no-alerts" -> sendAlerts = false;
                case "--verbose" -> verbose = true;
                case "-h", "--help" -> help = true;
                default -> throw a.unknown();
            }
        }
        if (!help) {
            if (cur == null || from == null || to == null) {
                throw new CliException("--cur, --from and --to are required (see --help)");
            }
            if (to.isBefore(from)) {
                throw new CliException("--to " + to + " is before --from " + from);
            }
        }
        if (out == null && from != null && to != null) {
            out = "reconciliation-" + from + "-" + to + ".csv";
        }
        jobArgs.add("--warehouse");
        jobArgs.add(warehouse);
        return new ReconcileOptions(
                cur,
                from,
                to,
                out,
                force,
                endpoint,
                region,
                sendAlerts,
                verbose,
                help,
                List.copyOf(jobArgs));
    }

    /** Where the {@code --out} options say to write. */
    public ReportOutput.Target target() {
        return new ReportOutput.Target(out, force, endpoint, region);
    }
}
