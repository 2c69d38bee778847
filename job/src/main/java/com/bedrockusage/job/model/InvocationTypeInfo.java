package com.bedrockusage.job.model;

import com.bedrockusage.job.state.ExplicitTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

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
    public static final class Factory extends TypeInfoFactory<Invocation> {
        @Override
        public TypeInformation<Invocation> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
