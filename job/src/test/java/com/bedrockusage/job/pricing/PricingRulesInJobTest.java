package com.bedrockusage.job.pricing;

import static com.bedrockusage.job.testing.Invocations.HAIKU;
import static com.bedrockusage.job.testing.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import com.bedrockusage.job.testing.KeyedBroadcastHarness;
import com.bedrockusage.pricing.PriceCsv;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator names the rule that priced each call, or counts the reason none could, per reason.
 */
class PricingRulesInJobTest {

    private static final String CANVAS = "amazon.nova-canvas-v1:0";
    private static final List<String> BASE =
            Arrays.asList(
                    PriceCsv.FULL_HEADER,
                    HAIKU + ",*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,,0,standard,,,",
                    HAIKU + ",*,2024-01-01T00:00:00Z,0.5,2.5,0.06,0.60,,1000,standard,,,",
                    HAIKU + ",*,2024-01-01T00:00:00Z,0.3125,1.5625,0.0375,0.375,,0,priority,,,",
                    CANVAS
                            + ",*,2024-01-01T00:00:00Z,0,0,0,0,,0,standard,image,0.04,standard-1024x1024");

    private final CapturedMetrics metrics = new CapturedMetrics();
    private KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness;

    @BeforeEach
    void open() throws Exception {
        harness = DedupAndPriceHarness.of(new DedupAndPrice(BASE, Duration.ofHours(48)), metrics);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private Invocation price(Invocation inv) throws Exception {
        return DedupAndPriceHarness.priceLast(harness, inv);
    }

    @Test
    void shouldNameTheRuleOfEveryPricedCall() throws Exception {
        Invocation base = price(call("r1", "2025-01-15T10:00:00Z")); // 1000 input: not above 1000
        Invocation longContext = call("r2", "2025-01-15T10:00:01Z");
        longContext.cacheReadTokens = 1;
        longContext = price(longContext);
        Invocation priority = call("r3", "2025-01-15T10:00:02Z");
        priority.serviceTier = "priority";
        priority = price(priority);
        Invocation image = call("r4", "2025-01-15T10:00:03Z");
        image.modelId = CANVAS;
        image.inputTokens = 0;
        image.outputTokens = 0;
        image.unit = "image";
        image.unitVariant = "standard-1024x1024";
        image.unitQuantity = 2;
        image = price(image);

        assertThat(base.pricingRule).isEqualTo("base");
        assertThat(longContext.pricingRule).isEqualTo("long_context");
        assertThat(longContext.priceRow).endsWith("|above=1000");
        assertThat(longContext.costUsd)
                .isEqualByComparingTo("0.00100006"); // 1000*0.5 + 200*2.5 + 1*0.06
        assertThat(priority.pricingRule).isEqualTo("service_tier");
        assertThat(priority.costUsd).isEqualByComparingTo("0.000625"); // 1000*0.3125 + 200*1.5625
        assertThat(image.pricingRule).isEqualTo("unit");
        assertThat(image.costUsd).isEqualByComparingTo("0.08");
        assertThat(image.unitCostUsd).isEqualByComparingTo("0.08");
    }

    @Test
    void shouldLeaveATierWithoutRowsOrUnconfirmedUnpricedAndCountEachReason() throws Exception {
        Invocation flex = call("r1", "2025-01-15T10:00:00Z");
        flex.serviceTier = "flex";
        Invocation unconfirmed = call("r2", "2025-01-15T10:00:01Z");
        unconfirmed.serviceTier = "requested:priority";

        flex = price(flex);
        unconfirmed = price(unconfirmed);

        assertThat(flex.priced).isFalse();
        assertThat(flex.costUsd).isNull();
        assertThat(flex.pricingRule).isEqualTo("no_price_for_tier");
        assertThat(unconfirmed.priced).isFalse();
        assertThat(unconfirmed.pricingRule).isEqualTo("served_tier_not_logged");
        assertThat(metrics.counter("kinesisanalytics.unpriced")).isEqualTo(2);
        assertThat(metrics.counter("kinesisanalytics.unpriced_no_price_for_tier")).isEqualTo(1);
        assertThat(metrics.counter("kinesisanalytics.unpriced_served_tier_not_logged"))
                .isEqualTo(1);
    }

    @Test
    void shouldMarkAFailedCall() throws Exception {
        Invocation failed = call("r1", "2025-01-15T10:00:00Z");
        failed.errorCode = "ThrottlingException";

        assertThat(price(failed).pricingRule).isEqualTo("failed_call");
    }
}
