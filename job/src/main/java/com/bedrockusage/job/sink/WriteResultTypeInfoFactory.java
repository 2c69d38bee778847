package com.bedrockusage.job.sink;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.flink.sink.FlinkWriteResult;

/**
 * An explicit serializer for the write results the Iceberg sink passes from its writers to its
 * committer. Iceberg declares them as a generic type, which would need Kryo; the job disables
 * generic types so that none of its own hot types can silently fall back to Kryo. The results are
 * {@code Serializable}, small (file metadata, once per checkpoint and writer) and never kept in
 * state, so Java serialization is enough. Registered through {@code pipeline.serialization-config}
 * by {@link #register}.
 */
public final class WriteResultTypeInfoFactory extends TypeInfoFactory<FlinkWriteResult> {

    /** The {@code pipeline.serialization-config} entry that registers this factory. */
    public static final String SERIALIZATION_CONFIG_ENTRY =
            FlinkWriteResult.class.getName()
                    + ": {type: typeinfo, class: "
                    + WriteResultTypeInfoFactory.class.getName()
                    + "}";

    /** True once this factory is registered in this JVM. */
    public static boolean isRegistered() {
        return TypeExtractor.createTypeInfo(FlinkWriteResult.class) instanceof WriteResultTypeInfo;
    }

    @Override
    public TypeInformation<FlinkWriteResult> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new WriteResultTypeInfo();
    }

    /** The type information: not a POJO, not a key, one opaque field. */
    public static final class WriteResultTypeInfo extends ExplicitTypeInfo<FlinkWriteResult> {
        private static final long serialVersionUID = 1L;

        WriteResultTypeInfo() {
            super(FlinkWriteResult.class, WriteResultSerializer.INSTANCE, false);
        }
    }

    /** Length-prefixed Java serialization. */
    public static final class WriteResultSerializer
            extends TypeSerializerSingleton<FlinkWriteResult> {
        private static final long serialVersionUID = 1L;
        static final WriteResultSerializer INSTANCE = new WriteResultSerializer();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public FlinkWriteResult createInstance() {
            return null;
        }

        @Override
        public FlinkWriteResult copy(FlinkWriteResult from) {
            try {
                return InstantiationUtil.clone(
                        from, Thread.currentThread().getContextClassLoader());
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot copy an Iceberg write result", e);
            }
        }

        @Override
        public FlinkWriteResult copy(FlinkWriteResult from, FlinkWriteResult reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(FlinkWriteResult record, DataOutputView target) throws IOException {
            byte[] bytes = InstantiationUtil.serializeObject(record);
            target.writeInt(bytes.length);
            target.write(bytes);
        }

        @Override
        public FlinkWriteResult deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            try {
                return InstantiationUtil.deserializeObject(
                        bytes, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("cannot read an Iceberg write result", e);
            }
        }

        @Override
        public FlinkWriteResult deserialize(FlinkWriteResult reuse, DataInputView source)
                throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int length = source.readInt();
            target.writeInt(length);
            target.write(source, length);
        }

        @Override
        public TypeSerializerSnapshot<FlinkWriteResult> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Snapshot for savepoint compatibility checks. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<FlinkWriteResult> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
