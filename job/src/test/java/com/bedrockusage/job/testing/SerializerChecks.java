package com.bedrockusage.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** The checks every explicit serializer of the job passes. */
public final class SerializerChecks {

    /** How a test compares a value read back with the one written. */
    public interface Same<T> {
        void check(T actual, T expected) throws Exception;
    }

    private SerializerChecks() {}

    /**
     * Writes all values into one stream, reads them back in order, and expects the stream to be
     * used up exactly.
     */
    public static <T> void assertRoundTrip(
            TypeSerializer<T> serializer, List<T> values, Same<T> same) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(serialized(serializer, values));
        for (T value : values) {
            same.check(serializer.deserialize(in), value);
        }
        assertThat(in.available()).isZero();
    }

    /** {@code copy(source, target)} reproduces the serialized bytes of all values exactly. */
    public static <T> void assertStreamCopyIsByteForByte(
            TypeSerializer<T> serializer, List<T> values) throws Exception {
        byte[] original = serialized(serializer, values);
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
    public static <T> void assertRestoresToItself(TypeSerializer<T> serializer) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<T> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        SerializerChecks.class.getClassLoader());

        assertThat(restored.restoreSerializer()).isSameAs(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAsIs())
                .isTrue();
    }

    private static <T> byte[] serialized(TypeSerializer<T> serializer, List<T> values)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (T value : values) {
            serializer.serialize(value, out);
        }
        return out.getCopyOfBuffer();
    }
}
