package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.udf.CallerApp;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code bin/dashboard}: serves the spend dashboard until stopped. */
public final class Dashboard {

    private Dashboard() {}

    public static void main(String[] args) throws Exception {
        DashboardOptions options;
        DashboardServer server;
        try {
            options = DashboardOptions.parse(args);
            if (options.help()) {
                System.out.print(DashboardOptions.usage());
                return;
            }
            server = start(options);
        } catch (CliException e) {
            System.err.println("dashboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(
                "dashboard: serving "
                        + options.warehouse()
                        + " at "
                        + server.url()
                        + "  (read-only; Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    /** Opens the catalog, reads the tables once and serves; the caller closes the server. */
    public static DashboardServer start(DashboardOptions o) {
        Pattern app;
        try {
            app =
                    Pattern.compile(
                            o.appPattern() == null ? CallerApp.DEFAULT_PATTERN : o.appPattern());
        } catch (PatternSyntaxException e) {
            throw new CliException(
                    "--app-pattern is not a valid regular expression: " + e.getDescription());
        }
        PriceCatalog prices =
                o.pricing() == null
                        ? PriceCatalog.defaultCatalog()
                        : PriceCatalog.load(Paths.get(o.pricing()));
        Budgets budgets = o.rules() == null ? Budgets.none() : Budgets.load(Paths.get(o.rules()));
        WarehouseLoader loader =
                new WarehouseLoader(
                        WarehouseCatalogs.open(o.warehouse(), o.namespace(), o.region()),
                        o.namespace(),
                        new FactReader(app, prices));
        try {
            return DashboardServer.start(
                    loader,
                    budgets,
                    o.bind(),
                    o.port(),
                    o.refreshSeconds() * 1000L,
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new CliException(
                    "cannot listen on "
                            + o.bind()
                            + ":"
                            + o.port()
                            + " ("
                            + e.getMessage()
                            + "); pass --port N");
        }
    }
}
