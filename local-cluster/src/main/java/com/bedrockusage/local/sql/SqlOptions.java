package com.bedrockusage.local.sql;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Command line of {@code bin/sql}. */
public record SqlOptions(
        String warehouse,
        String namespace,
        OutputFormat format,
        String sql,
        String file,
        ZoneId timeZone,
        int parallelism,
        String config,
        String pricingCatalog,
        List<String> sets,
        String appPattern,
        boolean verbose,
        boolean help) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/sql [--warehouse DIR] [--format table|csv|json] (-e \"SQL\" | -f FILE)",
                    "",
                    "Runs Flink SQL in batch mode on the job's Iceberg tables (catalog 'iceberg', database 'bedrock' in use),",
                    "with the Bedrock functions (BEDROCK_COST, CALLER_APP, ...) registered.",
                    "",
                    "  --warehouse DIR        Iceberg warehouse directory (default "
                            + Warehouses.DEFAULT_WAREHOUSE
                            + ")",
                    "  --namespace NAME       database of the tables (default "
                            + Warehouses.DEFAULT_NAMESPACE
                            + ")",
                    "  --format FMT           table (default), csv (with a header) or json (one object per line)",
                    "  -e, --execute SQL      statements to run, separated by ';'",
                    "  -f, --file FILE        a file of statements separated by ';' ('-' reads standard input)",
                    "  --time-zone ZONE       zone TIMESTAMP_LTZ values are printed in (default UTC); queries always run in",
                    "                         UTC: timestamp literals, CAST(.. AS DATE) and HOUR() are UTC, like the job's days",
                    "  --parallelism N        parallelism of the queries (default 1)",
                    "  --config FILE          the job's configuration (JSON, as run-local --config): BEDROCK_COST and",
                    "                         BEDROCK_MODEL price with its pricing.catalog, pricing.aliases and",
                    "                         pricing.updates-dir, CALLER_APP uses its alerts.app-pattern",
                    "  --pricing CSV          price CSV, as run-local --pricing (also --pricing-catalog)",
                    "  --set GROUP.KEY=VALUE  a job setting, as run-local --set (e.g. pricing.aliases=...)",
                    "                         Without these, the functions price with what the job recorded in the",
                    "                         warehouse (invocations table properties); with them, a difference is warned.",
                    "  --app-pattern REGEX    role-name pattern for CALLER_APP (default ^(.+)-BedrockRole$)",
                    "  --verbose              Flink warnings and full stack traces on errors",
                    "  -h, --help             this help");

    public static SqlOptions parse(String[] args) {
        String warehouse = Warehouses.DEFAULT_WAREHOUSE;
        String namespace = Warehouses.DEFAULT_NAMESPACE;
        OutputFormat format = OutputFormat.TABLE;
        String sql = null;
        String file = null;
        ZoneId zone = ZoneId.of("UTC");
        int parallelism = 1;
        String config = null;
        String pricing = null;
        List<String> sets = new ArrayList<>();
        String appPattern = null;
        boolean verbose = false;
        boolean help = false;
        CliArgs a = new CliArgs(args);
        while (a.hasNext()) {
            switch (a.next()) {
                case "--warehouse" -> warehouse = a.value();
                case "--namespace" -> namespace = a.value();
                case "--format" -> format = OutputFormat.parse(a.value());
                case "-e", "--execute" -> sql = a.value();
                case "-f", "--file" -> file = a.value();
                case "--time-zone" -> zone = zone(a.value());
                case "--parallelism" -> parallelism = positive(a.value(), "--parallelism");
                case "--config" -> config = a.value();
                case "--pricing", "--pricing-catalog" -> pricing = a.value();
                case "--set" -> sets.add(a.value());
                case "--app-pattern" -> appPattern = pattern(a.value(), "--app-pattern");
                case "--verbose" -> verbose = true;
                case "-h", "--help" -> help = true;
                default -> throw a.unknown();
            }
        }
        if (!help && (sql == null) == (file == null)) {
            throw new CliException("give exactly one of -e \"SQL\" or -f FILE (see --help)");
        }
        return new SqlOptions(
                warehouse,
                namespace,
                format,
                sql,
                file,
                zone,
                parallelism,
                config,
                pricing,
                List.copyOf(sets),
                appPattern,
                verbose,
                help);
    }

    /** Whether any of the job's settings were given; otherwise the warehouse's record is used. */
    public boolean hasJobSettings() {
        return config != null || pricingCatalog != null || !sets.isEmpty();
    }

    /**
     * A bad CALLER_APP pattern is a usage error naming the option, not a failure of the first query
     * using it.
     */
    static String pattern(String regex, String option) {
        try {
            Pattern.compile(regex);
            return regex;
        } catch (PatternSyntaxException e) {
            throw new CliException(
                    option
                            + " '"
                            + regex
                            + "' is not a valid regular expression: "
                            + e.getDescription()
                            + " near index "
                            + e.getIndex());
        }
    }

    private static ZoneId zone(String s) {
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw new CliException("unknown --time-zone '" + s + "'");
        }
    }

    private static int positive(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException(option + " must be a positive number, not '" + s + "'");
    }
}
