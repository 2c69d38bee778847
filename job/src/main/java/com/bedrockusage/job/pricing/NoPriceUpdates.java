package com.bedrockusage.job.pricing;

import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * The price-update input of a continuous job without an updates directory: emits nothing, never
 * finishes and is idle, so it neither holds back event time nor pushes it to the end of time.
 */
// SourceFunction is deprecated in Flink 1.20, but it is the one source that can say "idle" itself;
// a FLIP-27 source that emits nothing yet never finishes needs an enumerator, a split and a reader.
@SuppressWarnings("deprecation")
public final class NoPriceUpdates implements SourceFunction<PriceUpdate> {

    private static final long serialVersionUID = 1L;

    private volatile boolean running = true;

    @Override
    public void run(SourceContext<PriceUpdate> ctx) throws Exception {
        ctx.markAsTemporarilyIdle();
        while (running) {
            Thread.sleep(1000);
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
