package com.bedrockusage.local.report;

import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.ErrorMessages;
import com.bedrockusage.local.sql.Warehouses;
import com.bedrockusage.pricing.PriceCatalog;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bin/report --format focus}: the FOCUS export of {@link FocusRows}, written like the daily
 * report.
 */
final class FocusReport {

    private FocusReport() {}

    static int run(ReportOptions options, PrintStream out, PrintStream err) {
        try {
            Path warehouse = Warehouses.resolve(options.warehouse(), options.namespace());
            FocusRows.Result result =
                    FocusRows.read(
                            warehouse,
                            options.namespace(),
                            options.from(),
                            options.to(),
                            PriceCatalog.defaultCatalog());
            String where =
                    ReportOutput.write(
                            FocusCsv.of(result.rows()), "text/csv", options.target(), out);
            if (options.out() != null) {
                err.println(
                        "wrote "
                                + result.rows().size()
                                + " FOCUS rows for "
                                + options.from()
                                + " to "
                                + options.to()
                                + " to "
                                + where);
            }
            if (result.unpricedLeftOut() > 0) {
                err.println(
                        "warning: "
                                + result.unpricedLeftOut()
                                + " hourly token classes had no price and are not "
                                + "in the FOCUS rows (FOCUS has no unknown cost); see queries/unpriced_models.sql");
            }
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + ErrorMessages.oneLine(e));
            return 1;
        }
    }
}
