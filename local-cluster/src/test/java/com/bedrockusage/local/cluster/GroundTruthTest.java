package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceRow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

    private static final PriceRow M_ONE =
            new PriceRow(
                    "m.one",
                    "us-east-1",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    new BigDecimal("3"),
                    new BigDecimal("15"),
                    new BigDecimal("0.3"),
                    new BigDecimal("3.75"),
                    new BigDecimal("6"));
    private static final PriceCatalog CATALOG = PriceCatalog.of(List.of(M_ONE));
    private static final UsageKey PRICED =
            new UsageKey(
                    LocalDate.parse("2026-11-01"),
                    "111122223333",
                    "us-east-1",
                    "arn:aws:iam::111122223333:role/a",
                    "m.one");
    private static final UsageKey UNKNOWN =
            new UsageKey(
                    LocalDate.parse("2026-11-01"),
                    "111122223333",
                    "us-east-1",
                    "arn:aws:iam::111122223333:role/a",
                    "m.unknown");

    @TempDir Path dir;

    @Test
    void shouldPriceEachKeyExactlyWithOneHourCacheWritesAtTheirOwnRate() throws IOException {
        GroundTruth t = GroundTruth.fromGeneratorTotals(expectedTotals(2, 1), CATALOG);

        UsageTotals u = t.byKey.get(PRICED);
        assertThat(u.invocations).isEqualTo(2);
        assertThat(u.errors).isZero();
        // 1000 in x 3 + 2000 out x 15 + 10000 read x 0.3 + 3000 5m x 3.75 + 1000 1h x 6, per
        // million
        assertThat(u.inputCostUsd).isEqualByComparingTo("0.003");
        assertThat(u.outputCostUsd).isEqualByComparingTo("0.03");
        assertThat(u.cacheReadCostUsd).isEqualByComparingTo("0.003");
        assertThat(u.cacheWriteCostUsd).isEqualByComparingTo("0.01725");
        assertThat(u.costUsd).isEqualByComparingTo("0.05325");
        assertThat(u.unpricedInvocations).isZero();
        assertThat(t.uniqueRecords).isEqualTo(3);
    }

    @Test
    void shouldCountAModelWithoutPriceAsUnpricedWithZeroCost() throws IOException {
        GroundTruth t = GroundTruth.fromGeneratorTotals(expectedTotals(2, 1), CATALOG);

        UsageTotals u = t.byKey.get(UNKNOWN);
        assertThat(u.unpricedInvocations).isEqualTo(1);
        assertThat(u.costUsd).isEqualByComparingTo("0");
    }

    @Test
    void shouldRefuseADayWhosePriceChangesMidway() throws IOException {
        PriceRow later =
                new PriceRow(
                        "m.one",
                        "us-east-1",
                        Instant.parse("2026-11-01T12:00:00Z"),
                        new BigDecimal("4"),
                        new BigDecimal("15"),
                        new BigDecimal("0.3"),
                        new BigDecimal("3.75"),
                        null);
        Path totals = expectedTotals(2, 0);

        assertThatThrownBy(
                        () ->
                                GroundTruth.fromGeneratorTotals(
                                        totals, PriceCatalog.of(List.of(M_ONE, later))))
                .hasMessageContaining("changes during 2026-11-01");
    }

    @Test
    void shouldRejectTotalsWhoseKeysDoNotAddUpToTheUniqueCount() throws IOException {
        Path totals = expectedTotals(2, 1);
        String json =
                Files.readString(totals).replace("\"uniqueRecords\":3", "\"uniqueRecords\":4");
        Files.writeString(totals, json);

        assertThatThrownBy(() -> GroundTruth.fromGeneratorTotals(totals, CATALOG))
                .hasMessageContaining("uniqueRecords");
    }

    @Test
    void shouldSumSeveralFeedsKeyByKeyAfterARoundTripThroughTheirFiles() throws IOException {
        GroundTruth one = GroundTruth.fromGeneratorTotals(expectedTotals(2, 1), CATALOG);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        one.write(a, new ObjectMapper().createObjectNode());
        one.write(b, new ObjectMapper().createObjectNode());

        GroundTruth both = GroundTruth.read(List.of(a, b));

        assertThat(both.uniqueRecords).isEqualTo(6);
        assertThat(both.byKey.get(PRICED).invocations).isEqualTo(4);
        assertThat(both.byKey.get(PRICED).costUsd).isEqualByComparingTo("0.1065");
        assertThat(both.byKey.get(UNKNOWN).unpricedInvocations).isEqualTo(2);
        assertThat(Files.readString(a)).contains("\"byDayAccountModel\"");
    }

    /** An expected-totals.json as generate-logs writes it: one priced key and one unknown model. */
    @Test
    void shouldTakeTheExactPerCallCostTheGeneratorWroteInsteadOfPricingTotals() throws IOException {
        // One call above a long-context threshold and one in a tier without rows: no price of the
        // totals gives this.
        String json =
                "{\"counts\":{\"uniqueRecords\":2},\"byKey\":[{\"day\":\"2026-11-01\","
                        + "\"accountId\":\"111122223333\",\"region\":\"us-east-1\","
                        + "\"callerArn\":\"arn:aws:iam::111122223333:role/a\",\"modelId\":\"m.one\",\"invocations\":2,"
                        + "\"errors\":0,\"inputTokens\":200101,\"outputTokens\":0,\"cacheReadTokens\":0,"
                        + "\"cacheWriteTokens\":0,\"cacheWrite1hTokens\":0,\"unpricedInvocations\":1,"
                        + "\"costUsd\":\"1.200006\",\"inputCostUsd\":\"1.200006\",\"outputCostUsd\":\"0\","
                        + "\"cacheReadCostUsd\":\"0\",\"cacheWriteCostUsd\":\"0\"}]}";
        Path f = dir.resolve("expected-totals.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);

        UsageTotals u = GroundTruth.fromGeneratorTotals(f, CATALOG).byKey.get(PRICED);

        assertThat(u.costUsd).isEqualByComparingTo("1.200006");
        assertThat(u.inputCostUsd).isEqualByComparingTo("1.200006");
        assertThat(u.unpricedInvocations).isEqualTo(1);
    }

    /** Per-unit calls: their tokens alone price nothing, so only the generator's cost is right. */
    @Test
    void shouldTakeThePerUnitCostOfImageCallsFromTheTruthRatherThanPriceTheirTokens()
            throws IOException {
        String json =
                "{\"counts\":{\"uniqueRecords\":2},\"byKey\":[{\"day\":\"2026-11-01\","
                        + "\"accountId\":\"111122223333\",\"region\":\"us-east-1\","
                        + "\"callerArn\":\"arn:aws:iam::111122223333:role/a\",\"modelId\":\"amazon.nova-canvas-v1:0\","
                        + "\"invocations\":2,\"errors\":0,\"inputTokens\":80,\"outputTokens\":0,\"cacheReadTokens\":0,"
                        + "\"cacheWriteTokens\":0,\"cacheWrite1hTokens\":0,\"unpricedInvocations\":0,"
                        + "\"costUsd\":\"0.30\",\"inputCostUsd\":\"0\",\"outputCostUsd\":\"0\","
                        + "\"cacheReadCostUsd\":\"0\",\"cacheWriteCostUsd\":\"0\",\"unitCostUsd\":\"0.30\"}]}";
        Path f = dir.resolve("expected-totals.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);

        UsageTotals u =
                GroundTruth.fromGeneratorTotals(f, PriceCatalog.defaultCatalog())
                        .byKey
                        .values()
                        .iterator()
                        .next();

        assertThat(u.costUsd).isEqualByComparingTo("0.30"); // 5 images at 0.06
        assertThat(u.unpricedInvocations).isZero();
    }

    private Path expectedTotals(int pricedCalls, int unknownCalls) throws IOException {
        String json =
                "{\"counts\":{\"uniqueRecords\":"
                        + (pricedCalls + unknownCalls)
                        + "},\"byKey\":["
                        + row("m.one", pricedCalls, 1000, 2000, 10000, 4000, 1000)
                        + ","
                        + row("m.unknown", unknownCalls, 10, 20, 0, 0, 0)
                        + "]}";
        Path f = dir.resolve("expected-totals.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private static String row(
            String model, int calls, long in, long out, long read, long write, long write1h) {
        return "{\"day\":\"2026-11-01\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\","
                + "\"callerArn\":\"arn:aws:iam::111122223333:role/a\",\"modelId\":\""
                + model
                + "\","
                + "\"invocations\":"
                + calls
                + ",\"errors\":0,\"inputTokens\":"
                + in
                + ",\"outputTokens\":"
                + out
                + ",\"cacheReadTokens\":"
                + read
                + ",\"cacheWriteTokens\":"
                + write
                + ",\"cacheWrite1hTokens\":"
                + write1h
                + "}";
    }
}
