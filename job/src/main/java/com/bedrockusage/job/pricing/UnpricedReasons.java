package com.bedrockusage.job.pricing;

import com.bedrockusage.pricing.PricingRules;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One counter per unpriced reason ({@link PricingRules#UNPRICED_REASONS}), named {@code
 * unpriced_<reason>} (e.g. {@code unpriced_no_price_for_tier}), beside the total {@value
 * com.bedrockusage.job.MetricNames#UNPRICED}. Registered up front so an alarm can watch a reason
 * before its first call.
 */
final class UnpricedReasons {

    static final String PREFIX = "unpriced_";

    private final Map<String, Counter> byReason = new HashMap<>();

    UnpricedReasons(MetricGroup group) {
        for (String reason : PricingRules.UNPRICED_REASONS) {
            byReason.put(reason, group.counter(metricName(reason)));
        }
    }

    static String metricName(String reason) {
        return PREFIX + reason;
    }

    void count(String reason) {
        Counter counter = byReason.get(reason);
        if (counter != null) {
            counter.inc();
        }
    }
}
