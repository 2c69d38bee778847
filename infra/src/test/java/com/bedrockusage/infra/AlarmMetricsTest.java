package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric an alarm of the template watches exists: a custom one is registered by the job
 * (learnt by running it, see {@link JobMetrics}) where MSF forwards it with the Application
 * dimension only; a built-in one is on the short, explicit lists below and really registered by
 * Flink. An alarm on a name nobody publishes never fires.
 */
class AlarmMetricsTest {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final FlinkMiniCluster CLUSTER =
            FlinkMiniCluster.withConfiguration(JobMetrics.clusterConfiguration(REPORTER));

    private static final String MSF_NAMESPACE = "AWS/KinesisAnalytics";
    private static final String KINESIS_NAMESPACE = "AWS/Kinesis";

    /**
     * Flink job metrics that MSF publishes itself, at the Application level (MSF developer guide,
     * "Metrics and dimensions": downtime, numberOfFailedCheckpoints, lastCheckpointDuration are in
     * its Application metrics table). Flink's numberOfCompletedCheckpoints is not in that table, so
     * the commit-stall alarm watches the job's own checkpointsCompleted counter.
     */
    private static final Map<String, String> MSF_BUILT_INS =
            Map.of(
                    "downtime", "documented MSF application metric",
                    "numberOfFailedCheckpoints", "documented MSF application metric",
                    "lastCheckpointDuration", "documented MSF application metric");

    /**
     * Metrics Kinesis Data Streams publishes per stream, with the StreamName dimension. The job's
     * FLIP-27 source (flink-connector-kinesis 4.3.0) registers no millisBehindLatest, so the
     * stream's own iterator age is the lag.
     */
    private static final List<String> KINESIS_STREAM_METRICS =
            List.of("GetRecords.IteratorAgeMilliseconds");

    private static final CfnTemplate T = CfnTemplate.load();

    private static JobMetrics job;

    record Watched(String alarm, JsonNode metric) {
        String namespace() {
            return metric.path("Namespace").asText();
        }

        String name() {
            return metric.path("MetricName").asText();
        }

        List<String> dimensions() {
            List<String> out = new ArrayList<>();
            for (JsonNode d : metric.path("Dimensions")) {
                out.add(
                        d.path("Name").asText()
                                + "="
                                + String.join("|", CfnTemplate.alternatives(d.path("Value"))));
            }
            return out;
        }

        @Override
        public String toString() {
            return alarm + " watches " + namespace() + " " + name() + " " + dimensions();
        }
    }

    @TempDir static Path work;

    /**
     * Not in @BeforeAll: the extension binds the test environment to its cluster only around each
     * test.
     */
    @BeforeEach
    void runTheJobOnce() throws Exception {
        if (job == null) {
            job = JobMetrics.ofOneRun(REPORTER, work);
        }
    }

    @Test
    void shouldLearnTheJobsMetricsFromARealRun() {
        // the run exercised ingest, rejects, dedup, pricing, windows, alerting, SNS delivery and
        // the daily report
        assertThat(job.published)
                .contains(
                        "ingestInvocations",
                        "rejectedRecords",
                        "alertRuleHits",
                        "alertsFired",
                        "alertsDelivered",
                        "alertsDeliveryFailed",
                        "unpriced");
        assertThat(job.published).anyMatch(n -> n.startsWith("rejectedRecords_"));
        assertThat(job.jobLevel)
                .contains("downtime", "numberOfFailedCheckpoints", "lastCheckpointDuration");
    }

    @Test
    void shouldWatchOnlyCustomMetricsTheJobRegistersInTheGroupMsfPublishes() {
        List<Watched> custom =
                watched().stream()
                        .filter(
                                w ->
                                        w.namespace().equals(MSF_NAMESPACE)
                                                && !MSF_BUILT_INS.containsKey(w.name()))
                        .toList();
        assertThat(custom)
                .extracting(Watched::name)
                .contains("rejectedRecords", "alertsDeliveryFailed");
        for (Watched w : custom) {
            assertThat(job.published)
                    .as(
                            "%s: the job registers no metric of that name directly in its '%s' group (it registers %s)",
                            w, JobMetrics.MSF_GROUP, job.published)
                    .contains(w.name());
        }
    }

    @Test
    void shouldWatchBuiltInsFlinkReallyRegisters() {
        for (Watched w : watched()) {
            if (w.namespace().equals(MSF_NAMESPACE) && MSF_BUILT_INS.containsKey(w.name())) {
                assertThat(job.jobLevel)
                        .as(w + ": not a job metric of Flink 1.20")
                        .contains(w.name());
            }
        }
        assertThat(job.jobLevel).containsAll(MSF_BUILT_INS.keySet());
    }

    @Test
    void shouldWatchTheApplicationOfThisStackWithTheApplicationDimensionOnly() {
        // MSF publishes custom metrics of the kinesisanalytics group, and its own application
        // metrics, with the
        // Application dimension at MetricsLevel APPLICATION; any other dimension matches no data.
        assertThat(
                        T.resource("Application")
                                .at(
                                        "/Properties/ApplicationConfiguration/FlinkApplicationConfiguration"
                                                + "/MonitoringConfiguration/MetricsLevel")
                                .asText())
                .isEqualTo("APPLICATION");
        for (Watched w : watched()) {
            if (w.namespace().equals(MSF_NAMESPACE)) {
                assertThat(w.dimensions())
                        .as(w.toString())
                        .containsExactly("Application=${Application}");
            }
        }
    }

    @Test
    void shouldWatchKinesisOnlyThroughTheStreamsOwnMetrics() {
        for (Watched w : watched()) {
            assertThat(w.namespace()).as(w.toString()).isIn(MSF_NAMESPACE, KINESIS_NAMESPACE);
            if (w.namespace().equals(KINESIS_NAMESPACE)) {
                assertThat(KINESIS_STREAM_METRICS).as(w.toString()).contains(w.name());
                assertThat(w.dimensions())
                        .as(w.toString())
                        .containsExactly("StreamName=${LogStream}");
                assertThat(T.resource(w.alarm).path("Condition").asText())
                        .as(w.toString())
                        .isEqualTo("UseKinesisSource");
            }
        }
    }

    private static List<Watched> watched() {
        List<Watched> out = new ArrayList<>();
        for (String id : T.resourceIdsOfType("AWS::CloudWatch::Alarm")) {
            JsonNode p = T.resource(id).path("Properties");
            if (p.has("MetricName")) {
                out.add(new Watched(id, p));
            }
            for (JsonNode m : p.path("Metrics")) {
                if (m.has("MetricStat")) {
                    out.add(new Watched(id, m.at("/MetricStat/Metric")));
                }
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(7);
        return out;
    }
}
