package com.bedrockusage.job.testing;

import java.util.Arrays;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * A keyed broadcast harness in a given environment (Flink's own {@code
 * KeyedBroadcastOperatorTestHarness} cannot take one, so its metrics cannot be observed).
 */
public final class KeyedBroadcastHarness<K, IN1, IN2, OUT>
        extends AbstractStreamOperatorTestHarness<OUT> {

    private final CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> twoInput;

    private KeyedBroadcastHarness(
            CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> operator,
            MockEnvironment env,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType)
            throws Exception {
        super(operator, env);
        this.twoInput = operator;
        config.setStatePartitioner(0, keySelector);
        config.setStateKeySerializer(
                keyType.createSerializer(executionConfig.getSerializerConfig()));
        config.serializeAllConfigs();
    }

    public static <K, IN1, IN2, OUT> KeyedBroadcastHarness<K, IN1, IN2, OUT> of(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            MockEnvironment env,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType,
            MapStateDescriptor<?, ?>... descriptors)
            throws Exception {
        return new KeyedBroadcastHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, Arrays.asList(descriptors)),
                env,
                keySelector,
                keyType);
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        StreamRecord<IN1> record = new StreamRecord<>(value, timestamp);
        twoInput.setKeyContextElement1(record);
        twoInput.processElement1(record);
    }

    /**
     * The same watermark on both inputs, so the operator's combined watermark is {@code timestamp}.
     */
    public void processWatermark(long timestamp) throws Exception {
        twoInput.processWatermark1(new Watermark(timestamp));
        twoInput.processWatermark2(new Watermark(timestamp));
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        StreamRecord<IN2> record = new StreamRecord<>(value, timestamp);
        twoInput.processElement2(record);
    }
}
