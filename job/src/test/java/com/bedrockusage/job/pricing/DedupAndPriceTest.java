package com.bedrockusage.job.pricing;

import static com.bedrockusage.job.testing.Invocations.HAIKU;
import static com.bedrockusage.job.testing.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.CapturedMetrics;
import com.bedrockusage.job.testing.KeyedBroadcastHarness;
import com.bedrockusage.job.usage.UsageKey;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DedupAndPriceTest {

    private static final List<String> BASE =
            Arrays.asList(
                    "# test catalogue",
                    PriceCsv.HEADER,
                    HAIKU + ",*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,0.50",
                    "");
    private static final String BASE_ROW = HAIKU + "|*|2024-01-01T00:00:00Z";
    private static final String JUNE_ROW = HAIKU + "|*|2025-06-01T00:00:00Z";
    private static final PriceUpdate JUNE_PRICE_RISE =
            PriceUpdate.of(
                    "june.csv",
                    Arrays.asList(
                            PriceCsv.HEADER,
                            HAIKU + ",*,2025-06-01T00:00:00Z,0.50,2.50,0.05,0.60,"));

    private static final Duration TTL = Duration.ofHours(48);

    private final CapturedMetrics metrics = new CapturedMetrics();
    private KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness;

    private KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness()
            throws Exception {
        return harness(new DedupAndPrice(BASE, TTL), metrics);
    }

    private KeyedBroadcastHarness<String, Invocation, PriceUpdate, Invocation> harness(
            DedupAndPrice function, CapturedMetrics observed) throws Exception {
        harness = DedupAndPriceHarness.of(function, observed);
        return harness;
    }

    private Invocation price(Invocation inv) throws Exception {
        return DedupAndPriceHarness.priceLast(harness, inv);
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldPriceEachComponentExactlyFromTheBaseCatalogue() throws Exception {
        harness().open();
        Invocation inv = call("r1", "2025-01-15T10:00:00Z");
        inv.cacheReadTokens = 10_000;
        inv.cacheWriteTokens = 1000;
        inv.cacheWrite1hTokens = 400;

        Invocation priced = price(inv);

        assertThat(priced.priced).isTrue();
        assertThat(priced.model).isEqualTo(HAIKU);
        assertThat(priced.priceRow).isEqualTo(BASE_ROW);
        assertThat(priced.inputCostUsd).isEqualByComparingTo("0.00025"); // 1000 x 0.25 / 1M
        assertThat(priced.outputCostUsd).isEqualByComparingTo("0.00025"); // 200 x 1.25 / 1M
        assertThat(priced.cacheReadCostUsd).isEqualByComparingTo("0.0003"); // 10000 x 0.03 / 1M
        assertThat(priced.cacheWriteCostUsd)
                .isEqualByComparingTo("0.00038"); // 600 x 0.30 + 400 x 0.50, / 1M
        assertThat(priced.costUsd).isEqualByComparingTo("0.00118");
    }

    @Test
    void shouldApplyAnUpdateMidStreamAndPriceALateCallWithTheRowInForceAtItsOwnTime()
            throws Exception {
        harness().open();
        assertThat(price(call("before-update", "2025-06-02T00:00:00Z")).priceRow)
                .isEqualTo(BASE_ROW);

        harness.processBroadcastElement(JUNE_PRICE_RISE, 0);

        Invocation june = price(call("june", "2025-06-02T00:00:00Z"));
        assertThat(june.priceRow).isEqualTo(JUNE_ROW);
        assertThat(june.costUsd).isEqualByComparingTo("0.001"); // 1000 x 0.50 + 200 x 2.50, / 1M
        Invocation lateMay = price(call("late-may", "2025-05-31T23:59:59Z"));
        assertThat(lateMay.priceRow).isEqualTo(BASE_ROW);
        assertThat(lateMay.costUsd).isEqualByComparingTo("0.0005");
        assertThat(metrics.counter("kinesisanalytics.priceRowsUpdated")).isEqualTo(1);
    }

    @Test
    void shouldPassAnUnpricedSuccessfulCallOnWithItsTokensAndCountIt() throws Exception {
        harness().open();
        Invocation unknown = call("r1", "2025-01-15T10:00:00Z");
        unknown.modelId = "vendor.unknown-model-v1:0";

        Invocation out = price(unknown);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(out.priced).isFalse();
        assertThat(out.costUsd).isNull();
        assertThat(out.inputCostUsd).isNull();
        assertThat(out.cacheWriteCostUsd).isNull();
        assertThat(out.priceRow).isNull();
        assertThat(out.model).isNull();
        assertThat(out.inputTokens).isEqualTo(1000);
        assertThat(out.outputTokens).isEqualTo(200);
        assertThat(metrics.counter("kinesisanalytics.unpriced")).isEqualTo(1);
    }

    @Test
    void shouldLeaveACallBeforeTheFirstPriceOfItsModelUnpricedWithTheResolvedModel()
            throws Exception {
        harness().open();

        Invocation out = price(call("r1", "2023-06-01T00:00:00Z"));

        assertThat(out.priced).isFalse();
        assertThat(out.model).isEqualTo(HAIKU);
        assertThat(out.costUsd).isNull();
        assertThat(metrics.counter("kinesisanalytics.unpriced")).isEqualTo(1);
    }

    @Test
    void shouldCostAFailedCallZeroWhetherOrNotItsModelIsKnown() throws Exception {
        harness().open();
        Invocation throttled = call("r1", "2025-01-15T10:00:00Z");
        throttled.errorCode = "ThrottlingException";
        Invocation unknownAndFailed = call("r2", "2025-01-15T10:00:00Z");
        unknownAndFailed.modelId = "vendor.unknown-model-v1:0";
        unknownAndFailed.errorCode = "ValidationException";

        Invocation a = price(throttled);
        Invocation b = price(unknownAndFailed);

        for (Invocation failed : Arrays.asList(a, b)) {
            assertThat(failed.priced).isTrue();
            assertThat(failed.costUsd).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(failed.inputCostUsd).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(failed.outputCostUsd).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(failed.cacheReadCostUsd).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(failed.cacheWriteCostUsd).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(failed.priceRow).isEqualTo(DedupAndPrice.FAILED_CALL_PRICE_ROW);
        }
        assertThat(a.model).isEqualTo(HAIKU);
        assertThat(b.model).isNull();
        assertThat(metrics.counter("kinesisanalytics.unpriced")).isZero();
    }

    @Test
    void shouldKeepUpdatesAcrossARestoreEvenWhereTheyReplaceABaseRow() throws Exception {
        harness().open();
        PriceUpdate correction =
                PriceUpdate.of(
                        "fix.csv",
                        Arrays.asList(HAIKU + ",*,2024-01-01T00:00:00Z,0.20,1.00,0.02,0.25,"));
        harness.processBroadcastElement(correction, 0);
        harness.processBroadcastElement(JUNE_PRICE_RISE, 0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness().initializeState(snapshot);
        harness.open();

        Invocation january = price(call("jan", "2025-01-15T00:00:00Z"));
        assertThat(january.priceRow).isEqualTo(BASE_ROW);
        assertThat(january.costUsd)
                .isEqualByComparingTo("0.0004"); // 1000 x 0.20 + 200 x 1.00, / 1M: the correction
        assertThat(price(call("june", "2025-06-02T00:00:00Z")).priceRow).isEqualTo(JUNE_ROW);
    }

    @Test
    void shouldApplyTheValidLinesOfAnUpdateAndCountTheBadOnes() throws Exception {
        harness().open();
        PriceUpdate mixed =
                PriceUpdate.of(
                        "mixed.csv",
                        Arrays.asList(
                                PriceCsv.HEADER,
                                "not,a,price",
                                HAIKU + ",*,2025-06-01T00:00:00Z,0.50,2.50,0.05,0.60,",
                                HAIKU + ",eu-west-1,yesterday,0.50,2.50,0.05,0.60,"));

        harness.processBroadcastElement(mixed, 0);

        assertThat(price(call("june", "2025-06-02T00:00:00Z")).priceRow).isEqualTo(JUNE_ROW);
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(2);
    }

    @Test
    void shouldReachTheSameStateWhateverTheOrderAndNoMatterHowOftenUpdatesArrive()
            throws Exception {
        PriceUpdate euRow =
                PriceUpdate.of(
                        "eu.csv",
                        Arrays.asList(
                                HAIKU + ",eu-west-1,2024-01-01T00:00:00Z,0.30,1.50,0.03,0.36,"));
        harness().open();
        harness.processBroadcastElement(JUNE_PRICE_RISE, 0);
        harness.processBroadcastElement(euRow, 0);
        harness.processBroadcastElement(JUNE_PRICE_RISE, 0);
        java.util.Map<String, String> inOrder = broadcastState();
        long updatedInOrder = metrics.counter("kinesisanalytics.priceRowsUpdated");
        harness.close();

        CapturedMetrics otherMetrics = new CapturedMetrics();
        harness(new DedupAndPrice(BASE, TTL), otherMetrics).open();
        harness.processBroadcastElement(euRow, 0);
        harness.processBroadcastElement(JUNE_PRICE_RISE, 0);

        assertThat(broadcastState()).isEqualTo(inOrder).hasSize(2);
        assertThat(updatedInOrder).isEqualTo(2); // the repeated update changed nothing
        Invocation eu = call("eu", "2025-01-15T00:00:00Z");
        eu.region = "eu-west-1";
        assertThat(price(eu).priceRow).isEqualTo(HAIKU + "|eu-west-1|2024-01-01T00:00:00Z");
    }

    @Test
    void shouldKeepTheFirstOfTwoDifferentRowsForOneKeyInOneUpdate() throws Exception {
        harness().open();
        harness.processBroadcastElement(
                PriceUpdate.of(
                        "dup.csv",
                        Arrays.asList(
                                HAIKU + ",*,2025-06-01T00:00:00Z,0.50,2.50,0.05,0.60,",
                                HAIKU + ",*,2025-06-01T00:00:00Z,9.00,9.00,0.05,0.60,")),
                0);

        assertThat(price(call("june", "2025-06-02T00:00:00Z")).costUsd)
                .isEqualByComparingTo("0.001");
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(1);
    }

    @Test
    void shouldPriceWithTheDefaultCatalogue() throws Exception {
        harness(new DedupAndPrice(PriceCatalog.defaultCatalog(), TTL), metrics).open();

        Invocation out = price(call("r1", "2025-01-15T10:00:00Z"));

        assertThat(out.priced).isTrue();
        assertThat(out.costUsd).isPositive();
    }

    @Test
    void shouldFailFastOnABadBaseCatalogue() {
        assertThatThrownBy(
                        () ->
                                new DedupAndPrice(
                                        Arrays.asList(HAIKU + ",*,not-a-date,1,1,1,1,"), TTL))
                .hasMessageContaining("effective_from");
    }

    // ---- dedup ----

    @Test
    void shouldMeterTheFirstOccurrenceOfARequestIdAndDropAndCountEveryLaterOne() throws Exception {
        harness().open();
        Invocation fromKinesis = call("r1", "2025-06-01T10:00:00Z");
        Invocation redeliveredFromS3 = call("r1", "2025-06-01T10:00:00Z");
        redeliveredFromS3.source = Invocation.SOURCE_S3;
        Invocation kinesisRetry = call("r1", "2025-06-01T10:00:00Z");

        harness.processElement(fromKinesis, 1);
        harness.processElement(call("r2", "2025-06-01T10:00:01Z"), 2);
        harness.processElement(redeliveredFromS3, 3);
        harness.processElement(kinesisRetry, 4);

        assertThat(requestIds()).containsExactly("r1", "r2");
        assertThat(harness.extractOutputValues().get(0).source)
                .isEqualTo(Invocation.SOURCE_KINESIS);
        assertThat(metrics.counter("kinesisanalytics.duplicates")).isEqualTo(2);
        assertThat(metrics.counter("kinesisanalytics.unpriced")).isZero();
    }

    @Test
    void shouldForgetARequestIdOnceTheWatermarkPassesItsEventTimeByTheTtl() throws Exception {
        harness().open();
        long t = Instant.parse("2025-06-01T10:00:00Z").toEpochMilli();
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 1);

        // A duplicate while the watermark is within the TTL of the call is dropped and does not
        // extend it.
        harness.processWatermark(t + TTL.toMillis() - 1);
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 2);
        assertThat(requestIds()).containsExactly("r1");

        harness.processWatermark(t + TTL.toMillis() + SeenRequestIds.sweepInterval(TTL).toMillis());
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 3);
        assertThat(requestIds()).containsExactly("r1", "r1");
        assertThat(metrics.counter("kinesisanalytics.duplicates")).isEqualTo(1);
    }

    @Test
    void shouldSweepExpiredRequestIdsOutOfStateByEventTimeTimer() throws Exception {
        harness().open();
        long t = Instant.parse("2025-06-01T10:00:00Z").toEpochMilli();
        harness.processElement(call("old", "2025-06-01T10:00:00Z"), 1);
        harness.processElement(
                call("newer", Instant.ofEpochMilli(t + TTL.toMillis() / 2).toString()), 2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.setProcessingTime(Long.MAX_VALUE / 2);
        assertThat(firstSeenRequestIds())
                .as("the wall clock forgets nothing")
                .containsExactlyInAnyOrder("old", "newer");

        harness.processWatermark(t + TTL.toMillis() + SeenRequestIds.sweepInterval(TTL).toMillis());
        assertThat(firstSeenRequestIds()).containsExactly("newer");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void shouldRememberSeenRequestIdsAcrossARestore() throws Exception {
        harness().open();
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 10);
        harness.close();

        harness().initializeState(snapshot);
        harness.open();
        harness.processElement(call("r1", "2025-06-01T10:00:00Z"), 2);
        harness.processElement(call("r3", "2025-06-01T10:00:00Z"), 3);

        assertThat(requestIds()).containsExactly("r3");
    }

    @Test
    void shouldStillDropARequestIdAfterTheJobWasStoppedLongerThanTheTtl() throws Exception {
        // Read from Kinesis just before a stop; its S3 copy is read 49 h later, when the data has
        // not moved on.
        long t = Instant.parse("2025-06-01T10:00:00Z").toEpochMilli();
        harness().open();
        harness.setProcessingTime(t);
        harness.processWatermark(t - 60_000);
        harness.processElement(call("x", "2025-06-01T10:00:00Z"), 1);
        OperatorSubtaskState snapshot = harness.snapshot(1, t);
        harness.close();

        harness().initializeState(snapshot);
        harness.setProcessingTime(t);
        harness.open();
        harness.setProcessingTime(t + Duration.ofHours(49).toMillis());
        harness.processWatermark(t - 60_000);
        harness.processElement(call("x", "2025-06-01T10:00:00Z"), 2);

        assertThat(requestIds()).isEmpty();
        assertThat(metrics.counter("kinesisanalytics.duplicates")).isEqualTo(1);
    }

    @Test
    void shouldRejectANonPositiveDedupTtl() {
        assertThatThrownBy(() -> new DedupAndPrice(BASE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSweepATwelfthOfTheTtlApartButNotMoreOftenThanEverySecond() {
        assertThat(SeenRequestIds.sweepInterval(Duration.ofHours(48)))
                .isEqualTo(Duration.ofHours(4));
        assertThat(SeenRequestIds.sweepInterval(Duration.ofSeconds(6)))
                .isEqualTo(Duration.ofSeconds(1));
    }

    private List<String> firstSeenRequestIds() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        harness.getOperator().setCurrentKey(UsageKey.of(call("any", "2025-06-01T10:00:00Z")));
        for (String id :
                harness.getOperator()
                        .getKeyedStateStore()
                        .getMapState(SeenRequestIds.FIRST_SEEN)
                        .keys()) {
            ids.add(id);
        }
        return ids;
    }

    private List<String> requestIds() {
        return harness.extractOutputValues().stream()
                .map(inv -> inv.requestId)
                .collect(Collectors.toList());
    }

    private java.util.Map<String, String> broadcastState() throws Exception {
        java.util.Map<String, String> copy = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, String> e :
                harness.getOperator()
                        .getOperatorStateBackend()
                        .getBroadcastState(DedupAndPrice.PRICE_ROWS)
                        .entries()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }
}
