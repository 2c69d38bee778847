package com.bedrockusage.job.state;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What a type's {@code @TypeInfo} annotation names: hands out the type's one {@link
 * ExplicitTypeInfo}, so {@code TypeInformation.of(type)} returns that instance.
 */
public abstract class ExplicitTypeInfoFactory<T> extends TypeInfoFactory<T> {

    private final ExplicitTypeInfo<T> typeInfo;

    protected ExplicitTypeInfoFactory(ExplicitTypeInfo<T> typeInfo) {
        this.typeInfo = typeInfo;
    }

    @Override
    public final TypeInformation<T> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return typeInfo;
    }
}
