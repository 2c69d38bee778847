package com.bedrockusage.job.alerts.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.Calls;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.alerts.rules.RulesFile;
import com.bedrockusage.job.alerts.rules.RulesReader;
import com.bedrockusage.job.alerts.rules.RulesSource;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rules file whose read hangs (an S3 GET that never answers) must not hold up calls or
 * checkpoints.
 */
@Timeout(
        value = 180,
        threadMode =
                Timeout.ThreadMode
                        .SEPARATE_THREAD) // a blocked task thread fails, not hangs, the build
class RuleMatcherSlowRulesFileTest {

    private static final String APP_PATTERN = ConfigKeys.ALERTS_APP_PATTERN.defaultValue();

    /** Not a divisor of the read timeout: at the timeout no new read is due yet. */
    private static final long RULES_INTERVAL = 7_000;

    private static final String OLD =
            "{\"rules\": [{\"id\": \"old\", \"metric\": \"invocations\", \"window\": \"1h\","
                    + " \"threshold\": 5}]}";
    private static final String NEW =
            "{\"rules\": [{\"id\": \"new\", \"metric\": \"invocations\", \"window\": \"1h\","
                    + " \"threshold\": 5}]}";

    private final CapturedMetrics metrics = new CapturedMetrics();
    private final HangingRulesSource file = new HangingRulesSource(NEW);

    /**
     * Drives the harness while the test thread watches the clock: on a blocked task thread, the
     * test fails, not hangs.
     */
    private final ExecutorService taskThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void release() {
        file.release.countDown();
        taskThread.shutdownNow();
    }

    @Test
    void shouldProcessCallsAndCheckpointWhileTheRulesFileReadHangsThenApplyTheNewRules()
            throws Exception {
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness()) {
            Future<List<RuleHit>> whileHanging =
                    taskThread.submit(
                            () -> {
                                h.open();
                                h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
                                OperatorSubtaskState checkpoint = h.snapshot(1L, 1L);
                                assertThat(checkpoint).isNotNull();
                                h.setProcessingTime(
                                        RULES_INTERVAL); // the next read is due while the first
                                // still hangs
                                h.processElement(Calls.at("2026-11-22T10:01:00Z").build(), 0);
                                h.prepareSnapshotPreBarrier(2L);
                                return h.extractOutputValues();
                            });

            List<RuleHit> hits =
                    whileHanging.get(RuleMatcherTest.READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(file.hanging.await(RuleMatcherTest.READ_WAIT_MILLIS, TimeUnit.MILLISECONDS))
                    .isTrue();
            assertThat(hits)
                    .extracting(x -> x.key + "x" + x.invocations)
                    .containsExactly("old|allx1", "old|allx1");
            assertThat(file.reads.get()).as("reads started while the first hangs").isEqualTo(1);

            file.release.countDown();
            RuleMatcherTest.awaitRulesRead(h);
            h.getOutput().clear();
            h.processElement(Calls.at("2026-11-22T10:02:00Z").build(), 0);
            assertThat(flushed(h)).extracting(x -> x.key).containsExactly("new|all");
            assertThat(metrics.counter("kinesisanalytics.alertRulesApplied")).isEqualTo(1);
        }
    }

    @Test
    void shouldInterruptAndCountAReadStillRunningAfterTheTimeoutThenReadAgain() throws Exception {
        try (OneInputStreamOperatorTestHarness<Invocation, RuleHit> h = harness()) {
            h.open();
            assertThat(file.hanging.await(RuleMatcherTest.READ_WAIT_MILLIS, TimeUnit.MILLISECONDS))
                    .isTrue();
            for (long t = RULES_INTERVAL; t < RulesReader.TIMEOUT_MILLIS; t += RULES_INTERVAL) {
                h.setProcessingTime(t);
            }
            assertThat(file.reads.get()).isEqualTo(1);
            assertThat(metrics.counter("kinesisanalytics.alertRulesReadTimeouts")).isZero();

            h.setProcessingTime(RulesReader.TIMEOUT_MILLIS);
            assertThat(metrics.counter("kinesisanalytics.alertRulesReadTimeouts")).isEqualTo(1);
            RuleMatcherTest.awaitRulesRead(h);
            h.processElement(Calls.at("2026-11-22T10:00:00Z").build(), 0);
            // the interrupted read counts as an unreadable file; the rules in force stay
            assertThat(metrics.counter("kinesisanalytics.alertRulesRejected")).isEqualTo(1);
            assertThat(flushed(h)).extracting(x -> x.key).containsExactly("old|all");

            h.setProcessingTime(5 * RULES_INTERVAL);
            RuleMatcherTest.awaitRulesRead(h);
            assertThat(file.reads.get()).isEqualTo(2);
            h.processElement(Calls.at("2026-11-22T10:01:00Z").build(), 0);
            assertThat(flushed(h)).extracting(x -> x.key).containsExactly("new|all");
            assertThat(metrics.counter("kinesisanalytics.alertRulesReadTimeouts")).isEqualTo(1);
        }
    }

    private OneInputStreamOperatorTestHarness<Invocation, RuleHit> harness() throws Exception {
        RuleMatcher matcher =
                new RuleMatcher(
                        Rules.set(OLD),
                        APP_PATTERN,
                        new RulesFile(
                                "s3://rules/alert-rules.json", false, RULES_INTERVAL, true, file));
        OneInputStreamOperatorTestHarness<Invocation, RuleHit> h =
                new OneInputStreamOperatorTestHarness<>(matcher, metrics.environment());
        h.setProcessingTime(0); // the test clock starts at Long.MIN_VALUE
        return h;
    }

    private static List<RuleHit> flushed(OneInputStreamOperatorTestHarness<Invocation, RuleHit> h)
            throws Exception {
        h.getOutput().clear();
        h.prepareSnapshotPreBarrier(0L);
        return h.extractOutputValues();
    }

    /** The first read hangs until released or interrupted; later reads answer at once. */
    static final class HangingRulesSource implements RulesSource {

        private static final long serialVersionUID = 1L;
        private final String text;
        final transient CountDownLatch release = new CountDownLatch(1);
        final transient AtomicInteger reads = new AtomicInteger();
        final transient CountDownLatch hanging = new CountDownLatch(1);

        HangingRulesSource(String text) {
            this.text = text;
        }

        @Override
        public String read(String location) throws RulesException {
            if (reads.incrementAndGet() == 1) {
                hanging.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RulesException(
                            location, List.of("cannot read the rules file: interrupted"));
                }
            }
            return text;
        }
    }
}
