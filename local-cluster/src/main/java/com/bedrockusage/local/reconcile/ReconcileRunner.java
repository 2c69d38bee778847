package com.bedrockusage.local.reconcile;

import com.bedrockusage.job.JobArgs;
import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.ReconciliationAlerts;
import com.bedrockusage.job.alerts.SnsSettings;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.reconcile.AccountDayDelta;
import com.bedrockusage.job.reconcile.CurExport;
import com.bedrockusage.job.reconcile.CurRead;
import com.bedrockusage.job.reconcile.MeteredUsage;
import com.bedrockusage.job.reconcile.Reconciler;
import com.bedrockusage.job.reconcile.ReconciliationRow;
import com.bedrockusage.job.reconcile.ReconciliationSink;
import com.bedrockusage.job.reconcile.UsageTypeModels;
import com.bedrockusage.local.report.ReportOutput;
import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.ErrorMessages;
import com.bedrockusage.pricing.PriceCatalog;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * {@code bin/reconcile}: the bill against the meter. Reads a CUR 2.0 export and {@code
 * usage_daily}, reconciles them ({@link Reconciler}), writes {@code bedrock.reconciliation} with a
 * bounded Flink job, fires the {@code reconciliation_delta_pct} alert rules, prints a summary and
 * writes the rows as CSV. Exit codes: 0 done (whatever the statuses), 1 failed, 2 bad usage,
 * configuration or rules.
 */
public final class ReconcileRunner {

    /** How long publishing the alerts may take in all. */
    static final long ALERT_TIMEOUT_MILLIS = 120_000;

    /** A placeholder log source: reconciliation reads the warehouse, never the logs. */
    static final String NO_LOGS = "file:///reconciliation-reads-no-logs";

    private ReconcileRunner() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReconcileOptions options;
        JobConfig config;
        try {
            options = ReconcileOptions.parse(args);
            if (options.help()) {
                out.println(ReconcileOptions.USAGE);
                return 0;
            }
            List<String> jobArgs = new ArrayList<>(options.jobArgs());
            jobArgs.add("--local");
            PropertyGroups settings = JobArgs.parse(jobArgs.toArray(String[]::new)).settings;
            if (!settings.isSet(ConfigKeys.S3_PATH)
                    && !settings.isSet(ConfigKeys.KINESIS_STREAM_ARN)) {
                // the job's configuration insists on a source; reconciliation reads none
                settings.set(ConfigKeys.S3_PATH.fullName(), NO_LOGS);
            }
            config = JobConfig.from(settings);
        } catch (CliException | ConfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Configurator.setAllLevels(
                LogManager.ROOT_LOGGER_NAME, options.verbose() ? Level.WARN : Level.OFF);
        try {
            var rules = ReconciliationAlerts.rules(config);
            UsageTypeModels models = UsageTypeModels.builtIn();
            CurRead bill =
                    CurExport.read(
                            options.cur(),
                            options.from(),
                            options.to().plusDays(1),
                            models,
                            options.endpoint(),
                            options.region());
            List<MeteredUsage> metered =
                    MeteredUsageReader.read(config, options.from(), options.to().plusDays(1));
            PriceCatalog catalog = catalog(config);
            List<ReconciliationRow> rows =
                    new Reconciler(models, catalog::resolveModel, config.reconcileTolerancePct)
                            .reconcile(bill.lines, metered);

            ReconciliationSink.write(environment(), config, rows, Instant.now());
            out.print(ReconciliationSummary.of(options.from(), options.to(), bill, rows));

            List<Alert> alerts =
                    ReconciliationAlerts.evaluate(
                            rules, AccountDayDelta.of(rows), System.currentTimeMillis());
            List<DeliveredAlert> sent = new ArrayList<>();
            if (options.sendAlerts()) {
                sent.addAll(
                        ReconciliationAlerts.deliver(
                                alerts, SnsSettings.from(config), ALERT_TIMEOUT_MILLIS));
            } else {
                for (Alert a : alerts) {
                    sent.add(DeliveredAlert.of(a, DeliveredAlert.NOT_SENT, 0, null, "--no-alerts"));
                }
            }
            for (DeliveredAlert d : sent) {
                out.println(
                        "  alert "
                                + d.alert.ruleId
                                + ": "
                                + d.alert.scopeKey
                                + " on "
                                + Instant.ofEpochMilli(d.alert.windowStart)
                                        .toString()
                                        .substring(0, 10)
                                + " differs by "
                                + d.alert.observedValue.toPlainString()
                                + " % (threshold "
                                + d.alert.threshold.toPlainString()
                                + "): "
                                + d.status
                                + (d.error == null ? "" : " (" + d.error + ")"));
            }
            String where =
                    ReportOutput.write(
                            ReconciliationCsv.of(rows), "text/csv", options.target(), out);
            out.println(
                    "wrote "
                            + rows.size()
                            + " rows to "
                            + config.icebergNamespace
                            + ".reconciliation and "
                            + where);
            return 0;
        } catch (CliException | RulesException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + ErrorMessages.oneLine(e));
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static PriceCatalog catalog(JobConfig config) {
        PriceCatalog base =
                config.pricingCatalog == null || config.pricingCatalog.startsWith("s3://")
                        ? PriceCatalog.defaultCatalog()
                        : PriceCatalog.load(
                                Paths.get(config.pricingCatalog.replaceFirst("^file://", "")));
        return base.withAliases(config.pricingAliases);
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.setString("rest.bind-address", "127.0.0.1");
        conf.setString("taskmanager.memory.network.min", "16m");
        conf.setString("taskmanager.memory.network.max", "16m");
        return StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    }
}
