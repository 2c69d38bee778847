package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch dashboard of the template: the job's health and Bedrock's per-model metrics, and
 * only metrics that really exist: MSF's own, counters the job registers (found in its source), and
 * those of {@code AWS/Bedrock}.
 */
class CloudWatchDashboardTest {

    private static final CfnTemplate T = CfnTemplate.load();

    /**
     * Flink job metrics MSF publishes itself at the Application level (MSF developer guide,
     * "Metrics and dimensions"); Flink's numberOfCompletedCheckpoints is not among them.
     */
    static final Set<String> MSF_METRICS =
            Set.of("downtime", "numberOfFailedCheckpoints", "lastCheckpointDuration");

    /**
     * Kinesis Data Streams' own per-stream lag: the FLIP-27 source registers no millisBehindLatest.
     */
    static final Set<String> KINESIS_METRICS = Set.of("GetRecords.IteratorAgeMilliseconds");

    /** Runtime metrics of Amazon Bedrock, namespace AWS/Bedrock, dimension ModelId. */
    static final Set<String> BEDROCK_METRICS =
            Set.of(
                    "Invocations",
                    "InvocationLatency",
                    "InvocationClientErrors",
                    "InvocationServerErrors",
                    "InvocationThrottles",
                    "InputTokenCount",
                    "OutputTokenCount",
                    "OutputImageCount",
                    "LegacyModelInvocations");

    private static final Pattern SEARCH =
            Pattern.compile("SEARCH\\('\\{([^,}]+),([^}]+)} MetricName=\"([^\"]+)\"'");
    private static final Pattern EXPRESSION_ID = Pattern.compile("\\b[a-z][A-Za-z0-9_]*\\b");

    @Test
    void shouldShowTheJobsHealthAndBedrocksMetricsPerModel() {
        Set<String> names = new HashSet<>();
        for (String[] m : metrics()) {
            names.add(m[1]);
        }
        assertThat(names)
                .contains(
                        "ingestInvocations",
                        "rejectedRecords",
                        "lastCheckpointDuration",
                        "numberOfFailedCheckpoints",
                        "GetRecords.IteratorAgeMilliseconds",
                        "alertsDelivered",
                        "alertsDeliveryFailed",
                        "downtime",
                        "Invocations",
                        "InputTokenCount",
                        "OutputTokenCount",
                        "InvocationLatency",
                        "InvocationThrottles");
    }

    @Test
    void everyMetricIsOneTheJobOrAwsReallyPublishes() {
        String jobSource = jobSource();
        for (String[] m : metrics()) {
            String namespace = m[0];
            String name = m[1];
            if (namespace.equals("AWS/Bedrock")) {
                assertThat(BEDROCK_METRICS).as("AWS/Bedrock metric").contains(name);
                assertThat(m[2]).as(name + " dimension").isEqualTo("ModelId");
            } else if (namespace.equals("AWS/Kinesis")) {
                assertThat(KINESIS_METRICS).as("AWS/Kinesis metric").contains(name);
                assertThat(m[2]).as(name + " dimension").isEqualTo("StreamName");
            } else {
                assertThat(namespace).isEqualTo("AWS/KinesisAnalytics");
                assertThat(m[2]).as(name + " dimension").isEqualTo("Application");
                assertThat(MSF_METRICS.contains(name) || jobSource.contains("\"" + name + "\""))
                        .as(name + " is neither an MSF metric nor a counter the job registers")
                        .isTrue();
            }
        }
    }

    @Test
    void shouldWatchTheApplicationOfThisStackInItsRegion() {
        for (JsonNode w : body().path("widgets")) {
            JsonNode p = w.path("properties");
            assertThat(p.path("region").asText()).isEqualTo("${AWS::Region}");
            for (JsonNode row : p.path("metrics")) {
                if (row.get(0).isTextual() && row.get(0).asText().equals("AWS/KinesisAnalytics")) {
                    assertThat(row.get(3).asText()).isEqualTo("${Application}");
                }
                if (row.get(0).isTextual() && row.get(0).asText().equals("AWS/Kinesis")) {
                    assertThat(row.get(3).asText()).isEqualTo("${LogStreamName}");
                }
            }
        }
        assertThat(
                        CfnTemplate.alternatives(
                                T.resource("OperationsDashboard").at("/Properties/DashboardName")))
                .containsExactly("${AWS::StackName}-bedrock-usage");
        // the stream exists only with the Kinesis source; without it the widget names no stream
        // (and shows nothing)
        JsonNode streamName =
                T.resource("OperationsDashboard")
                        .at("/Properties/DashboardBody/Fn::Sub/1/LogStreamName");
        assertThat(streamName.at("/Fn::If/0").asText()).isEqualTo("UseKinesisSource");
        assertThat(CfnTemplate.alternatives(streamName))
                .containsExactly("${LogStream}", "no-kinesis-source");
    }

    @Test
    void everyExpressionUsesMetricsOfItsWidget() {
        for (JsonNode w : body().path("widgets")) {
            Set<String> ids = new HashSet<>();
            List<String> expressions = new ArrayList<>();
            for (JsonNode row : w.at("/properties/metrics")) {
                JsonNode options = row.get(row.size() - 1);
                if (options.isObject() && options.has("id")) {
                    ids.add(options.get("id").asText());
                }
                if (options.has("expression")
                        && !options.get("expression").asText().startsWith("SEARCH")) {
                    expressions.add(options.get("expression").asText());
                }
            }
            for (String e : expressions) {
                Matcher m = EXPRESSION_ID.matcher(e.replaceAll("[A-Z]+\\(", "("));
                while (m.find()) {
                    assertThat(ids)
                            .as(w.at("/properties/title").asText() + ": " + e)
                            .contains(m.group());
                }
            }
        }
    }

    /** (namespace, metric name, dimension name) of every metric row and SEARCH expression. */
    private static List<String[]> metrics() {
        List<String[]> out = new ArrayList<>();
        for (JsonNode w : body().path("widgets")) {
            for (JsonNode row : w.at("/properties/metrics")) {
                if (row.get(0).isTextual()) {
                    out.add(
                            new String[] {
                                row.get(0).asText(), row.get(1).asText(), row.get(2).asText()
                            });
                } else if (row.get(0).has("expression")) {
                    Matcher m = SEARCH.matcher(row.get(0).get("expression").asText());
                    while (m.find()) {
                        out.add(new String[] {m.group(1), m.group(3), m.group(2)});
                    }
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static JsonNode body() {
        JsonNode dashboard = T.resource("OperationsDashboard");
        assertThat(dashboard.path("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        String sub = dashboard.at("/Properties/DashboardBody/Fn::Sub/0").asText();
        assertThat(CfnTemplate.subVariables(sub))
                .containsOnly("AWS::Region", "Application", "LogStreamName");
        try {
            return new ObjectMapper().readTree(sub);
        } catch (IOException e) {
            throw new AssertionError("DashboardBody is not JSON: " + e.getMessage());
        }
    }

    private static String jobSource() {
        Path src = CfnTemplate.infraDir().resolveSibling("job").resolve("src/main/java");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(all).as("job sources at " + src).isNotEmpty();
        return all.toString();
    }
}
