package com.bedrockusage.job.usage;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * {@link UsageAccumulator} with {@link UsageAccumulatorSerializer}; attached to the class by
 * {@code @TypeInfo}.
 */
public final class UsageAccumulatorTypeInfo extends ExplicitTypeInfo<UsageAccumulator> {

    private static final long serialVersionUID = 1L;
    public static final UsageAccumulatorTypeInfo INSTANCE = new UsageAccumulatorTypeInfo();

    private UsageAccumulatorTypeInfo() {
        super(UsageAccumulator.class, UsageAccumulatorSerializer.INSTANCE, false);
    }

    /** What {@code TypeInformation.of(UsageAccumulator.class)} consults. */
    public static final class Factory extends TypeInfoFactory<UsageAccumulator> {
        @Override
        public TypeInformation<UsageAccumulator> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
