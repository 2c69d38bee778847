package com.bedrockusage.job.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Strings as a length and their UTF-8 bytes, written in one call. Flink's own {@code
 * StringSerializer} writes every character on its own, which is cheap into a network buffer but not
 * into a checkpoint stream, where each byte passes through several stream layers: on the heap
 * backend, every snapshot writes every state key (usage keys, requestIds) and every timer's key, so
 * that cost grows with the state. The format is {@link CompactEncoding#writeString}'s.
 */
public final class Utf8StringSerializer extends TypeSerializerSingleton<String> {

    private static final long serialVersionUID = 1L;
    public static final Utf8StringSerializer INSTANCE = new Utf8StringSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String value, DataOutputView target) throws IOException {
        CompactEncoding.writeString(value, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return CompactEncoding.readString(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        CompactEncoding.copyString(source, target);
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new Utf8StringSerializerSnapshot();
    }

    /**
     * Stateless: restores to the singleton. State written by Flink's {@code StringSerializer}
     * (savepoints of versions before this serializer) stays in that format: Flink cannot migrate
     * keys, so it keeps using that serializer.
     */
    public static final class Utf8StringSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<String> {
        public Utf8StringSerializerSnapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<String> resolveSchemaCompatibility(
                TypeSerializerSnapshot<String> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof StringSerializer.StringSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                        StringSerializer.INSTANCE);
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
