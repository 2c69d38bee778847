package com.bedrockusage.local.run;

import com.bedrockusage.job.JobArgs;
import com.bedrockusage.job.UsagePipeline;
import com.bedrockusage.job.UsageStreamJob;
import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PrivateDirs;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.local.dashboard.BesideTheJob;
import com.bedrockusage.local.dashboard.DashboardOptions;
import com.bedrockusage.local.dashboard.DashboardServer;
import com.bedrockusage.local.generate.GenerateLogs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The embedded run: the real job topology on a MiniCluster in this JVM, with the Flink web UI on
 * loopback, progress while it runs and a summary when it ends. {@code local-cluster/bin/run-local}
 * starts this.
 */
public final class RunLocal {

    static final String DEFAULT_LOGS = "local-data/logs";
    static final String DEFAULT_WAREHOUSE = "local-data/warehouse";
    static final String DEFAULT_ALERTS = "local-data/alerts.jsonl";
    static final String DEFAULT_CHECKPOINTS = "local-data/checkpoints";
    private static final long CHECKPOINT_CLEANUP_WAIT_MILLIS = 5_000;
    private static final String LOOPBACK = "127.0.0.1";

    private RunLocal() {}

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (ConfigException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] cliArgs) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(cliArgs));
        int uiPort = takeInt(args, "--web-ui-port", 8081);
        int dashboardPort = takeInt(args, "--dashboard-port", DashboardOptions.DEFAULT_PORT);
        boolean noDashboard = args.remove("--no-dashboard");
        boolean logsGiven =
                args.contains("--logs")
                        || containsSet(args, ConfigKeys.S3_PATH.fullName())
                        || containsSet(args, ConfigKeys.KINESIS_STREAM_ARN.fullName());
        List<String> jobArgs = new ArrayList<>();
        jobArgs.add("--local");
        if (!logsGiven) {
            Path logs = Paths.get(DEFAULT_LOGS);
            ensureDemoLogs(logs);
            jobArgs.addAll(Arrays.asList("--logs", logs.toString()));
        }
        if (!args.contains("--warehouse")
                && !containsSet(args, ConfigKeys.ICEBERG_WAREHOUSE.fullName())) {
            PrivateDirs.create(Paths.get(DEFAULT_WAREHOUSE));
            jobArgs.addAll(Arrays.asList("--warehouse", DEFAULT_WAREHOUSE));
        }
        if (!containsSet(args, ConfigKeys.CHECKPOINT_DIR.fullName())) {
            jobArgs.addAll(
                    Arrays.asList(
                            "--set",
                            ConfigKeys.CHECKPOINT_DIR.fullName()
                                    + "="
                                    + PrivateDirs.create(Paths.get(DEFAULT_CHECKPOINTS)).toUri()));
        }
        if (!containsSet(args, ConfigKeys.ALERTS_JSONL.fullName())) {
            PrivateDirs.create(Paths.get(DEFAULT_ALERTS).toAbsolutePath().getParent());
            jobArgs.addAll(
                    Arrays.asList(
                            "--set", ConfigKeys.ALERTS_JSONL.fullName() + "=" + DEFAULT_ALERTS));
        }
        jobArgs.addAll(args);

        JobArgs parsed = JobArgs.parse(jobArgs.toArray(new String[0]));
        JobConfig config = JobConfig.from(parsed.settings);
        System.out.println("run-local: " + config.describe());

        int port = freePort(uiPort);
        Configuration conf = clusterConfiguration(port, config.parallelism);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        UsageStreamJob.configure(env, config, true);
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);

        long started = System.nanoTime();
        JobClient client = env.executeAsync(UsageStreamJob.JOB_NAME);
        String webUi = "http://127.0.0.1:" + port;
        System.out.println(
                "run-local: Flink web UI at " + webUi + "  (job " + client.getJobID() + ")");
        System.out.println(
                "run-local: "
                        + (config.isBounded()
                                ? "bounded run: processes what exists, then commits and exits"
                                : "continuous run: watching for new logs; Ctrl-C stops it"));

        DashboardServer spendDashboard =
                !noDashboard && !config.isBounded()
                        ? BesideTheJob.start(config, dashboardPort)
                        : null;

        Progress progress = new Progress(webUi, client.getJobID().toHexString());
        progress.start(Duration.ofSeconds(2));
        Thread stopper =
                new Thread(
                        () -> {
                            progress.stop();
                            if (spendDashboard != null) {
                                spendDashboard.close();
                            }
                            client.cancel();
                            System.out.println();
                            new RunSummary(config).print(System.out);
                        });
        if (!config.isBounded()) {
            Runtime.getRuntime().addShutdownHook(stopper);
        }
        JobExecutionResult result = client.getJobExecutionResult().get();
        progress.stop();
        System.out.printf("run-local: finished in %.1f s%n", result.getNetRuntime() / 1000.0);
        System.out.printf("run-local: wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
        new RunSummary(config).print(System.out);
        FinishedJobCheckpoints.removeWhenEmpty(
                config.checkpointDir, client.getJobID(), CHECKPOINT_CLEANUP_WAIT_MILLIS);
        return 0;
    }

    /**
     * The embedded cluster: the web UI and every other server it opens listen on the loopback
     * interface only.
     */
    static Configuration clusterConfiguration(int webUiPort, int slots) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        conf.set(RestOptions.ADDRESS, LOOPBACK);
        conf.set(RestOptions.PORT, webUiPort);
        conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
        conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.HOST, LOOPBACK);
        conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        // A local run that keeps failing should stop and say why, not restart forever.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        return conf;
    }

    private static void ensureDemoLogs(Path logs) throws Exception {
        if (Files.isDirectory(logs.resolve("AWSLogs"))) {
            return;
        }
        System.out.println("run-local: generating demo logs into " + logs);
        // a few Amazon Q Developer users too, so a newcomer sees their tables, report and alerts
        // (docs/q-developer.md)
        int rc =
                GenerateLogs.run(
                        new String[] {"--out", logs.toString(), "--q-developer-users", "5"},
                        System.out,
                        System.err);
        if (rc != 0) {
            throw new IllegalStateException("generating demo logs failed (exit " + rc + ")");
        }
    }

    private static boolean containsSet(List<String> args, String fullName) {
        for (String a : args) {
            if (a.startsWith(fullName + "=") || a.startsWith("--set=" + fullName + "=")) {
                return true;
            }
        }
        return false;
    }

    private static int takeInt(List<String> args, String flag, int dflt) {
        int i = args.indexOf(flag);
        if (i < 0) {
            return dflt;
        }
        if (i + 1 >= args.size()) {
            throw new ConfigException(flag + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(flag + " needs a port number, got '" + v + "'");
        }
    }

    /**
     * The wanted port if free, else the next free one: a second run should not fail on a busy 8081.
     */
    private static int freePort(int wanted) {
        for (int p = wanted; p < wanted + 50; p++) {
            try (ServerSocket s =
                    new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException busy) {
                // try the next
            }
        }
        throw new ConfigException(
                "no free port for the web UI from "
                        + wanted
                        + " to "
                        + (wanted + 49)
                        + "; pass --web-ui-port N");
    }
}
