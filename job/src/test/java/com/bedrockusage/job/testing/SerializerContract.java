package com.bedrockusage.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The tests every explicit serializer of the job passes; a serializer's test class extends this
 * with its serializer, how to compare a value read back with the one written, and values of every
 * shape.
 */
public abstract class SerializerContract<T> {

    /** How a test compares a value read back or copied with the one written. */
    public interface Same<T> {
        void check(T actual, T expected) throws Exception;
    }

    private final TypeSerializer<T> serializer;
    private final Same<T> same;

    protected SerializerContract(TypeSerializer<T> serializer, Same<T> same) {
        this.serializer = serializer;
        this.same = same;
    }

    /** Values of every shape the format must tell apart; they are also written in one stream. */
    protected abstract List<T> shapes() throws Exception;

    /**
     * Writes all shapes into one stream, reads them back in order, and expects the stream to be
     * used up exactly.
     */
    @Test
    void shouldRoundTripEveryShapeInOneStream() throws Exception {
        List<T> values = shapes();
        DataInputDeserializer in = new DataInputDeserializer(serialized(values));
        for (T value : values) {
            same.check(serializer.deserialize(in), value);
        }
        assertThat(in.available()).isZero();
    }

    /** A mutable value's copy is a new instance. */
    @Test
    void shouldCopyEveryShapeIntoANewInstance() throws Exception {
        for (T value : shapes()) {
            T copy = serializer.copy(value);
            if (!serializer.isImmutableType()) {
                assertThat(copy).isNotSameAs(value);
            }
            same.check(copy, value);
        }
    }

    /** {@code copy(source, target)} reproduces the serialized bytes of all shapes exactly. */
    @Test
    void shouldCopyFromStreamToStreamByteForByte() throws Exception {
        List<T> values = shapes();
        byte[] original = serialized(values);
        DataInputDeserializer in = new DataInputDeserializer(original);
        DataOutputSerializer copied = new DataOutputSerializer(16);
        for (int i = 0; i < values.size(); i++) {
            serializer.copy(in, copied);
        }
        assertThat(copied.getCopyOfBuffer()).isEqualTo(original);
    }

    /**
     * The serializer's snapshot, written and read back, restores the same serializer and is
     * compatible as is.
     */
    @Test
    void shouldRestoreFromItsSnapshot() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<T> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        SerializerContract.class.getClassLoader());

        assertThat(restored.restoreSerializer()).isSameAs(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAsIs())
                .isTrue();
    }

    private byte[] serialized(List<T> values) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (T value : values) {
            serializer.serialize(value, out);
        }
        return out.getCopyOfBuffer();
    }
}
