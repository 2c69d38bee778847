package com.bedrockusage.local.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code bin/sql}: runs Flink SQL statements in batch mode against the local Iceberg warehouse and
 * prints each query's rows. Exit codes: 0 success, 1 a statement failed, 2 bad usage or no
 * warehouse.
 */
public final class SqlRunner {

    private SqlRunner() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        SqlOptions options;
        try {
            options = SqlOptions.parse(args);
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(SqlOptions.USAGE);
            return 0;
        }
        quietLogs(options.verbose());
        List<SqlScript.Statement> statements;
        TableEnvironment tEnv;
        try {
            statements = SqlScript.split(script(options, stdin));
            if (statements.isEmpty()) {
                throw new CliException("no SQL statement to run");
            }
            Path warehouse = Warehouses.resolve(options.warehouse(), options.namespace());
            JobPricing pricing = JobPricing.resolve(options, warehouse, options.namespace());
            if (prices(statements)) {
                pricing.warnings().forEach(w -> err.println("warning: " + w));
            }
            tEnv =
                    WarehouseSession.open(
                            warehouse,
                            options.namespace(),
                            options.parallelism(),
                            pricing.setup(),
                            pricing.appPattern());
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            report(e, null, 0, options, err);
            return 2;
        }
        ResultPrinter printer = options.format().printer(options.timeZone());
        boolean first = true;
        for (SqlScript.Statement statement : statements) {
            try {
                first = execute(tEnv, statement, printer, options.format(), first, out);
            } catch (RuntimeException e) {
                report(e, statement, statements.size(), options, err);
                return 1;
            }
        }
        return 0;
    }

    /**
     * @return whether nothing has been printed yet
     */
    private static boolean execute(
            TableEnvironment tEnv,
            SqlScript.Statement statement,
            ResultPrinter printer,
            OutputFormat format,
            boolean first,
            PrintStream out) {
        TableResult result = tEnv.executeSql(statement.sql());
        if (isModification(statement.sql())) {
            try {
                result.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getMessage(), e.getCause());
            }
            return first;
        }
        if (result.getResultKind() != ResultKind.SUCCESS_WITH_CONTENT) {
            return first;
        }
        if (!first && format != OutputFormat.JSON) {
            out.println();
        }
        try (CloseableIterator<Row> rows = result.collect()) {
            printer.print(result.getResolvedSchema().getColumnNames(), rows, out);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return false;
    }

    /**
     * Whether a statement uses the price catalogue (only then are pricing warnings worth a line).
     */
    private static boolean prices(List<SqlScript.Statement> statements) {
        for (SqlScript.Statement s : statements) {
            String upper = s.sql().toUpperCase(Locale.ROOT);
            if (upper.contains("BEDROCK_COST") || upper.contains("BEDROCK_MODEL")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isModification(String sql) {
        String keyword = firstKeyword(sql);
        return keyword.equals("INSERT") || keyword.equals("EXECUTE") || keyword.equals("BEGIN");
    }

    /** The first word that is not inside a comment. */
    static String firstKeyword(String sql) {
        String s = sql.strip();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            if (end < 0) {
                return "";
            }
            s = s.substring(end + (s.startsWith("--") ? 1 : 2)).strip();
        }
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i).toUpperCase(Locale.ROOT);
    }

    private static String script(SqlOptions options, InputStream stdin) {
        if (options.sql() != null) {
            return options.sql();
        }
        try {
            if (options.file().equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Paths.get(options.file()), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("SQL file not found: " + options.file());
        } catch (IOException e) {
            throw new CliException("cannot read " + options.file() + ": " + e.getMessage());
        }
    }

    private static void report(
            RuntimeException e,
            SqlScript.Statement statement,
            int count,
            SqlOptions options,
            PrintStream err) {
        String where =
                statement == null
                        ? ""
                        : count > 1 ? " in statement at line " + statement.line() : "";
        err.println("error" + where + ": " + ErrorMessages.oneLine(e));
        if (options.verbose()) {
            e.printStackTrace(err);
        }
    }

    /**
     * Flink logs a lot at INFO, and log4j's console appender would mix it into CSV on standard
     * output.
     */
    static void quietLogs(boolean verbose) {
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, verbose ? Level.WARN : Level.OFF);
    }
}
