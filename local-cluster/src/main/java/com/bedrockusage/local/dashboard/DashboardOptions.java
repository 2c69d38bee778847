package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.Warehouses;

/** Command line of {@code bin/dashboard}. */
public record DashboardOptions(String warehouse, String namespace, String bind, int port, String region,
        String rules, String pricing, String appPattern, int refreshSeconds, boolean help) {

    public static final int DEFAULT_PORT = 8050;
    public static final String DEFAULT_BIND = "127.0.0.1";

    public static final String USAGE = String.join("\n",
            "usage: bin/dashboard [--warehouse DIR|s3://bucket/prefix] [--port N] [--bind ADDR] [--region REGION]",
            "",
            "Serves the spend dashboard (pages and a JSON API, read-only) over the job's Iceberg tables and prints",
            "its URL. Pages update by themselves when the job commits new data.",
            "",
            "  --warehouse DIR|s3://...  local Hadoop warehouse directory (default " + Warehouses.DEFAULT_WAREHOUSE + "),",
            "                            or the job's S3 warehouse: then the AWS Glue catalog is read",
            "  --namespace NAME          database of the tables (default " + Warehouses.DEFAULT_NAMESPACE + ")",
            "  --port N                  port (default " + DEFAULT_PORT + "; 0 picks a free one)",
            "  --bind ADDR               address to listen on (default " + DEFAULT_BIND + "; the dashboard has no login:",
            "                            bind elsewhere only behind your own access control)",
            "  --region REGION           Glue and S3 region (default: the AWS SDK's, e.g. AWS_REGION)",
            "  --rules FILE              the job's alert rules: cost_usd rules over 1d or month show as budgets",
            "  --pricing FILE            price CSV for cache savings (default: the built-in catalogue)",
            "  --app-pattern REGEX       role-name pattern of an app (default ^(.+)-BedrockRole$)",
            "  --refresh SECONDS         how often to look for new snapshots (default 5)",
            "  -h, --help                this help");

    public static DashboardOptions parse(String[] args) {
        String warehouse = Warehouses.DEFAULT_WAREHOUSE;
        String namespace = Warehouses.DEFAULT_NAMESPACE;
        String bind = DEFAULT_BIND;
        int port = DEFAULT_PORT;
        String region = null;
        String rules = null;
        String pricing = null;
        String appPattern = null;
        int refresh = 5;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--warehouse" -> warehouse = CliException.valueOf(args, ++i, a);
                case "--namespace" -> namespace = CliException.valueOf(args, ++i, a);
                case "--bind" -> bind = CliException.valueOf(args, ++i, a);
                case "--port" -> port = number(CliException.valueOf(args, ++i, a), a, 0, 65535);
                case "--region" -> region = CliException.valueOf(args, ++i, a);
                case "--rules" -> rules = CliException.valueOf(args, ++i, a);
                case "--pricing" -> pricing = CliException.valueOf(args, ++i, a);
                case "--app-pattern" -> appPattern = CliException.valueOf(args, ++i, a);
                case "--refresh" -> refresh = number(CliException.valueOf(args, ++i, a), a, 1, 3600);
                case "-h", "--help" -> help = true;
                default -> throw new CliException("unknown option '" + a + "' (see --help)");
            }
        }
        return new DashboardOptions(warehouse, namespace, bind, port, region, rules, pricing, appPattern, refresh,
                help);
    }

    private static int number(String s, String option, int min, int max) {
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CliException(option + " needs a whole number from " + min + " to " + max + ", not '" + s + "'");
    }
}
