package com.bedrockusage.job.usage;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a window's accumulator into a {@link UsageRow} stamped with the window start and
 * granularity.
 */
public class EmitUsageRow
        extends ProcessWindowFunction<UsageAccumulator, UsageRow, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final String granularity;
    private final boolean carrySketch;

    public EmitUsageRow(String granularity) {
        this(granularity, false);
    }

    /**
     * @param carrySketch put the latency sketch on the row, for {@link DailyTotals}
     */
    public EmitUsageRow(String granularity, boolean carrySketch) {
        this.granularity = granularity;
        this.carrySketch = carrySketch;
    }

    @Override
    public void process(
            String key,
            Context ctx,
            Iterable<UsageAccumulator> accumulators,
            Collector<UsageRow> out) {
        for (UsageAccumulator acc : accumulators) {
            out.collect(UsageRow.of(key, ctx.window().getStart(), granularity, acc, carrySketch));
        }
    }
}
