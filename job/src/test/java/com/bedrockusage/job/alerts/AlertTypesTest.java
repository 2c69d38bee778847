package com.bedrockusage.job.alerts;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.api.Test;

/** Everything that crosses an operator boundary or lives in state must be a Flink POJO (generic types are off). */
class AlertTypesTest {

    @Test
    void shouldSerializeRulesAndHitsAsPojos() {
        assertSerializedAsPojoWithoutKryo(AlertRule.class);
        assertSerializedAsPojoWithoutKryo(RuleSet.class);
        assertSerializedAsPojoWithoutKryo(RuleHit.class);
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
