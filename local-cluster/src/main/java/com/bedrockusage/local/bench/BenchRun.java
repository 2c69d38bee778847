package com.bedrockusage.local.bench;

import com.bedrockusage.job.JobArgs;
import com.bedrockusage.job.UsagePipeline;
import com.bedrockusage.job.UsageStreamJob;
import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.TableRows;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.FileTrees;
import com.bedrockusage.local.run.FinishedJobCheckpoints;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.RpcOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * One bounded run of the whole job (the same topology and settings as {@code run-local --bounded}),
 * timed.
 */
final class BenchRun {

    static final String PROBE_UID = "bench-first-record";

    private BenchRun() {}

    /**
     * @param mainStartMillis when {@code main} was entered
     * @param warehouse deleted first: every run writes into an empty warehouse
     */
    static final String FLINK_OPTION_PREFIX = "bench.flink.";

    static RunResult run(
            String label, Path logs, Path warehouse, int parallelism, long mainStartMillis)
            throws Exception {
        DataSet data = DataSet.read(logs);
        FileTrees.delete(warehouse);
        Path checkpoints = warehouse.resolveSibling(warehouse.getFileName() + "-checkpoints");
        FileTrees.delete(checkpoints);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--local",
                                "--bounded",
                                "--logs",
                                logs.toString(),
                                "--warehouse",
                                warehouse.toString(),
                                "--set",
                                "pipeline.parallelism=" + parallelism));
        // BENCH_SETTINGS in bin/bench-pipeline: measure what a part of the job costs by switching
        // it off.
        for (String setting : System.getProperty("bench.set", "").trim().split("\\s+")) {
            if (!setting.isEmpty()) {
                args.add("--set");
                args.add(setting);
            }
        }
        JobConfig config = JobConfig.from(JobArgs.parse(args.toArray(new String[0])).settings);

        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, config.parallelism);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        // A restart would hide inside the timing; fail instead.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Everything runs in this JVM: a missed heartbeat or a slow RPC only means the machine is
        // busy (at a load of 40 on 2 cores, the defaults of 50 s and 10 s failed runs).
        conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofMinutes(10));
        conf.set(RpcOptions.ASK_TIMEOUT_DURATION, Duration.ofMinutes(2));
        // The default JobManager checkpoint storage refuses state over 5 MB per task, and a 1 GB
        // bounded run
        // holds more (every minute window stays until the allowed lateness has passed). MSF
        // checkpoints to
        // durable storage too.
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                checkpoints.toAbsolutePath().toUri().toString());
        // BENCH_FLINK_CONF in bin/bench-pipeline: Flink options for the MiniCluster (e.g. another
        // state backend).
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(FLINK_OPTION_PREFIX)) {
                conf.setString(
                        name.substring(FLINK_OPTION_PREFIX.length()), System.getProperty(name));
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        UsageStreamJob.configure(env, config, true);
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        FirstRecordProbe.reset(data.lines());
        UsagePipeline.build(
                env,
                config,
                parsed ->
                        parsed.map(new FirstRecordProbe(), IngestTypes.INVOCATION)
                                .uid(PROBE_UID)
                                .name("bench: first record"));

        long submit = System.currentTimeMillis();
        JobClient client = env.executeAsync(UsageStreamJob.JOB_NAME + "-bench-" + label);
        client.getJobExecutionResult().get();
        long done = System.currentTimeMillis();

        double cpu = processCpuSeconds();
        long jitGcNanos = ThreadCpu.jitAndGcNanos();
        double gc = gcSeconds();
        long daily = usageDailyInvocations(config);
        long alerts = alertsFired(config);
        FinishedJobCheckpoints.removeWhenEmpty(
                config.checkpointDir, client.getJobID(), 5_000); // after the measurements
        return new RunResult(
                label,
                data.bytesUncompressed(),
                data.bytesCompressed(),
                data.lines(),
                data.uniqueRecords(),
                ManagementFactory.getRuntimeMXBean().getStartTime(),
                mainStartMillis,
                submit,
                FirstRecordProbe.FIRST_RECORD_MILLIS.get(),
                FirstRecordProbe.LAST_RECORD_MILLIS.get(),
                done,
                FirstRecordProbe.RECORDS.get(),
                FirstRecordProbe.HALF_AT.get(),
                FirstRecordProbe.HALF_MILLIS.get(),
                FirstRecordProbe.HALF_CPU_NANOS.get() / 1e9,
                cpu,
                gc,
                daily,
                nanosToSeconds(FirstRecordProbe.HALF_JIT_GC_NANOS.get()),
                nanosToSeconds(jitGcNanos),
                alerts);
    }

    private static double nanosToSeconds(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    /** Rows of the committed alerts table, or -1 without one. */
    private static long alertsFired(JobConfig config) {
        try {
            return TableRows.read(config, AlertsTable.NAME).size();
        } catch (NoSuchTableException e) {
            return -1;
        }
    }

    private static long usageDailyInvocations(JobConfig config) {
        long n = 0;
        for (Record r : TableRows.read(config, Tables.USAGE_DAILY)) {
            n += (Long) r.getField("invocations");
        }
        return n;
    }

    private static double processCpuSeconds() {
        long nanos = processCpuNanos();
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    /** This process's CPU time, or -1 where the JVM does not say. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static double gcSeconds() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms / 1000.0;
    }
}
