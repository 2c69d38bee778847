package com.bedrockusage.job.usage;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import com.bedrockusage.job.state.ExplicitTypeInfoFactory;

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
    public static final class Factory extends ExplicitTypeInfoFactory<UsageAccumulator> {
        public Factory() {
            super(INSTANCE);
        }
    }
}
