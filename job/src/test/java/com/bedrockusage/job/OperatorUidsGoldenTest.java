package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.sink.IcebergCatalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Savepoint compatibility: the operator uids of the job graph, for every configuration shape, equal
 * a checked-in list ({@code src/test/resources/operator-uids/<shape>.txt}). Flink restores state by
 * uid, so a changed uid silently starts that operator empty: dedup forgets request ids, windows
 * lose their contents, the Iceberg committer loses commits in flight.
 */
class OperatorUidsGoldenTest {

    static final String REGENERATE = "uids.regenerate";
    private static final Path GOLDEN = Paths.get("src/test/resources/operator-uids");
    private static final String KINESIS_ARN =
            "arn:aws:kinesis:us-east-1:123456789012:stream/bedrock-logs";

    /** One warehouse for all shapes: building a graph only needs the tables to exist. */
    @TempDir static Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(
                shape("s3-bounded", "source.s3.mode=bounded"),
                shape("s3-continuous", "source.s3.mode=continuous"),
                shape("kinesis", "source.s3.path=", "source.kinesis.stream-arn=" + KINESIS_ARN),
                shape("s3-and-kinesis", "source.kinesis.stream-arn=" + KINESIS_ARN),
                shape("windows-1m", "pipeline.windows=1m"),
                shape("windows-1h", "pipeline.windows=1h"),
                shape("windows-1d", "pipeline.windows=1d"),
                shape("windows-1m-1h", "pipeline.windows=1m,1h"),
                shape("windows-1h-1d", "pipeline.windows=1h,1d"),
                shape("windows-1m-1d", "pipeline.windows=1m,1d"),
                shape("report", "report.enabled=true", "report.output={dir}/reports"),
                shape(
                        "report-not-announced",
                        "report.enabled=true",
                        "report.output={dir}/reports",
                        "report.announce=false"),
                shape(
                        "report-without-daily-window",
                        "report.enabled=true",
                        "report.output={dir}/reports",
                        "pipeline.windows=1m,1h"),
                shape(
                        "alerts-sns-and-jsonl",
                        "alerts.sns.topic-arn=arn:aws:sns:us-east-1:123456789012:alerts",
                        "alerts.sns.region=us-east-1",
                        "alerts.sns.endpoint=http://127.0.0.1:9",
                        "alerts.jsonl-path={dir}/alerts.jsonl"),
                shape("price-updates", "pricing.updates-dir={dir}/price-updates"),
                shape(
                        "everything",
                        "source.kinesis.stream-arn=" + KINESIS_ARN,
                        "source.s3.mode=continuous",
                        "report.enabled=true",
                        "report.output={dir}/reports",
                        "alerts.sns.topic-arn=arn:aws:sns:us-east-1:123456789012:alerts",
                        "alerts.sns.region=us-east-1",
                        "alerts.jsonl-path={dir}/alerts.jsonl",
                        "pricing.updates-dir={dir}/price-updates"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldKeepEveryOperatorUidOfTheShape(String shape, List<String> settings)
            throws Exception {
        List<String> uids = uids(settings);
        Path golden = GOLDEN.resolve(shape + ".txt");
        if (Boolean.getBoolean(REGENERATE)) {
            Files.createDirectories(GOLDEN);
            Files.write(golden, fileLines(shape, uids), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden uid list " + golden.toAbsolutePath()).exists();
        assertThat(uids)
                .as(
                        "Operator uids of the '%s' shape differ from %s. A changed or removed uid breaks savepoint "
                                + "restore: that operator's state (dedup, windows, Iceberg commits in flight) is not restored. "
                                + "Keep the uid strings in OperatorIds unchanged; only when a new operator is added on purpose, "
                                + "regenerate the lists with: mvn -pl job -am test -Dtest=OperatorUidsGoldenTest "
                                + "-Dsurefire.failIfNoSpecifiedTests=false -D%s=true, and review the diff.",
                        shape, golden, REGENERATE)
                .containsExactlyElementsOf(goldenUids(golden));
    }

    private List<String> uids(List<String> settings) throws Exception {
        PropertyGroups p =
                PropertyGroups.empty()
                        .set("source.s3.path", dir.resolve("logs").toUri().toString())
                        .set("iceberg.warehouse", dir.resolve("warehouse").toUri().toString());
        for (String s : settings) {
            p.set(s.replace("{dir}", dir.toUri().toString().replaceAll("/$", "")));
        }
        JobConfig config = JobConfig.from(p);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);
        List<String> uids = new ArrayList<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            uids.add(
                    node.getTransformationUID() != null
                            ? node.getTransformationUID()
                            : "(no uid) " + node.getOperatorName());
        }
        return new ArrayList<>(new TreeSet<>(uids));
    }

    private static List<String> goldenUids(Path golden) throws IOException {
        return Files.readAllLines(golden, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    private static List<String> fileLines(String shape, List<String> uids) {
        List<String> lines = new ArrayList<>();
        lines.add(
                "# Operator uids of the job graph, shape '"
                        + shape
                        + "' (OperatorUidsGoldenTest).");
        lines.add("# Savepoints restore state by these uids: never change one that exists.");
        lines.addAll(uids);
        return lines;
    }

    private static Arguments shape(String name, String... settings) {
        return Arguments.of(name, List.of(settings));
    }
}
