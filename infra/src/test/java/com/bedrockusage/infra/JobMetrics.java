package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.UsagePipeline;
import com.bedrockusage.job.UsageStreamJob;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.sink.IcebergCatalogs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.groups.JobManagerJobMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The metric names the job really registers, learnt by running it: the real {@link UsagePipeline},
 * bounded, on the shared sample logs (which include a record it rejects), with the SNS publisher
 * and the daily report in the graph, on a MiniCluster whose {@link InMemoryReporter} records every
 * metric any operator or the JobManager adds. A metric a helper adds to the job tomorrow shows up
 * here without anyone copying its name.
 */
final class JobMetrics {

    /**
     * The group MSF forwards to CloudWatch; metrics directly in it carry only the Application
     * dimension.
     */
    static final String MSF_GROUP = MetricNames.GROUP;

    /**
     * Custom metrics registered directly in a {@link #MSF_GROUP} group (no further groups or
     * variables).
     */
    final Set<String> published;

    /**
     * Custom metrics registered somewhere below a {@link #MSF_GROUP} group, with their scope after
     * it.
     */
    final Set<String> nestedBelowMsfGroup;

    /**
     * Flink's own job-level metrics (JobManager job group: downtime, checkpoint statistics, ...).
     */
    final Set<String> jobLevel;

    private JobMetrics(
            Set<String> published, Set<String> nestedBelowMsfGroup, Set<String> jobLevel) {
        this.published = published;
        this.nestedBelowMsfGroup = nestedBelowMsfGroup;
        this.jobLevel = jobLevel;
    }

    /** The configuration a cluster needs so that {@code reporter} sees its metrics. */
    static Configuration clusterConfiguration(InMemoryReporter reporter) {
        return reporter.addToConfiguration(new Configuration());
    }

    /**
     * Runs the job once on the current (MiniCluster) environment and reads what {@code reporter}
     * saw.
     */
    static JobMetrics ofOneRun(InMemoryReporter reporter, Path work) throws Exception {
        JobConfig config =
                JobConfig.from(
                        PropertyGroups.empty()
                                .set(
                                        "source.s3.path",
                                        writeSampleLogs(work.resolve("logs")).toUri().toString())
                                .set("source.s3.mode", "bounded")
                                .set(
                                        "iceberg.warehouse",
                                        work.resolve("warehouse").toUri().toString())
                                .set("pipeline.parallelism", "2")
                                .set("pipeline.checkpoint-interval", "500ms")
                                .set(
                                        "pipeline.checkpoint-dir",
                                        work.resolve("checkpoints").toUri().toString())
                                .set("alerts.defaults-enabled", "false")
                                // puts the SNS publisher in the graph; with no rules nothing is
                                // ever sent
                                .set(
                                        "alerts.sns.topic-arn",
                                        "arn:aws:sns:us-east-1:123456789012:never-called")
                                .set("alerts.sns.region", "us-east-1")
                                .set("alerts.sns.endpoint", "http://127.0.0.1:9")
                                .set("report.enabled", "true")
                                .set("report.output", work.resolve("reports").toUri().toString()));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        env.setRestartStrategy(RestartStrategies.noRestart());
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);
        env.execute("job-metrics");
        return from(reporter.getMetricsByGroup());
    }

    static JobMetrics from(Map<MetricGroup, Map<String, Metric>> byGroup) {
        Set<String> published = new TreeSet<>();
        Set<String> nested = new TreeSet<>();
        Set<String> jobLevel = new TreeSet<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> e : byGroup.entrySet()) {
            MetricGroup group = e.getKey();
            List<String> scope = List.of(group.getScopeComponents());
            int msf = scope.indexOf(MSF_GROUP);
            for (String name : e.getValue().keySet()) {
                if (group instanceof JobManagerJobMetricGroup) {
                    jobLevel.add(name);
                } else if (msf >= 0 && msf == scope.size() - 1) {
                    published.add(name);
                } else if (msf >= 0) {
                    nested.add(String.join(".", scope.subList(msf + 1, scope.size())) + "." + name);
                }
            }
        }
        return new JobMetrics(published, nested, jobLevel);
    }

    /**
     * Two of the shared sample records, as one gzip object where Bedrock would deliver it: a priced
     * call and one with an impossible timestamp, which the job rejects (so the per-reason reject
     * counter is registered too).
     */
    private static Path writeSampleLogs(Path root) throws IOException {
        Path samples =
                CfnTemplate.infraDir()
                        .resolveSibling("job")
                        .resolve("src/test/resources/ingest/example_records.jsonl");
        List<String> lines = Files.readAllLines(samples, StandardCharsets.UTF_8);
        assertThat(lines.get(1)).contains("\"timestamp\": \"2025-04-99T");
        Path hour =
                Files.createDirectories(
                        root.resolve(
                                "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2025/03/11/00"));
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(hour.resolve("samples.json.gz")))) {
            out.write((lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return root;
    }
}
