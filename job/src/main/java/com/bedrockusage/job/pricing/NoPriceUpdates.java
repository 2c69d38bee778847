package com.bedrockusage.job.pricing;

import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * The price-update input of a continuous job without an updates directory: emits nothing, never
 * finishes and is idle, so it neither holds back event time nor pushes it to the end of time.
 */
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
