package com.bedrockusage.job.model;

import static com.bedrockusage.job.state.CompactEncoding.readDecimal;
import static com.bedrockusage.job.state.CompactEncoding.readNullableLong;
import static com.bedrockusage.job.state.CompactEncoding.readString;
import static com.bedrockusage.job.state.CompactEncoding.readStrings;
import static com.bedrockusage.job.state.CompactEncoding.readZigZag;
import static com.bedrockusage.job.state.CompactEncoding.writeDecimal;
import static com.bedrockusage.job.state.CompactEncoding.writeNullableLong;
import static com.bedrockusage.job.state.CompactEncoding.writeString;
import static com.bedrockusage.job.state.CompactEncoding.writeStrings;
import static com.bedrockusage.job.state.CompactEncoding.writeZigZag;

import com.bedrockusage.job.state.MutableRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An explicit serializer for {@link Invocation}, which every call crosses the network in twice
 * (source to the keyed chain, chain to the alert matcher). The POJO serializer reads each field by
 * reflection and builds each String character by character; this one writes the fields in a fixed
 * order with {@link com.bedrockusage.job.state.CompactEncoding}. The transient {@link
 * Invocation#usageKey} is not sent.
 */
public final class InvocationSerializer extends MutableRecordSerializer<Invocation> {

    private static final long serialVersionUID = 1L;
    public static final InvocationSerializer INSTANCE = new InvocationSerializer();

    private static final int BODIES_OFFLOADED = 1;
    private static final int PRICED = 1 << 1;

    /**
     * Set by this version: the accounting fields (tier, unit, rule) follow {@code priceRow}. A
     * record written before them (in-flight data of an unaligned checkpoint) lacks the flag and
     * reads with those fields empty.
     */
    private static final int ACCOUNTING = 1 << 2;

    @Override
    public Invocation createInstance() {
        return new Invocation();
    }

    @Override
    public Invocation copy(Invocation from) {
        Invocation c = new Invocation();
        c.requestId = from.requestId;
        c.eventTime = from.eventTime;
        c.accountId = from.accountId;
        c.region = from.region;
        c.inferenceRegion = from.inferenceRegion;
        c.callerArn = from.callerArn;
        c.operation = from.operation;
        c.modelId = from.modelId;
        c.inputTokens = from.inputTokens;
        c.outputTokens = from.outputTokens;
        c.cacheReadTokens = from.cacheReadTokens;
        c.cacheWriteTokens = from.cacheWriteTokens;
        c.cacheWrite1hTokens = from.cacheWrite1hTokens;
        c.latencyMs = from.latencyMs;
        c.firstByteLatencyMs = from.firstByteLatencyMs;
        c.errorCode = from.errorCode;
        c.metadataKeys = from.metadataKeys == null ? null : from.metadataKeys.clone();
        c.metadataValues = from.metadataValues == null ? null : from.metadataValues.clone();
        c.bodiesOffloaded = from.bodiesOffloaded;
        c.source = from.source;
        c.model = from.model;
        c.priced = from.priced;
        c.costUsd = from.costUsd;
        c.inputCostUsd = from.inputCostUsd;
        c.outputCostUsd = from.outputCostUsd;
        c.cacheReadCostUsd = from.cacheReadCostUsd;
        c.cacheWriteCostUsd = from.cacheWriteCostUsd;
        c.priceRow = from.priceRow;
        c.serviceTier = from.serviceTier;
        c.unit = from.unit;
        c.unitVariant = from.unitVariant;
        c.unitQuantity = from.unitQuantity;
        c.unitCostUsd = from.unitCostUsd;
        c.pricingRule = from.pricingRule;
        return c;
    }

    @Override
    public void serialize(Invocation inv, DataOutputView out) throws IOException {
        writeString(inv.requestId, out);
        writeZigZag(inv.eventTime, out);
        writeString(inv.accountId, out);
        writeString(inv.region, out);
        writeString(inv.inferenceRegion, out);
        writeString(inv.callerArn, out);
        writeString(inv.operation, out);
        writeString(inv.modelId, out);
        writeZigZag(inv.inputTokens, out);
        writeZigZag(inv.outputTokens, out);
        writeZigZag(inv.cacheReadTokens, out);
        writeZigZag(inv.cacheWriteTokens, out);
        writeZigZag(inv.cacheWrite1hTokens, out);
        writeNullableLong(inv.latencyMs, out);
        writeNullableLong(inv.firstByteLatencyMs, out);
        writeString(inv.errorCode, out);
        writeStrings(inv.metadataKeys, out);
        writeStrings(inv.metadataValues, out);
        out.writeByte(
                (inv.bodiesOffloaded ? BODIES_OFFLOADED : 0)
                        | (inv.priced ? PRICED : 0)
                        | ACCOUNTING);
        writeString(inv.source, out);
        writeString(inv.model, out);
        writeDecimal(inv.costUsd, out);
        writeDecimal(inv.inputCostUsd, out);
        writeDecimal(inv.outputCostUsd, out);
        writeDecimal(inv.cacheReadCostUsd, out);
        writeDecimal(inv.cacheWriteCostUsd, out);
        writeString(inv.priceRow, out);
        writeString(inv.serviceTier, out);
        writeString(inv.unit, out);
        writeString(inv.unitVariant, out);
        writeZigZag(inv.unitQuantity, out);
        writeDecimal(inv.unitCostUsd, out);
        writeString(inv.pricingRule, out);
    }

    @Override
    public Invocation deserialize(DataInputView in) throws IOException {
        Invocation inv = new Invocation();
        inv.requestId = readString(in);
        inv.eventTime = readZigZag(in);
        inv.accountId = readString(in);
        inv.region = readString(in);
        inv.inferenceRegion = readString(in);
        inv.callerArn = readString(in);
        inv.operation = readString(in);
        inv.modelId = readString(in);
        inv.inputTokens = readZigZag(in);
        inv.outputTokens = readZigZag(in);
        inv.cacheReadTokens = readZigZag(in);
        inv.cacheWriteTokens = readZigZag(in);
        inv.cacheWrite1hTokens = readZigZag(in);
        inv.latencyMs = readNullableLong(in);
        inv.firstByteLatencyMs = readNullableLong(in);
        inv.errorCode = readString(in);
        inv.metadataKeys = readStrings(in);
        inv.metadataValues = readStrings(in);
        int flags = in.readUnsignedByte();
        inv.bodiesOffloaded = (flags & BODIES_OFFLOADED) != 0;
        inv.priced = (flags & PRICED) != 0;
        inv.source = readString(in);
        inv.model = readString(in);
        inv.costUsd = readDecimal(in);
        inv.inputCostUsd = readDecimal(in);
        inv.outputCostUsd = readDecimal(in);
        inv.cacheReadCostUsd = readDecimal(in);
        inv.cacheWriteCostUsd = readDecimal(in);
        inv.priceRow = readString(in);
        if ((flags & ACCOUNTING) != 0) {
            inv.serviceTier = readString(in);
            inv.unit = readString(in);
            inv.unitVariant = readString(in);
            inv.unitQuantity = readZigZag(in);
            inv.unitCostUsd = readDecimal(in);
            inv.pricingRule = readString(in);
        }
        return inv;
    }

    @Override
    public TypeSerializerSnapshot<Invocation> snapshotConfiguration() {
        return new InvocationSerializerSnapshot();
    }

    /** Stateless: restores to the singleton. */
    public static final class InvocationSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<Invocation> {
        public InvocationSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
