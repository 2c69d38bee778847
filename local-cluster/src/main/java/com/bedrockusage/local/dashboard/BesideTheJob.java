package com.bedrockusage.local.dashboard;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.local.sql.CliException;
import java.net.URI;

/**
 * The dashboard that {@code run-local} serves next to a continuous job, over the job's own
 * warehouse and rules. It only reads the tables: a problem here is printed and the job runs on
 * without it.
 */
public final class BesideTheJob {

    private BesideTheJob() {}

    /**
     * @return the running dashboard, or null when it could not start (the reason is printed)
     */
    public static DashboardServer start(JobConfig config, int wantedPort) {
        String warehouse =
                config.icebergWarehouse.startsWith("file:")
                        ? java.nio.file.Paths.get(URI.create(config.icebergWarehouse)).toString()
                        : config.icebergWarehouse;
        String rules =
                config.alertsRules == null || config.alertsRules.startsWith("s3://")
                        ? null
                        : config.alertsRules.replaceFirst("^file://", "");
        try {
            DashboardServer server = startOn(warehouse, config, rules, wantedPort);
            System.out.println("run-local: spend dashboard at " + server.url());
            return server;
        } catch (CliException | IllegalStateException e) {
            System.out.println(
                    "run-local: the spend dashboard did not start ("
                            + e.getMessage()
                            + "); the job runs on. Try local-cluster/bin/dashboard");
            return null;
        }
    }

    private static DashboardServer startOn(
            String warehouse, JobConfig config, String rules, int port) {
        try {
            return Dashboard.start(options(warehouse, config, rules, port));
        } catch (CliException busy) {
            if (!busy.getMessage().startsWith("cannot listen")) {
                throw busy;
            }
            return Dashboard.start(options(warehouse, config, rules, 0));
        }
    }

    private static DashboardOptions options(
            String warehouse, JobConfig config, String rules, int port) {
        return new DashboardOptions(
                warehouse,
                config.icebergNamespace,
                DashboardOptions.DEFAULT_BIND,
                port,
                config.icebergRegion,
                rules,
                null,
                null,
                5,
                false);
    }
}
