package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("deprecation")
class RulesSourceTest {

    private static final String V1 = "{\"rules\": [{\"id\": \"budget\", \"metric\": \"cost_usd\", \"window\": \"1d\", \"threshold\": 50}]}";
    private static final String V2 = "{\"rules\": [{\"id\": \"budget\", \"metric\": \"cost_usd\", \"window\": \"1d\", \"threshold\": 70}]}";
    private static final String BAD = "{\"rules\": [{\"id\": \"budget\", \"metric\": \"cost_usd\", \"window\": \"1d\"}]}";

    @TempDir
    Path dir;

    @Test
    void shouldEmitTheFileAtStartAndEachValidChangeWhileWatching() throws Exception {
        Path file = Files.write(dir.resolve("rules.json"), V1.getBytes(StandardCharsets.UTF_8));
        RulesSource source = source(file, true);
        Collecting out = new Collecting();
        Thread runner = new Thread(() -> {
            try {
                source.run(out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runner.start();
        try {
            awaitSize(out, 1);
            Files.write(file, BAD.getBytes(StandardCharsets.UTF_8));
            Thread.sleep(300);
            assertThat(out.emitted).hasSize(1);

            Files.write(file, V2.getBytes(StandardCharsets.UTF_8));
            awaitSize(out, 2);
        } finally {
            source.cancel();
            runner.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(runner.isAlive()).isFalse();
        assertThat(out.emitted).extracting(s -> s.rule("budget").threshold.toPlainString()).containsExactly("50", "70");
    }

    @Test
    void shouldFinishAfterTheFirstEmissionInABoundedJob() throws Exception {
        Path file = Files.write(dir.resolve("rules.json"), V1.getBytes(StandardCharsets.UTF_8));
        Collecting out = new Collecting();
        source(file, false).run(out);
        assertThat(out.emitted).hasSize(1);
    }

    private static RulesSource source(Path file, boolean watch) {
        RulesSource s = new RulesSource(file.toString(), false, 50, watch);
        s.setRuntimeContext(new MockStreamingRuntimeContext(false, 1, 0));
        return s;
    }

    private static void awaitSize(Collecting out, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.emitted.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.emitted).hasSize(n);
    }

    private static final class Collecting implements SourceFunction.SourceContext<RuleSet> {
        final List<RuleSet> emitted = new CopyOnWriteArrayList<>();
        private final Object lock = new Object();

        @Override
        public void collect(RuleSet element) {
            emitted.add(element);
        }

        @Override
        public void collectWithTimestamp(RuleSet element, long timestamp) {
            emitted.add(element);
        }

        @Override
        public void emitWatermark(Watermark mark) {
        }

        @Override
        public void markAsTemporarilyIdle() {
        }

        @Override
        public Object getCheckpointLock() {
            return lock;
        }

        @Override
        public void close() {
        }
    }
}
