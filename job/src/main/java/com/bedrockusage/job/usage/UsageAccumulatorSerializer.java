package com.bedrockusage.job.usage;

import static com.bedrockusage.job.state.CompactEncoding.readDecimal;
import static com.bedrockusage.job.state.CompactEncoding.readVarLong;
import static com.bedrockusage.job.state.CompactEncoding.readZigZag;
import static com.bedrockusage.job.state.CompactEncoding.writeDecimal;
import static com.bedrockusage.job.state.CompactEncoding.writeVarLong;
import static com.bedrockusage.job.state.CompactEncoding.writeZigZag;

import com.bedrockusage.job.state.MutableRecordSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An explicit serializer for the usage window accumulators, the bulk of the job's state. Flink's
 * POJO serializer reads each field by reflection and writes it through the target stream piece by
 * piece; on the heap backend every checkpoint writes every open window this way. This one encodes
 * an accumulator into a buffer (variable-length numbers, exact decimals as scale and unscaled
 * value) and writes it as one length-prefixed block.
 *
 * <p>Block: a flags byte (which of latency min, max and sketch are present), the counters, the
 * decimals, latency min/max and the sketch, in {@link com.bedrockusage.job.state.CompactEncoding}'s
 * formats.
 */
public final class UsageAccumulatorSerializer extends MutableRecordSerializer<UsageAccumulator> {

    private static final long serialVersionUID = 1L;
    public static final UsageAccumulatorSerializer INSTANCE = new UsageAccumulatorSerializer();

    private static final int LATENCY_MIN = 1;
    private static final int LATENCY_MAX = 1 << 1;
    private static final int SKETCH = 1 << 2;
    private static final ThreadLocal<DataOutputSerializer> OUT =
            ThreadLocal.withInitial(() -> new DataOutputSerializer(256));
    private static final ThreadLocal<DataInputDeserializer> IN =
            ThreadLocal.withInitial(DataInputDeserializer::new);

    @Override
    public UsageAccumulator createInstance() {
        return new UsageAccumulator();
    }

    @Override
    public UsageAccumulator copy(UsageAccumulator from) {
        return from.copy();
    }

    @Override
    public void serialize(UsageAccumulator acc, DataOutputView target) throws IOException {
        DataOutputSerializer out = OUT.get();
        out.clear();
        encode(acc, out);
        writeVarLong(out.length(), target);
        target.write(out.getSharedBuffer(), 0, out.length());
    }

    @Override
    public UsageAccumulator deserialize(DataInputView source) throws IOException {
        byte[] block = new byte[(int) readVarLong(source)];
        source.readFully(block);
        DataInputDeserializer in = IN.get();
        in.setBuffer(block);
        return decode(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        long length = readVarLong(source);
        byte[] block = new byte[(int) length];
        source.readFully(block);
        writeVarLong(length, target);
        target.write(block);
    }

    static void encode(UsageAccumulator acc, DataOutputView out) throws IOException {
        int flags =
                (acc.latencyMinMs != null ? LATENCY_MIN : 0)
                        | (acc.latencyMaxMs != null ? LATENCY_MAX : 0)
                        | (acc.latency != null ? SKETCH : 0);
        out.writeByte(flags);
        writeZigZag(acc.invocations, out);
        writeZigZag(acc.errors, out);
        writeZigZag(acc.inputTokens, out);
        writeZigZag(acc.outputTokens, out);
        writeZigZag(acc.cacheReadTokens, out);
        writeZigZag(acc.cacheWriteTokens, out);
        writeZigZag(acc.unpricedInvocations, out);
        writeZigZag(acc.latencyCount, out);
        writeZigZag(acc.latencySumMs, out);
        writeDecimal(acc.costUsd, out);
        writeDecimal(acc.inputCostUsd, out);
        writeDecimal(acc.outputCostUsd, out);
        writeDecimal(acc.cacheReadCostUsd, out);
        writeDecimal(acc.cacheWriteCostUsd, out);
        if (acc.latencyMinMs != null) {
            writeZigZag(acc.latencyMinMs, out);
        }
        if (acc.latencyMaxMs != null) {
            writeZigZag(acc.latencyMaxMs, out);
        }
        if (acc.latency != null) {
            acc.latency.write(out);
        }
    }

    static UsageAccumulator decode(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        UsageAccumulator acc = new UsageAccumulator();
        acc.invocations = readZigZag(in);
        acc.errors = readZigZag(in);
        acc.inputTokens = readZigZag(in);
        acc.outputTokens = readZigZag(in);
        acc.cacheReadTokens = readZigZag(in);
        acc.cacheWriteTokens = readZigZag(in);
        acc.unpricedInvocations = readZigZag(in);
        acc.latencyCount = readZigZag(in);
        acc.latencySumMs = readZigZag(in);
        acc.costUsd = readDecimal(in);
        acc.inputCostUsd = readDecimal(in);
        acc.outputCostUsd = readDecimal(in);
        acc.cacheReadCostUsd = readDecimal(in);
        acc.cacheWriteCostUsd = readDecimal(in);
        acc.latencyMinMs = (flags & LATENCY_MIN) != 0 ? Long.valueOf(readZigZag(in)) : null;
        acc.latencyMaxMs = (flags & LATENCY_MAX) != 0 ? Long.valueOf(readZigZag(in)) : null;
        acc.latency = (flags & SKETCH) != 0 ? LatencySketch.read(in) : null;
        return acc;
    }

    @Override
    public TypeSerializerSnapshot<UsageAccumulator> snapshotConfiguration() {
        return new UsageAccumulatorSerializerSnapshot();
    }

    /**
     * Stateless: restores to the singleton. Accumulators written by the POJO serializer (savepoints
     * of versions before this serializer) are migrated: read with the old serializer, written with
     * this one from the next checkpoint.
     */
    public static final class UsageAccumulatorSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<UsageAccumulator> {
        public UsageAccumulatorSerializerSnapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<UsageAccumulator> resolveSchemaCompatibility(
                TypeSerializerSnapshot<UsageAccumulator> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof PojoSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
