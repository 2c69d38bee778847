package com.bedrockusage.job.alerts.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Contributors;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.RuleKind;
import com.bedrockusage.job.alerts.ScopeType;
import com.bedrockusage.job.testing.SerializerContract;
import com.bedrockusage.job.usage.LatencySketch;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;

class RuleHitSerializerTest extends SerializerContract<RuleHit> {

    private static final RuleHitSerializer SERIALIZER = RuleHitSerializer.INSTANCE;

    /**
     * Compared field by field, so a field added to any of them but not to the serializer fails
     * here.
     */
    private static final Set<Class<?>> DEEP =
            Set.of(RuleHit.class, AlertRule.class, Contributors.class, LatencySketch.class);

    RuleHitSerializerTest() {
        super(SERIALIZER, RuleHitSerializerTest::assertSameFields);
    }

    @Test
    void shouldCopyTheRuleAndContributorsIntoNewInstances() {
        RuleHit hit = full();

        RuleHit copy = SERIALIZER.copy(hit);

        assertThat(copy.rule).isNotSameAs(hit.rule);
        assertThat(copy.contributors).isNotSameAs(hit.contributors);
    }

    @Test
    void shouldReadAHitWrittenBeforeTheGenerationSums() throws Exception {
        byte[] firstFormat = Base64.getDecoder().decode(FIRST_FORMAT_HIT);
        DataInputDeserializer in = new DataInputDeserializer(firstFormat);

        RuleHit hit = SERIALIZER.deserialize(in);

        assertThat(hit.key).isEqualTo("p99-by-model|anthropic.claude-3-haiku");
        assertThat(hit.rule.metric).isEqualTo(Metric.LATENCY_AVG_MS);
        assertThat(hit.rule.threshold).isEqualByComparingTo("10000");
        assertThat(hit.invocations).isEqualTo(7);
        assertThat(hit.costUsd).isEqualByComparingTo("0.123456789012");
        assertThat(hit.latencySumMs).isEqualTo(98_765);
        assertThat(hit.generations).isZero();
        assertThat(hit.contributors.top(1))
                .extracting(c -> c.name + "=" + c.invocations)
                .containsExactly("arn:aws:iam::455216685514:role/ChatbotApp=3");
        assertThat(in.readUnsignedByte()).as("the byte after the hit").isEqualTo(0x7F);
    }

    @Test
    void shouldReadAHitWrittenBeforeRulesWentAsBlocks() throws Exception {
        DataInputDeserializer in =
                new DataInputDeserializer(Base64.getDecoder().decode(SECOND_FORMAT_HIT));

        RuleHit hit = SERIALIZER.deserialize(in);

        assertSameFields(hit, full());
        assertThat(in.readUnsignedByte()).as("the byte after the hit").isEqualTo(0x7F);
    }

    @Test
    void shouldDecodeEachRuleOnceAndShareItAmongItsHits() throws Exception {
        RuleHitSerializer serializer = new RuleHitSerializer();
        RuleHit first = full();
        RuleHit second = full();
        second.rule = first.rule;
        RuleHit changed = full();
        changed.rule.threshold = new BigDecimal("30000");

        RuleHit a = serializer.copy(first);
        RuleHit b = serializer.copy(second);
        RuleHit c = serializer.copy(changed);
        RuleHit d = serializer.copy(first);

        assertThat(b.rule).isSameAs(a.rule);
        assertThat(d.rule).isSameAs(a.rule);
        assertSameFields(a.rule, first.rule);
        assertThat(c.rule).isNotSameAs(a.rule);
        assertThat(c.rule.threshold).isEqualByComparingTo("30000");
        assertThat(a.rule.threshold).isEqualByComparingTo("20000.5");
    }

    /**
     * {@link #full()} as the serializer of the second format (before rules went as blocks, {@link
     * RuleHitSerializer#FORMAT} 3) wrote it, followed by the byte {@code 0x7F}.
     */
    private static final String SECOND_FORMAT_HIT =
            "AAIVcDk5LWJ5LW1vZGVsfHN1cHBvcnQBDXA5OS1ieS1tb2RlbBVwOTkgbGF0ZW5jeSBieSBtb2RlbClMYXRlbmN5IHA5OSBhYm92"
                    + "ZSAyMCBzIOKAlCBwZXIgbW9kZWwsIMOpBlNQSUtFD0xBVEVOQ1lfUDk5X01TBFRBRwV0ZWFtAzVtwM8kBWhpZ2gBAoq1GCgBAAYY"
                    + "AQQywKkHAw00NTUyMTY2ODU1MTQNMTg2ODY1MzI2MDQ1AhNhbnRocm9waWMuY2xhdWRlLSoNU3VwcG9ydEFnZW50CHN1cHBvcnSA"
                    + "0MmW02bAn+6W02bykMuW02YNNDU1MjE2Njg1NTE0DgQC8sABzArYzAEBGKjoyOmXBwyahwwI8I0LgDYBAgYEyAUC9gcCAQECPmFy"
                    + "bjphd3M6c3RzOjo0NTUyMTY2ODU1MTQ6YXNzdW1lZC1yb2xlL1N1cHBvcnRBZ2VudC9zZXNzaW9uLTEBAgIGCih1bmtub3duKQEA"
                    + "AAh/";

