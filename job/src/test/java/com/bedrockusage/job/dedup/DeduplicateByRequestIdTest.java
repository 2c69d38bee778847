package com.bedrockusage.job.dedup;

import static com.bedrockusage.job.usage.testing.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.usage.testing.CapturedMetrics;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeduplicateByRequestIdTest {

    private static final Duration TTL = Duration.ofHours(48);

    private final CapturedMetrics metrics = new CapturedMetrics();
    private KeyedOneInputStreamOperatorTestHarness<String, Invocation, Invocation> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, Invocation, Invocation> open(Duration ttl)
            throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateByRequestId(ttl)), inv -> inv.requestId, Types.STRING,
                metrics.environment());
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldPassTheFirstOccurrenceAndDropAndCountEveryLaterOne() throws Exception {
        open(TTL).open();
        Invocation fromKinesis = call("r1", "2025-06-01T10:00:00Z");
        Invocation redeliveredFromS3 = call("r1", "2025-06-01T10:00:00Z");
        redeliveredFromS3.source = Invocation.SOURCE_S3;
        Invocation kinesisRetry = call("r1", "2025-06-01T10:00:00Z");

        harness.processElement(fromKinesis, 1);
        harness.processElement(call("r2", "2025-06-01T10:00:01Z"), 2);
        harness.processElement(redeliveredFromS3, 3);
        harness.processElement(kinesisRetry, 4);

        assertThat(requestIds()).containsExactly("r1", "r2");
        assertThat(harness.extractOutputValues().get(0).source).isEqualTo(Invocation.SOURCE_KINESIS);
        assertThat(metrics.counter("kinesisanalytics.duplicates")).isEqualTo(2);
    }

    @Test
    void shouldForgetARequestIdOnceTheTtlAfterItsFirstOccurrenceHasPassed() throws Exception {
        open(TTL).open();
        harness.setStateTtlProcessingTime(0);
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 1);

        // A duplicate just before expiry is dropped and does not extend the TTL (OnCreateAndWrite).
        harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 2);
        assertThat(requestIds()).containsExactly("r1");

        harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 3);
        assertThat(requestIds()).containsExactly("r1", "r1");
        assertThat(metrics.counter("kinesisanalytics.duplicates")).isEqualTo(1);
    }

    @Test
    void shouldRememberSeenRequestIdsAcrossARestore() throws Exception {
        open(TTL).open();
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 10);
        harness.close();

        open(TTL).initializeState(snapshot);
        harness.open();
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 2);
        harness.processElement(call("r3", "2025-06-01T10:00:00Z"), 3);

        assertThat(requestIds()).containsExactly("r3");
    }

    @Test
    void shouldRejectANonPositiveTtl() {
        assertThatThrownBy(() -> new DeduplicateByRequestId(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldExpireSeenFlagsWithTheGivenTtl() {
        assertThat(DeduplicateByRequestId.seenDescriptor(Duration.ofHours(3)).getTtlConfig().getTimeToLive())
                .isEqualTo(Duration.ofHours(3));
    }

    private List<String> requestIds() {
        return harness.extractOutputValues().stream().map(inv -> inv.requestId).collect(Collectors.toList());
    }
}
