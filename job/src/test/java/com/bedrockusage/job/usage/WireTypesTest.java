package com.bedrockusage.job.usage;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.pricing.PriceUpdate;
import org.junit.jupiter.api.Test;

/** Every type the dedup, pricing and usage stages put on the wire or in state is a Flink POJO, without Kryo. */
class WireTypesTest {

    @Test
    void shouldSerializeEveryStageTypeAsAPojoWithoutKryo() {
        assertSerializedAsPojoWithoutKryo(Invocation.class);
        assertSerializedAsPojoWithoutKryo(PriceUpdate.class);
        assertSerializedAsPojoWithoutKryo(LatencySketch.class);
        assertSerializedAsPojoWithoutKryo(UsageAccumulator.class);
        assertSerializedAsPojoWithoutKryo(UsageRow.class);
        assertSerializedAsPojoWithoutKryo(DailyInput.class);
    }
}
