package com.bedrockusage.job.model;

import static com.bedrockusage.job.state.CompactEncoding.writeDecimal;
import static com.bedrockusage.job.state.CompactEncoding.writeString;
import static com.bedrockusage.job.state.CompactEncoding.writeZigZag;
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

        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(serialized(call))).usageKey)
                .isNull();
    }

    @Test
    void shouldReadARecordWrittenBeforeTheAccountingFields() throws Exception {
        Invocation legacy = full();
        legacy.serviceTier = null;
        legacy.unit = null;
        legacy.unitVariant = null;
        legacy.unitQuantity = 0;
        legacy.unitCostUsd = null;
        legacy.pricingRule = null;
        byte[] current = serialized(legacy);
        // The previous build wrote the same bytes up to priceRow, without the accounting flag and
        // fields after it.
        byte[] previous = Arrays.copyOf(current, current.length - accountingBytes(legacy));
        previous[flagsOffset(legacy)] &= ~(1 << 2);

        DataInputDeserializer in = new DataInputDeserializer(previous);
        Invocation read = SERIALIZER.deserialize(in);

        assertSameFields(read, legacy);
        assertThat(in.available()).as("the old record is read to its end, no further").isZero();
    }

    private static byte[] serialized(Invocation call) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(call, out);
        return out.getCopyOfBuffer();
    }

    private static int accountingBytes(Invocation call) throws IOException {
        DataOutputSerializer tail = new DataOutputSerializer(64);
        writeString(call.serviceTier, tail);
        writeString(call.unit, tail);
        writeString(call.unitVariant, tail);
        writeZigZag(call.unitQuantity, tail);
        writeDecimal(call.unitCostUsd, tail);
        writeString(call.pricingRule, tail);
        return tail.length();
    }

    /** Where the flags byte is: the only byte in which a priced and an unpriced call differ. */
    private static int flagsOffset(Invocation call) throws IOException {
        Invocation flipped = SERIALIZER.copy(call);
        flipped.priced = !call.priced;
        return Arrays.mismatch(serialized(call), serialized(flipped));
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
