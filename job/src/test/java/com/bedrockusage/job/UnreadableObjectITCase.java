package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.ExpectedUsage;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import com.bedrockusage.pricing.PriceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log objects that disappear or become unreadable after the source listed them (lifecycle rules
 * during a backfill, a revoked permission): the job finishes, each is one {@code rejected_records}
 * row and a metric, and the other objects' totals are exact.
 */
class UnreadableObjectITCase {

    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final FlinkMiniCluster MINI_CLUSTER =
            FlinkMiniCluster.withConfiguration(REPORTER.addToConfiguration(new Configuration()));

    /** Set by the test, used by {@link SpoilAfterListing} in the job's tasks (same JVM). */
    static volatile Path deleted;

    static volatile Path replacedByAFolder;
    static volatile boolean spoiled;

    @TempDir Path tmp;

    @Test
    void shouldRejectObjectsThatBecameUnreadableAfterListingAndKeepEveryOtherTotalExact()
            throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> good = UsagePipelineITCase.records(400, new Random(13));
        UsagePipelineITCase.writeInFiles(tree, good, 12);
        // The records span 8 hours from START; these two objects sit in the hour after them, so the
        // source, which
        // reads oldest first, reaches them last: after the first good record went through the job.
        LogRecord late =
                UsagePipelineITCase.record(
                        5000, UsagePipelineITCase.START.plus(Duration.ofHours(9)), new Random(1));
        LogRecord later =
                UsagePipelineITCase.record(5001, late.time.plusSeconds(60), new Random(2));
        deleted = tree.write(late, Arrays.asList(late.json()));
        replacedByAFolder = tree.write(later, Arrays.asList(later.json()));

        JobConfig config =
                PipelineRuns.config(
                        tree.root(), MINI_CLUSTER.warehouse(), "pipeline.allowed-lateness=12h");
        PipelineRuns.run(
                config,
                s ->
                        s.map(new SpoilAfterListing())
                                .returns(TypeInformation.of(Invocation.class))
                                .uid("test-spoil")
                                .name("spoil after listing"),
                false);

        assertThat(spoiled).as("the objects were spoiled while the job ran").isTrue();
        List<Record> rejected = PipelineRuns.rows(config, Tables.REJECTED_RECORDS);
        assertThat(rejected)
                .extracting(r -> (String) r.getField("reason"))
                .containsExactly("unreadable_object", "unreadable_object");
        assertThat(rejected)
                .extracting(r -> (String) r.getField("source"))
                .map(UnreadableObjectITCase::fileName)
                .containsExactlyInAnyOrder(
                        fileName(deleted.toString()), fileName(replacedByAFolder.toString()));
        assertThat(rejected)
                .extracting(r -> (String) r.getField("raw_excerpt"))
                .allSatisfy(
                        e ->
                                assertThat(e)
                                        .startsWith(
                                                "unreadable after 3 attempts, before its first record: "
                                                        + "java.io.FileNotFoundException: "));

        List<Record> invocations = PipelineRuns.rows(config, Tables.INVOCATIONS);
        assertThat(invocations.stream().map(r -> (String) r.getField("request_id")).sorted())
                .containsExactlyElementsOf(
                        good.stream().map(r -> r.requestId).sorted().collect(Collectors.toList()));
        assertThat(PipelineRuns.usage(config, Tables.USAGE_DAILY))
                .isEqualTo(ExpectedUsage.daily(good, PriceCatalog.defaultCatalog()));
        assertThat(counted("rejectedRecords_unreadable_object")).isEqualTo(2);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The sum of a counter over all subtasks (retained after the job ended). */
    private static long counted(String name) {
        long sum = 0;
        for (Map<String, Metric> metrics : REPORTER.getMetricsByGroup().values()) {
            Metric m = metrics.get(name);
            if (m instanceof Counter) {
                sum += ((Counter) m).getCount();
            }
        }
        return sum;
    }

    /**
     * On the first call from any subtask: deletes one object and puts a folder in place of the
     * other. A reader asks for its next object only after it emitted the last record of its current
     * one, so both objects are listed but not yet opened when this runs; the lock holds the other
     * subtask until they are spoiled.
     */
    static final class SpoilAfterListing implements MapFunction<Invocation, Invocation> {
        @Override
        public Invocation map(Invocation value) {
            spoilOnce();
            return value;
        }

        private static synchronized void spoilOnce() {
            if (spoiled) {
                return;
            }
            try {
                Files.delete(deleted);
                Files.delete(replacedByAFolder);
                Files.createDirectory(replacedByAFolder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            spoiled = true;
        }
    }
}
