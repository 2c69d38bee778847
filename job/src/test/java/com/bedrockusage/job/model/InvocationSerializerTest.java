package com.bedrockusage.job.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.SerializerContract;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class InvocationSerializerTest extends SerializerContract<Invocation> {

    private static final InvocationSerializer SERIALIZER = InvocationSerializer.INSTANCE;

    InvocationSerializerTest() {
        super(SERIALIZER, InvocationSerializerTest::assertSameFields);
    }

    @Test
    void shouldNotSendTheUsageKey() throws IOException {
        Invocation call = full();
        call.usageKey = "cached";
        DataOutputSerializer out = new DataOutputSerializer(16);
        SERIALIZER.serialize(call, out);

        assertThat(
                        SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))
                                .usageKey)
                .isNull();
    }

    @Test
    void shouldReadARecordWrittenBeforeTheAccountingFields() throws Exception {
        Invocation call = full();
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(call, out);
        byte[] bytes = out.getCopyOfBuffer();
        // The previous build wrote the same bytes up to priceRow, without the accounting flag and
        // fields after it.
        DataOutputSerializer old = new DataOutputSerializer(256);
        Invocation legacy = full();
        legacy.serviceTier = null;
        legacy.unit = null;
        legacy.unitVariant = null;
        legacy.unitQuantity = 0;
        legacy.unitCostUsd = null;
        legacy.pricingRule = null;
        SERIALIZER.serialize(legacy, old);
        byte[] legacyBytes = old.getCopyOfBuffer();
        int flagsAt = flagsOffset(legacyBytes, legacy);
        legacyBytes[flagsAt] &= ~(1 << 2);
        byte[] truncated = Arrays.copyOf(legacyBytes, legacyBytes.length - accountingBytes(legacy));

        Invocation read = SERIALIZER.deserialize(new DataInputDeserializer(truncated));

        assertSameFields(read, legacy);
        assertThat(bytes.length).isGreaterThan(truncated.length);
    }

    private static int accountingBytes(Invocation call) throws IOException {
        DataOutputSerializer tail = new DataOutputSerializer(64);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.serviceTier, tail);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.unit, tail);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.unitVariant, tail);
        com.bedrockusage.job.state.CompactEncoding.writeZigZag(call.unitQuantity, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.unitCostUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.pricingRule, tail);
        return tail.length();
    }

    /**
     * Where the flags byte is: the flags byte is followed by source, model, 5 decimals, priceRow
     * and the rest.
     */
    private static int flagsOffset(byte[] all, Invocation call) throws IOException {
        DataOutputSerializer tail = new DataOutputSerializer(256);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.source, tail);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.model, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.costUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.inputCostUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.outputCostUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.cacheReadCostUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeDecimal(call.cacheWriteCostUsd, tail);
        com.bedrockusage.job.state.CompactEncoding.writeString(call.priceRow, tail);
        return all.length - tail.length() - accountingBytes(call) - 1;
    }

    /**
     * Compares every instance field (transient ones excepted) by reflection, so a field added to
     * {@link Invocation} but not to the serializer fails here.
     */
    private static void assertSameFields(Invocation actual, Invocation expected)
            throws IllegalAccessException {
        for (Field field : Invocation.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                continue;
            }
            Object a = field.get(actual);
            Object e = field.get(expected);
            if (e instanceof String[]) {
                assertThat((String[]) a).as(field.getName()).isEqualTo((String[]) e);
            } else {
                assertThat(a).as(field.getName()).isEqualTo(e);
            }
        }
    }

    /**
     * Every field set to a value that differs from its default, so a field the serializer drops is
     * noticed.
     */
    private static Invocation full() {
        Invocation inv = new Invocation();
        inv.requestId = "0f9c7b1e-3f7a-4c55-9a0e-2b6f1c1d2e3f";
        inv.eventTime = 1_763_510_400_123L;
        inv.accountId = "455216685514";
        inv.region = "us-east-1";
        inv.inferenceRegion = "us-west-2";
        inv.callerArn = "arn:aws:sts::455216685514:assumed-role/App/session-é";
        inv.operation = "Converse";
        inv.modelId = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
        inv.inputTokens = 1_234;
        inv.outputTokens = 567;
        inv.cacheReadTokens = 89;
        inv.cacheWriteTokens = 10;
        inv.cacheWrite1hTokens = 4;
        inv.latencyMs = 2_345L;
        inv.firstByteLatencyMs = 456L;
        inv.errorCode = "ThrottlingException";
        inv.metadataKeys = new String[] {"app", "team"};
        inv.metadataValues = new String[] {"support-bot", null};
        inv.bodiesOffloaded = true;
        inv.source = Invocation.SOURCE_KINESIS;
        inv.model = "anthropic.claude-sonnet-4-5";
        inv.priced = true;
        inv.costUsd = new BigDecimal("0.012345678901");
        inv.inputCostUsd = new BigDecimal("0.003702000000");
        inv.outputCostUsd = new BigDecimal("0.008505");
        inv.cacheReadCostUsd = new BigDecimal(BigInteger.TEN.pow(30), 12);
        inv.cacheWriteCostUsd = BigDecimal.valueOf(-5, -2);
        inv.priceRow = "anthropic.claude-sonnet-4-5|us-east-1|2025-09-29";
        inv.serviceTier = "priority";
        inv.unit = "image";
        inv.unitVariant = "premium-1024x1024";
        inv.unitQuantity = 3;
        inv.unitCostUsd = new BigDecimal("0.24");
        inv.pricingRule = "unit";
        return inv;
    }

    @Override
    protected List<Invocation> shapes() throws IllegalAccessException {
        List<Invocation> shapes = new ArrayList<>();
        Invocation full = full();
        for (Field field : Invocation.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers)
                    || Modifier.isTransient(modifiers)
                    || field.getType().isPrimitive()) {
                continue;
            }
            assertThat(field.get(full)).as("full() sets " + field.getName()).isNotNull();
        }
        shapes.add(full);
        shapes.add(new Invocation());

        Invocation nulls = new Invocation();
        nulls.metadataKeys = null;
        nulls.metadataValues = null;
        nulls.eventTime = Long.MIN_VALUE;
        nulls.inputTokens = Long.MAX_VALUE;
        nulls.outputTokens = -1;
        shapes.add(nulls);

        Invocation longText = full();
        longText.callerArn = "x".repeat(70_000);
        longText.metadataKeys = new String[0];
        longText.metadataValues = new String[0];
        longText.latencyMs = Long.MIN_VALUE;
        shapes.add(longText);
        assertThat(Arrays.asList(full.metadataKeys)).hasSize(2);
        return shapes;
    }
}
