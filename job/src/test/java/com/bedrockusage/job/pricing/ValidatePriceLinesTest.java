package com.bedrockusage.job.pricing;

import static com.bedrockusage.job.testing.Invocations.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.CapturedMetrics;
import com.bedrockusage.pricing.PriceCsv;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ValidatePriceLinesTest {

    private final CapturedMetrics metrics = new CapturedMetrics();

    private List<PriceUpdate> validate(PriceUpdate update) throws Exception {
        try (OneInputStreamOperatorTestHarness<PriceUpdate, PriceUpdate> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamFlatMap<>(new ValidatePriceLines()), metrics.environment())) {
            harness.open();
            harness.processElement(update, 0);
            return harness.extractOutputValues();
        }
    }

    @Test
    void shouldPassTheValidRowsNormalizedWithTheirLineNumbersAndCountTheBadOnes() throws Exception {
        PriceUpdate file =
                PriceUpdate.of(
                        "s3://prices/2025-06.csv",
                        Arrays.asList(
                                "\uFEFF# June prices",
                                PriceCsv.HEADER,
                                " "
                                        + HAIKU
                                        + " , * , 2025-06-01T00:00:00Z , 0.50 , 2.50 , 0.05 , 0.60 , ",
                                HAIKU + ",*,2025-06-01,0.50,2.50,0.05,0.60,",
                                "",
                                HAIKU + ",eu-west-1,2025-06-01T00:00:00Z,-1,2.50,0.05,0.60,",
                                HAIKU
                                        + ",us-east-1,2025-06-01T00:00:00Z,0.55,2.75,0.05,0.60,0.90"));

        List<PriceUpdate> out = validate(file);

        assertThat(out).hasSize(1);
        PriceUpdate valid = out.get(0);
        assertThat(valid.origin).isEqualTo("s3://prices/2025-06.csv");
        assertThat(valid.lines)
                .containsExactly(
                        HAIKU + ",*,2025-06-01T00:00:00Z,0.50,2.50,0.05,0.60,",
                        HAIKU + ",us-east-1,2025-06-01T00:00:00Z,0.55,2.75,0.05,0.60,0.90");
        assertThat(valid.lineNumbers).containsExactly(3, 7);
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(2);
        assertThat(metrics.counter("kinesisanalytics.priceUpdates")).isEqualTo(1);
    }

    @Test
    void shouldTreatADifferentSecondRowForOneKeyAsBadAndAnIdenticalOneAsHarmless()
            throws Exception {
        String row = HAIKU + ",*,2025-06-01T00:00:00Z,0.50,2.50,0.05,0.60,";
        PriceUpdate file =
                PriceUpdate.of(
                        "dup.csv",
                        Arrays.asList(
                                row, row, HAIKU + ",*,2025-06-01T00:00:00Z,0.70,2.50,0.05,0.60,"));

        List<PriceUpdate> out = validate(file);

        assertThat(out.get(0).lines).containsExactly(row);
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(1);
    }

    @Test
    void shouldPassAPriceWithSevenDecimalsAndCountAbsurdOnesAsBadLines() throws Exception {
        String negotiated =
                HAIKU + ",*,2025-06-01T00:00:00Z,2.6666667,10.6666667,0.2666667,3.3333333,";
        PriceUpdate file =
                PriceUpdate.of(
                        "negotiated.csv",
                        Arrays.asList(
                                PriceCsv.HEADER,
                                negotiated,
                                HAIKU + ",eu-west-1,2025-06-01T00:00:00Z,1e-40,2,0,0,",
                                HAIKU
                                        + ",us-west-2,2025-06-01T00:00:00Z,1,2,0,0,0."
                                        + String.join("", Collections.nCopies(59, "3")),
                                HAIKU + ",ap-south-1,2025-06-01T00:00:00Z,1,2E+9,0,0,"));

        List<PriceUpdate> out = validate(file);

        assertThat(out.get(0).lines).containsExactly(negotiated);
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(3);
    }

    @Test
    void shouldEmitNothingForAFileWithoutAValidRow() throws Exception {
        assertThat(validate(PriceUpdate.of("empty.csv", Arrays.asList(PriceCsv.HEADER, "garbage"))))
                .isEmpty();
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isEqualTo(1);
    }

    @Test
    void shouldReadOptionalColumnsNamedByTheUpdatesHeader() throws Exception {
        PriceUpdate update =
                PriceUpdate.of(
                        "tiers.csv",
                        java.util.Arrays.asList(
                                com.bedrockusage.pricing.PriceCsv.HEADER
                                        + ",service_tier,above_input_tokens",
                                "anthropic.claude-3-haiku-20240307-v1:0,*,2025-01-01T00:00:00Z,0.3,1.5,0.03,0.3,,priority,",
                                "anthropic.claude-3-haiku-20240307-v1:0,*,2025-01-01T00:00:00Z,0.5,2.5,0.05,0.6,,,200000"));

        List<PriceUpdate> out = validate(update);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).lines)
                .containsExactly(
                        "anthropic.claude-3-haiku-20240307-v1:0,*,2025-01-01T00:00:00Z,0.3,1.5,0.03,0.3,,0,priority,,,",
                        "anthropic.claude-3-haiku-20240307-v1:0,*,2025-01-01T00:00:00Z,0.5,2.5,0.05,0.6,,200000,standard,,,");
        assertThat(metrics.counter("kinesisanalytics.badPriceLines")).isZero();
    }
}
