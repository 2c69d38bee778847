package com.bedrockusage.job.usage;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** {@link UsageAccumulator} with {@link UsageAccumulatorSerializer}; attached to the class by {@code @TypeInfo}. */
public final class UsageAccumulatorTypeInfo extends TypeInformation<UsageAccumulator> {

    private static final long serialVersionUID = 1L;
    public static final UsageAccumulatorTypeInfo INSTANCE = new UsageAccumulatorTypeInfo();

    private UsageAccumulatorTypeInfo() {}

    /** What {@code TypeInformation.of(UsageAccumulator.class)} consults. */
    public static final class Factory extends TypeInfoFactory<UsageAccumulator> {
        @Override
        public TypeInformation<UsageAccumulator> createTypeInfo(Type t,
                Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

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
    public Class<UsageAccumulator> getTypeClass() {
        return UsageAccumulator.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings("deprecation")
    public TypeSerializer<UsageAccumulator> createSerializer(ExecutionConfig config) {
        return UsageAccumulatorSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "UsageAccumulator(explicit)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof UsageAccumulatorTypeInfo;
    }

    @Override
    public int hashCode() {
        return UsageAccumulatorTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof UsageAccumulatorTypeInfo;
    }
}
