package com.bedrockusage.job.usage.testing;

import java.util.Arrays;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * A non-keyed broadcast harness in a given environment (Flink's own {@code BroadcastOperatorTestHarness} cannot take
 * one, so its metrics cannot be observed).
 */
public final class BroadcastHarness<IN1, IN2, OUT> extends AbstractStreamOperatorTestHarness<OUT> {

    private final CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> twoInput;

    private BroadcastHarness(CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> operator, MockEnvironment env)
            throws Exception {
        super(operator, env);
        this.twoInput = operator;
    }

    public static <IN1, IN2, OUT> BroadcastHarness<IN1, IN2, OUT> of(BroadcastProcessFunction<IN1, IN2, OUT> function,
            MockEnvironment env, MapStateDescriptor<?, ?>... descriptors) throws Exception {
        return new BroadcastHarness<>(new CoBroadcastWithNonKeyedOperator<>(function, Arrays.asList(descriptors)),
                env);
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        StreamRecord<IN1> record = new StreamRecord<>(value, timestamp);
        twoInput.setKeyContextElement1(record);
        twoInput.processElement1(record);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        StreamRecord<IN2> record = new StreamRecord<>(value, timestamp);
        twoInput.setKeyContextElement2(record);
        twoInput.processElement2(record);
    }
}
