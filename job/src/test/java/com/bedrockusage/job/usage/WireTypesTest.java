package com.bedrockusage.job.usage;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.InvocationTypeInfo;
import com.bedrockusage.job.pricing.PriceUpdate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;

/**
 * Every type the dedup, pricing and usage stages put on the wire or in state is a Flink POJO
 * without Kryo, or has an explicit serializer.
 */
class WireTypesTest {

    @Test
    void shouldSerializeEveryStageTypeAsAPojoWithoutKryo() {
        assertSerializedAsPojoWithoutKryo(PriceUpdate.class);
        assertSerializedAsPojoWithoutKryo(LatencySketch.class);
        assertSerializedAsPojoWithoutKryo(UsageRow.class);
        assertSerializedAsPojoWithoutKryo(DailyInput.class);
    }

    @Test
    void shouldSerializeCallsAndWindowAccumulatorsWithTheirExplicitSerializers() {
        assertThat(TypeInformation.of(Invocation.class)).isSameAs(InvocationTypeInfo.INSTANCE);
        assertThat(TypeInformation.of(UsageAccumulator.class))
                .isSameAs(UsageAccumulatorTypeInfo.INSTANCE);
    }
}
