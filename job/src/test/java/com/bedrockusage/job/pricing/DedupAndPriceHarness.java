package com.bedrockusage.job.pricing;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import com.bedrockusage.job.testing.KeyedBroadcastHarness;
import com.bedrockusage.job.usage.UsageKey;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;

/** {@link DedupAndPrice} in a test harness, keyed by usage key as the job keys it. */
final class DedupAndPriceHarness {

    private DedupAndPriceHarness() {}

    /** Not opened yet: a test may restore state first. */
    static KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> of(
            DedupAndPrice function, CapturedMetrics metrics) throws Exception {
        return KeyedBroadcastHarness.of(
                function,
                metrics.environment(),
                new UsageKey.Selector(),
                Types.STRING,
                DedupAndPrice.PRICE_ROWS);
    }

    /** Feeds {@code inv} at its event time and returns the last call the operator emitted. */
    static Invocation priceLast(
            KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness,
            Invocation inv)
            throws Exception {
        harness.processElement(inv, inv.eventTime);
        List<Invocation> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }
}
