package com.bedrockusage.local.report;

import com.bedrockusage.pricing.PriceCatalog;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bin/report --format focus}: the FOCUS export of {@link FocusRows}, written like the daily
 * report.
 */
final class FocusReport {

    private FocusReport() {}

    static void write(Path warehouse, ReportOptions options, PrintStream out, PrintStream err) {
        FocusRows.Result result =
                FocusRows.read(
                        warehouse,
                        options.namespace(),
                        options.from(),
                        options.to(),
                        PriceCatalog.defaultCatalog());
        String where =
                ReportOutput.write(FocusCsv.of(result.rows()), "text/csv", options.target(), out);
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
    }
}
