package com.bedrockusage.job.state;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * {@code String} with {@link Utf8StringSerializer}: for the job's String state keys (keyBy keys, map-state keys), which
 * every heap checkpoint writes out in full. Keys hash and compare as plain Strings, so partitioning is unchanged.
 */
public final class Utf8StringTypeInfo extends TypeInformation<String> {

    private static final long serialVersionUID = 1L;
    public static final Utf8StringTypeInfo INSTANCE = new Utf8StringTypeInfo();

    private Utf8StringTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    @SuppressWarnings("deprecation")
    public TypeSerializer<String> createSerializer(ExecutionConfig config) {
        return Utf8StringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "String(utf-8)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Utf8StringTypeInfo;
    }

    @Override
    public int hashCode() {
        return Utf8StringTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof Utf8StringTypeInfo;
    }
}
