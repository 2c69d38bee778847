package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.job.testing.LogRecord;
import com.bedrockusage.job.testing.LogTree;
import com.bedrockusage.job.testing.PipelineRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that fails once mid-stream and restores from its checkpoint writes exactly the tables of a
 * clean run.
 */
class FailureRecoveryITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();

    @TempDir Path tmp;

    @Test
    void shouldProduceTheSameTablesAfterAFailureAndRestoreAsACleanRun() throws Exception {
        LogTree tree = new LogTree(tmp.resolve("logs"));
        List<LogRecord> records = UsagePipelineITCase.records(1500, new Random(11));
        UsagePipelineITCase.writeInFiles(tree, records, 60);
        UsagePipelineITCase.writeInFiles(tree, records.subList(0, 50), 2);

        // Allowed lateness covers the whole data set, so the final rows do not depend on arrival
        // order.
        JobConfig clean =
                PipelineRuns.config(
                        tree.root(),
                        MINI_CLUSTER.warehouse().resolve("clean"),
                        "pipeline.allowed-lateness=12h");
        PipelineRuns.run(clean);

        JobConfig failing =
                PipelineRuns.config(
                        tree.root(),
                        MINI_CLUSTER.warehouse().resolve("failing"),
                        "pipeline.allowed-lateness=12h");
        PipelineRuns.run(
                failing,
                s ->
                        s.map(new FailOnceAfterACheckpoint(600))
                                .returns(TypeInformation.of(Invocation.class))
                                .uid("test-fail-once")
                                .name("fail once"),
                true);

        assertThat(FAILED).as("the failure was injected").isTrue();
        for (String table :
                new String[] {Tables.USAGE_MINUTE, Tables.USAGE_HOURLY, Tables.USAGE_DAILY}) {
            assertThat(PipelineRuns.usage(failing, table))
                    .as(table)
                    .isEqualTo(PipelineRuns.usage(clean, table));
        }
        assertThat(requestIds(failing)).hasSize(1500).isEqualTo(requestIds(clean));
    }

    private static List<String> requestIds(JobConfig config) {
        return PipelineRuns.rows(config, Tables.INVOCATIONS).stream()
                .map(r -> (String) r.getField("request_id"))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Throws once, after at least one checkpoint has completed and {@code after} records went
     * through.
     */
    static final class FailOnceAfterACheckpoint
            implements MapFunction<Invocation, Invocation>, CheckpointListener {
        private final int after;

        FailOnceAfterACheckpoint(int after) {
            this.after = after;
        }

        @Override
        public Invocation map(Invocation value) throws Exception {
            // give checkpoints time to happen mid-stream; slower still while none has completed (a
            // loaded machine)
            Thread.sleep(SEEN.get() >= after && !CHECKPOINT_COMPLETED.get() ? 50 : 2);
            if (SEEN.incrementAndGet() >= after
                    && CHECKPOINT_COMPLETED.get()
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
