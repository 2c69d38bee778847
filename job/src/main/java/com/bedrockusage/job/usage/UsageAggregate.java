package com.bedrockusage.job.usage;

import com.bedrockusage.job.model.Invocation;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds priced invocations into a {@link UsageAccumulator}: window state stays one accumulator per
 * key and window.
 */
public class UsageAggregate
        implements AggregateFunction<Invocation, UsageAccumulator, UsageAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public UsageAccumulator createAccumulator() {
        return new UsageAccumulator();
    }

    @Override
    public UsageAccumulator add(Invocation invocation, UsageAccumulator acc) {
        return acc.add(invocation);
    }

    @Override
    public UsageAccumulator getResult(UsageAccumulator acc) {
        return acc;
    }

    @Override
    public UsageAccumulator merge(UsageAccumulator a, UsageAccumulator b) {
        return a.merge(b);
    }
}
