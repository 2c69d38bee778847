package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportRow;
import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.ErrorMessages;
import com.bedrockusage.local.sql.Warehouses;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code bin/report}: the classic daily usage CSV of one UTC day, from {@code usage_daily}, with
 * the job's own costs (nothing is priced again here). Unpriced usage is an empty charge and a
 * warning, never 0.00. Exit codes: 0 written (also when the day has no usage: header only, noted on
 * standard error), 1 failed, 2 bad usage or no warehouse.
 */
public final class ReportRunner {

    private ReportRunner() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(ReportOptions.USAGE);
            return 0;
        }
        Configurator.setAllLevels(
                LogManager.ROOT_LOGGER_NAME, options.verbose() ? Level.WARN : Level.OFF);
        try {
            Path warehouse = Warehouses.resolve(options.warehouse(), options.namespace());
            if (options.format().equals("focus")) {
                FocusReport.write(warehouse, options, out, err);
            } else if (options.kind().equals(ReportOptions.KIND_Q_DEVELOPER)) {
                QDeveloperReport.write(warehouse, options, out, err);
            } else {
                writeDaily(warehouse, options, out, err);
            }
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + ErrorMessages.oneLine(e));
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** The classic daily report of {@code usage_daily}. */
    private static void writeDaily(
            Path warehouse, ReportOptions options, PrintStream out, PrintStream err) {
        ReportLines lines = UsageDailyReader.read(warehouse, options.namespace(), options.date());
        List<DailyReportRow> rows = lines.rows();
        boolean json = options.format().equals("json");
        String content = json ? ReportJson.of(options.date(), rows) : ReportCsv.of(rows);
        String where =
                ReportOutput.write(
                        content, json ? "application/json" : "text/csv", options.target(), out);
        if (rows.isEmpty()) {
            err.println(
                    "no usage on "
                            + options.date()
                            + " in "
                            + warehouse
                            + ": wrote "
                            + (json ? "an empty report" : "the header only")
                            + " to "
                            + where);
        } else if (options.out() != null) {
            err.println("wrote " + rows.size() + " rows for " + options.date() + " to " + where);
        }
        if (lines.unpricedCalls() > 0) {
            err.println(
                    "warning: "
                            + lines.unpricedCalls()
                            + " calls on "
                            + options.date()
                            + " had no price ("
                            + lines.linesWithUnpriced()
                            + " of "
                            + rows.size()
                            + " lines): a line with no priced call "
                            + "has an empty charge, the others charge only their priced calls; "
                            + "see queries/unpriced_models.sql");
        }
    }
}
