package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportCsv;
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
 * {@code bin/report}: the classic daily usage CSV of one UTC day, from {@code usage_daily}. Exit codes: 0 written
 * (also when the day has no usage: header only, noted on standard error), 1 failed, 2 bad usage or no warehouse.
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
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, options.verbose() ? Level.WARN : Level.OFF);
        try {
            Path warehouse = Warehouses.resolve(options.warehouse(), options.namespace());
            List<DailyReportRow> rows = UsageDailyReader.read(warehouse, options.namespace(), options.date());
            boolean json = options.format().equals("json");
            String content = json ? ReportJson.of(options.date(), rows) : DailyReportCsv.toCsv(rows);
            String where = ReportOutput.write(content, json ? "application/json" : "text/csv", options.out(),
                    options.endpoint(), options.region(), out);
            if (rows.isEmpty()) {
                err.println("no usage on " + options.date() + " in " + warehouse + ": wrote "
                        + (json ? "an empty report" : "the header only") + " to " + where);
            } else if (options.out() != null) {
                err.println("wrote " + rows.size() + " rows for " + options.date() + " to " + where);
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
}
