package com.bedrockusage.job.model;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import com.bedrockusage.job.state.ExplicitTypeInfoFactory;

/**
 * {@link Invocation} with {@link InvocationSerializer}; attached to the class by {@code @TypeInfo}.
 */
public final class InvocationTypeInfo extends ExplicitTypeInfo<Invocation> {

    private static final long serialVersionUID = 1L;
    public static final InvocationTypeInfo INSTANCE = new InvocationTypeInfo();

    private InvocationTypeInfo() {
        super(Invocation.class, InvocationSerializer.INSTANCE, false);
    }

    /** What {@code TypeInformation.of(Invocation.class)} consults. */
    public static final class Factory extends ExplicitTypeInfoFactory<Invocation> {
        public Factory() {
            super(INSTANCE);
        }
    }
}
