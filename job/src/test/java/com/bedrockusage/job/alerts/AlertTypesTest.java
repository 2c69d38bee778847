package com.bedrockusage.job.alerts;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.alerts.evaluate.RuleHitSerializer;
import com.bedrockusage.job.alerts.evaluate.RuleHitTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;

/**
 * Everything that crosses an operator boundary or lives in state must be a Flink POJO or have an
 * explicit serializer (generic types are off).
 */
class AlertTypesTest {

    @Test
    void shouldSerializeRulesAsPojos() {
        assertSerializedAsPojoWithoutKryo(AlertRule.class);
        assertSerializedAsPojoWithoutKryo(RuleSet.class);
    }

    @Test
    void shouldSerializeHitsWithTheirOwnSerializer() {
        assertThat(TypeInformation.of(RuleHit.class)).isSameAs(RuleHitTypeInfo.INSTANCE);
        assertThat(TypeInformation.of(RuleHit.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(RuleHitSerializer.INSTANCE);
    }

    @Test
    void shouldSerializeEvaluatorStateAsPojos() {
        assertSerializedAsPojoWithoutKryo(WindowAccumulator.class);
        assertSerializedAsPojoWithoutKryo(KeyMeta.class);
        assertSerializedAsPojoWithoutKryo(Contributors.class);
    }

    @Test
    void shouldSerializeAlertsAndOutcomesAsPojos() {
        assertSerializedAsPojoWithoutKryo(Alert.class);
        assertSerializedAsPojoWithoutKryo(Contributor.class);
        assertSerializedAsPojoWithoutKryo(DeliveredAlert.class);
    }
}
