package com.bedrockusage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class DailyReportCsvTest {

    @Test
    void shouldUseTheClassicHeaderInItsExactOrderAndSpelling() {
        assertThat(DailyReportCsv.toCsv(Collections.<DailyReportRow>emptyList()))
                .isEqualTo(
                        "Account Id,Identity ARN,Model Id,Region Name,Number of Input tokens,Number of output tokens,"
                                + "Charges incurred\n");
        assertThat(String.join(",", DailyReportCsv.COLUMNS)).isEqualTo(DailyReportCsv.HEADER);
    }

    @Test
    void shouldWriteOneLinePerRowInColumnOrder() {
        DailyReportRow row =
                new DailyReportRow(
                        "123456789012",
                        "arn:aws:sts::123456789012:assumed-role/Checkout-BedrockRole/s1",
                        "anthropic.claude-3-haiku-20240307-v1:0",
                        "us-east-1",
                        1200,
                        340,
                        new BigDecimal("0.000725000000"));

        assertThat(DailyReportCsv.toCsv(Arrays.asList(row)))
                .isEqualTo(
                        DailyReportCsv.HEADER
                                + "\n"
                                + "123456789012,arn:aws:sts::123456789012:assumed-role/Checkout-BedrockRole/s1,"
                                + "anthropic.claude-3-haiku-20240307-v1:0,us-east-1,1200,340,0.000725\n");
    }

    @Test
    void shouldFormatChargesAsExactPlainDecimalsWithAtLeastTwoPlaces() {
        assertThat(DailyReportCsv.charges(new BigDecimal("12.500000000000"))).isEqualTo("12.50");
        assertThat(DailyReportCsv.charges(new BigDecimal("1E-12"))).isEqualTo("0.000000000001");
        assertThat(DailyReportCsv.charges(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(DailyReportCsv.charges(new BigDecimal("0.000000000000"))).isEqualTo("0.00");
        assertThat(DailyReportCsv.charges(null)).isEqualTo("0.00");
        assertThat(DailyReportCsv.charges(new BigDecimal("123456789012345678901234.123456789012")))
                .isEqualTo("123456789012345678901234.123456789012");
        assertThat(DailyReportCsv.charges(new BigDecimal("7"))).isEqualTo("7.00");
    }

    @Test
    void shouldQuoteFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(DailyReportCsv.escape("arn:aws:sts::1:assumed-role/R/a,b"))
                .isEqualTo("\"arn:aws:sts::1:assumed-role/R/a,b\"");
        assertThat(DailyReportCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DailyReportCsv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(DailyReportCsv.escape("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(DailyReportCsv.escape("plain=ok@x")).isEqualTo("plain=ok@x");
        assertThat(DailyReportCsv.escape(null)).isEmpty();
    }

    @Test
    void shouldKeepAQuotedArnInOneColumn() {
        DailyReportRow row =
                new DailyReportRow(
                        "1",
                        "arn:aws:sts::1:assumed-role/R/user,\"x\"",
                        "m",
                        null,
                        0,
                        0,
                        BigDecimal.ZERO);

        assertThat(DailyReportCsv.line(row))
                .isEqualTo("1,\"arn:aws:sts::1:assumed-role/R/user,\"\"x\"\"\",m,,0,0,0.00");
    }
}
