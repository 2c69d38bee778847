package com.bedrockusage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.usage.UsageRow;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyReportRowsTest {

    @Test
    void shouldSumLinesOfTheSameKeyAndSortByAccountIdentityModelRegion() {
        List<DailyReportRow> merged =
                DailyReportRows.merge(
                        Arrays.asList(
                                new DailyReportRow(
                                        "2",
                                        "arn:b",
                                        "m1",
                                        "us-east-1",
                                        1,
                                        1,
                                        new BigDecimal("0.1")),
                                new DailyReportRow(
                                        "1",
                                        "arn:b",
                                        "m1",
                                        "us-west-2",
                                        5,
                                        6,
                                        new BigDecimal("0.25")),
                                new DailyReportRow("1", "arn:a", "m2", "us-east-1", 7, 8, null),
                                new DailyReportRow(
                                        "1",
                                        "arn:b",
                                        "m1",
                                        "us-west-2",
                                        10,
                                        20,
                                        new BigDecimal("0.000000000001"))));

        assertThat(merged)
                .containsExactly(
                        new DailyReportRow("1", "arn:a", "m2", "us-east-1", 7, 8, BigDecimal.ZERO),
                        new DailyReportRow(
                                "1",
                                "arn:b",
                                "m1",
                                "us-west-2",
                                15,
                                26,
                                new BigDecimal("0.250000000001")),
                        new DailyReportRow(
                                "2", "arn:b", "m1", "us-east-1", 1, 1, new BigDecimal("0.1")));
    }

    @Test
    void shouldChargeZeroForAUsageRowWithoutAKnownPrice() {
        UsageRow usage = new UsageRow();
        usage.accountId = "1";
        usage.callerArn = "arn:a";
        usage.modelId = "acme.unknown";
        usage.region = "us-east-1";
        usage.inputTokens = 3;
        usage.outputTokens = 4;

        assertThat(DailyReportRows.of(usage))
                .isEqualTo(
                        new DailyReportRow(
                                "1", "arn:a", "acme.unknown", "us-east-1", 3, 4, BigDecimal.ZERO));
    }
}
