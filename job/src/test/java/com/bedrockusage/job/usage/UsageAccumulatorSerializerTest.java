package com.bedrockusage.job.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.SerializerContract;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.junit.jupiter.api.Test;

class UsageAccumulatorSerializerTest extends SerializerContract<UsageAccumulator> {

    private static final UsageAccumulatorSerializer SERIALIZER =
            UsageAccumulatorSerializer.INSTANCE;

    UsageAccumulatorSerializerTest() {
        super(
                SERIALIZER,
                (read, written) -> {
                    assertThat(read).isEqualTo(written);
                    assertThat(read.costUsd == null ? null : read.costUsd.scale())
                            .isEqualTo(written.costUsd == null ? null : written.costUsd.scale());
                });
    }

    @Test
    void shouldCopyTheLatencySketchIntoAnIndependentOne() {
        UsageAccumulator acc = shapes().get(2);
        UsageAccumulator copy = SERIALIZER.copy(acc);
        copy.latency.add(5);
        assertThat(copy.latency).isNotEqualTo(acc.latency);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldMigrateAccumulatorsThatThePojoSerializerWrote() {
        // The POJO serializer's snapshot of an earlier version; its shape does not matter for the
        // decision.
        TypeSerializerSnapshot pojoSnapshot =
                TypeInformation.of(LatencySketch.class)
                        .createSerializer(new SerializerConfigImpl())
                        .snapshotConfiguration();
        assertThat(pojoSnapshot).isInstanceOf(PojoSerializerSnapshot.class);

        assertThat(
                        SERIALIZER
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(pojoSnapshot)
                                .isCompatibleAfterMigration())
                .isTrue();
    }

    /**
     * Empty; nulls everywhere; typical; extremes (huge decimals, negative and Long.MIN/MAX values);
     * random ones.
     */
    @Override
    protected List<UsageAccumulator> shapes() {
        List<UsageAccumulator> shapes = new ArrayList<>();
        shapes.add(new UsageAccumulator());

        UsageAccumulator nulls = new UsageAccumulator();
        nulls.invocations = 3;
        nulls.latency = null;
        shapes.add(nulls);

        UsageAccumulator typical = new UsageAccumulator();
        typical.invocations = 12;
        typical.errors = 1;
        typical.inputTokens = 120_345;
        typical.outputTokens = 4_567;
        typical.cacheReadTokens = 9_000;
        typical.cacheWriteTokens = 1_200;
        typical.unpricedInvocations = 2;
        typical.costUsd = new BigDecimal("0.123456789012");
        typical.inputCostUsd = new BigDecimal("0.100000000000");
        typical.outputCostUsd = new BigDecimal("0.02");
        typical.cacheReadCostUsd = BigDecimal.ZERO;
        typical.latencyCount = 11;
        typical.latencySumMs = 22_000;
        typical.latencyMinMs = 0L;
        typical.latencyMaxMs = 9_000L;
        for (long ms : new long[] {0, 1, 2, 250, 250, 900, 1_500, 9_000}) {
            typical.latency.add(ms);
        }
        shapes.add(typical);

        UsageAccumulator extreme = new UsageAccumulator();
        extreme.invocations = Long.MAX_VALUE;
        extreme.errors = Long.MIN_VALUE;
        extreme.inputTokens = -1;
        extreme.costUsd = new BigDecimal(BigInteger.TEN.pow(40).negate(), 12);
        extreme.cacheWriteCostUsd = new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), -3);
        extreme.outputCostUsd =
                new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), 20);
        extreme.latencyMinMs = Long.MIN_VALUE;
        extreme.latencyMaxMs = Long.MAX_VALUE;
        extreme.latency.add(Long.MAX_VALUE);
        shapes.add(extreme);

        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            UsageAccumulator acc = new UsageAccumulator();
            acc.invocations = random.nextInt(1_000_000);
            acc.inputTokens = random.nextLong();
            acc.costUsd =
                    random.nextBoolean()
                            ? null
                            : BigDecimal.valueOf(random.nextLong(), random.nextInt(20));
            acc.inputCostUsd =
                    random.nextBoolean() ? null : new BigDecimal(new BigInteger(100, random), 12);
            acc.latency = random.nextInt(4) == 0 ? null : acc.latency;
            if (acc.latency != null) {
                for (int k = random.nextInt(50); k > 0; k--) {
                    acc.latency.add(random.nextInt(100_000));
                }
            }
            shapes.add(acc);
        }
        return shapes;
    }
}