    /**
     * A hit as the serializer of the first format (before {@link RuleHitSerializer#FORMAT} 2) wrote
     * it, followed by the byte {@code 0x7F}: rule {@code p99-by-model} (threshold, latency_avg_ms
     * by model, 5m, 10000), scope key {@code anthropic.claude-3-haiku}, 7 calls, 2 errors, 678
     * output tokens, cost 0.123456789012, 6 latencies summing 98,765 ms, one contributor with 3
     * calls.
     */
    private static final String FIRST_FORMAT_HIT =
            "JnA5OS1ieS1tb2RlbHxhbnRocm9waWMuY2xhdWRlLTMtaGFpa3UBDXA5OS1ieS1tb2R"
                    + "lbAAAClRIUkVTSE9MRA9MQVRFTkNZX0FWR19NUwZNT0RFTAADNW3AzyQHbWVkaXVtAQCgnAEKAAAAAQEBABlhbnRocm9waWMuY2xhdW"
                    + "RlLTMtaGFpa3WA0MmW02bAn+6W02bykMuW02YNNDU1MjE2Njg1NTE0DgQAAMwKAAEYqOjI6ZcHDJqHDAABAAEqYXJuOmF3czppYW06"
                    + "OjQ1NTIxNjY4NTUxNDpyb2xlL0NoYXRib3RBcHABAgIGfw==";

    private static void assertSameFields(Object actual, Object expected)
            throws IllegalAccessException {
        assertSameFields(
                actual, expected, expected == null ? "hit" : expected.getClass().getSimpleName());
    }

    private static void assertSameFields(Object actual, Object expected, String path)
            throws IllegalAccessException {
        if (expected == null || actual == null) {
            assertThat(actual).as(path).isEqualTo(expected);
            return;
        }
        if (expected.getClass().isArray()) {
            assertThat(Array.getLength(actual))
                    .as(path + ".length")
                    .isEqualTo(Array.getLength(expected));
            for (int i = 0; i < Array.getLength(expected); i++) {
                assertThat(Array.get(actual, i))
                        .as(path + "[" + i + "]")
                        .isEqualTo(Array.get(expected, i));
            }
            return;
        }
        if (!DEEP.contains(expected.getClass())) {
            assertThat(actual).as(path).isEqualTo(expected);
            return;
        }
        for (Field field : expected.getClass().getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                continue;
            }
            field.setAccessible(true);
            assertSameFields(field.get(actual), field.get(expected), path + "." + field.getName());
        }
    }

    @Override
    protected List<RuleHit> shapes() {
        RuleHit empty = new RuleHit();
        empty.costUsd = null;
        empty.contributors = null;
        return List.of(full(), empty, new RuleHit());
    }

    /**
     * Every field set to a value that differs from its default, so a field the serializer drops is
     * noticed.
     */
    private static RuleHit full() {
        AlertRule rule = new AlertRule();
        rule.id = "p99-by-model";
        rule.name = "p99 latency by model";
        rule.description = "Latency p99 above 20 s — per model, é";
        rule.kind = RuleKind.SPIKE;
        rule.metric = Metric.LATENCY_P99_MS;
        rule.scopeType = ScopeType.TAG;
        rule.scopeTag = "team";
        rule.window = "5m";
        rule.windowMillis = 300_000L;
        rule.severity = "high";
        rule.threshold = new BigDecimal("20000.5");
        rule.minInvocations = 20;
        rule.factor = new BigDecimal("3");
        rule.baselineWindows = 12;
        rule.minVolume = new BigDecimal("0.25");
        rule.minElapsedMillis = 60_000L;
        rule.accounts = new String[] {"455216685514", "186865326045"};
        rule.models = new String[] {"anthropic.claude-*"};
        rule.arnContains = "SupportAgent";

        RuleHit hit = RuleHit.start(rule, "support", 1_763_510_400_000L);
        hit.eventTime = 1_763_510_412_345L;
        hit.accountId = "455216685514";
        hit.invocations = 7;
        hit.errors = 2;
        hit.unpriced = 1;
        hit.inputTokens = 12_345;
        hit.outputTokens = 678;
        hit.totalTokens = 13_100;
        hit.costUsd = new BigDecimal("0.123456789012");
        hit.latencyCount = 6;
        hit.latencySumMs = 98_765;
        hit.generations = 4;
        hit.generationLatencySumMs = 91_000;
        hit.generationOutputTokens = 3_456;
        hit.latency.add(0);
        hit.latency.add(1_234);
        hit.latency.add(25_000);
        hit.contributors.add(
                "arn:aws:sts::455216685514:assumed-role/SupportAgent/session-1",
                new BigDecimal("0.1"),
                3);
        hit.contributors.add(null, null, 4);
        hit.contributors.approximate = true;
        return hit;
    }
}
