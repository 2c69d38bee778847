package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlarmsTest {

    private static final CfnTemplate T = CfnTemplate.load();

    @Test
    void shouldAlarmOnTheHealthOfTheApplication() {
        assertThat(alarmsByMetric().keySet())
                .contains(
                        "downtime",
                        "numberOfFailedCheckpoints",
                        "GetRecords.IteratorAgeMilliseconds",
                        "checkpointsCompleted",
                        "lastCheckpointDuration",
                        "rejectedRecords",
                        "alertsDeliveryFailed");
    }

    @Test
    void shouldWatchTheApplicationOfThisStackInTheMsfNamespace() {
        for (String id : T.resourceIdsOfType("AWS::CloudWatch::Alarm")) {
            for (JsonNode metric : metrics(T.resource(id).path("Properties"))) {
                if (metric.path("Namespace").asText().equals("AWS/Kinesis")) {
                    continue; // the stream's own lag metric: AlarmMetricsTest
                }
                assertThat(metric.path("Namespace").asText())
                        .as(id)
                        .isEqualTo("AWS/KinesisAnalytics");
                JsonNode dims = metric.path("Dimensions");
                assertThat(dims).as(id).hasSize(1);
                assertThat(dims.get(0).path("Name").asText()).isEqualTo("Application");
                assertThat(CfnTemplate.alternatives(dims.get(0).path("Value")))
                        .containsExactly("${Application}");
            }
        }
    }

    @Test
    void shouldNotifyTheAlertTopic() {
        List<String> ids = T.resourceIdsOfType("AWS::CloudWatch::Alarm");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
        for (String id : ids) {
            JsonNode p = T.resource(id).path("Properties");
            assertThat(CfnTemplate.alternatives(p.get("AlarmActions")))
                    .as(id)
                    .containsExactly("${AlertTopic}");
            assertThat(p.path("TreatMissingData").asText()).as(id).isEqualTo("notBreaching");
        }
    }

    @Test
    void shouldAlarmOnTheRateOfCumulativeCountersNotOnTheirTotals() {
        for (String counter :
                List.of(
                        "numberOfFailedCheckpoints",
                        "rejectedRecords",
                        "alertsDeliveryFailed",
                        "checkpointsCompleted")) {
            JsonNode p = T.resource(alarmsByMetric().get(counter)).path("Properties");
            String returned = null;
            for (JsonNode m : p.path("Metrics")) {
                if (m.path("ReturnData").asBoolean(true)) {
                    returned = m.path("Expression").asText();
                }
            }
            assertThat(returned).as(counter).containsPattern("(RATE|DIFF)\\(");
        }
    }

    @Test
    void shouldWatchKinesisLagOnlyWhenTheKinesisSourceRuns() {
        assertThat(
                        T.resource(alarmsByMetric().get("GetRecords.IteratorAgeMilliseconds"))
                                .path("Condition")
                                .asText())
                .isEqualTo("UseKinesisSource");
    }

    private static Map<String, String> alarmsByMetric() {
        Map<String, String> byMetric = new TreeMap<>();
        for (String id : T.resourceIdsOfType("AWS::CloudWatch::Alarm")) {
            for (JsonNode metric : metrics(T.resource(id).path("Properties"))) {
                byMetric.put(metric.path("MetricName").asText(), id);
            }
        }
        return byMetric;
    }

    private static List<JsonNode> metrics(JsonNode alarm) {
        List<JsonNode> out = new ArrayList<>();
        if (alarm.has("MetricName")) {
            out.add(alarm);
        }
        for (JsonNode m : alarm.path("Metrics")) {
            if (m.has("MetricStat")) {
                out.add(m.at("/MetricStat/Metric"));
            }
        }
        return out;
    }
}
