package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCsvTest {

    private static final String HAIKU_LINE =
            "anthropic.claude-3-haiku-20240307-v1:0,*,2024-01-01T00:00:00Z,0.25,1.25,0.03,0.30,0.50";

    private static List<PriceRow> read(String... lines) {
        return PriceCsv.read(new StringReader(String.join("\n", lines)), "prices.csv");
    }

    @Test
    void shouldReadTheDocumentedExample() {
        List<PriceRow> rows = read(PriceCsv.HEADER, HAIKU_LINE);

        assertThat(rows).hasSize(1);
        PriceRow row = rows.get(0);
        assertThat(row.modelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(row.region()).isEqualTo("*");
        assertThat(row.effectiveFrom()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(row.inputPerMtok()).isEqualByComparingTo("0.25");
        assertThat(row.outputPerMtok()).isEqualByComparingTo("1.25");
        assertThat(row.cacheReadPerMtok()).isEqualByComparingTo("0.03");
        assertThat(row.cacheWritePerMtok()).isEqualByComparingTo("0.30");
        assertThat(row.cacheWrite1hPerMtok()).isEqualByComparingTo("0.50");
        assertThat(row.id())
                .isEqualTo("anthropic.claude-3-haiku-20240307-v1:0|*|2024-01-01T00:00:00Z");
        assertThat(row.origin()).isEqualTo("prices.csv:2");
    }

    @Test
    void shouldPriceOneHourWritesAtFiveMinuteRateWhenLastColumnIsEmpty() {
        PriceRow row = read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,0.1,1.25,").get(0);

        assertThat(row.cacheWrite1hPerMtokOrNull()).isNull();
        assertThat(row.cacheWrite1hPerMtok()).isEqualByComparingTo("1.25");
    }

    @Test
    void shouldIgnoreBlankAndCommentLinesAndKeepRealLineNumbers() {
        List<PriceRow> rows =
                read("# prices", "", PriceCsv.HEADER, "   ", "  # indented comment", HAIKU_LINE);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).origin()).isEqualTo("prices.csv:6");
    }

    @Test
    void shouldTolerateByteOrderMarkAndSpacesAroundFields() {
        List<PriceRow> rows =
                read(
                        "\uFEFF" + PriceCsv.HEADER,
                        " m.x , us-east-1 , 2024-01-01T00:00:00Z , 1 , 2 , 0 , 0 , ");

        assertThat(rows.get(0).modelId()).isEqualTo("m.x");
        assertThat(rows.get(0).region()).isEqualTo("us-east-1");
    }

    @Test
    void shouldAcceptTimestampsWithOffset() {
        PriceRow row = read(PriceCsv.HEADER, "m.x,*,2024-01-01T02:00:00+02:00,1,2,0,0,").get(0);

        assertThat(row.effectiveFrom()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void shouldRoundTripRowsThroughCsvLines() {
        List<PriceRow> rows =
                Arrays.asList(
                        new PriceRow(
                                "anthropic.claude-3-haiku-20240307-v1:0",
                                "*",
                                Instant.parse("2024-01-01T00:00:00Z"),
                                new BigDecimal("0.25"),
                                new BigDecimal("1.25"),
                                new BigDecimal("0.03"),
                                new BigDecimal("0.30"),
                                new BigDecimal("0.50")),
                        new PriceRow(
                                "us.amazon.nova-pro-v1:0",
                                "us-east-1",
                                Instant.parse("2025-03-01T12:30:00.123Z"),
                                new BigDecimal("0.000001"),
                                new BigDecimal("1E+1"),
                                BigDecimal.ZERO,
                                new BigDecimal("3.75"),
                                null));
        StringBuilder csv = new StringBuilder(PriceCsv.HEADER).append('\n');
        for (PriceRow row : rows) {
            csv.append(PriceCsv.toCsvLine(row)).append('\n');
        }

        List<PriceRow> back = PriceCsv.read(new StringReader(csv.toString()), "roundtrip.csv");

        assertThat(back).containsExactlyElementsOf(rows);
        assertThat(PriceCsv.toCsvLine(back.get(1)))
                .isEqualTo(
                        "us.amazon.nova-pro-v1:0,us-east-1,2025-03-01T12:30:00.123Z,0.000001,10,0,3.75,");
        assertThat(PriceCsv.parseLine(PriceCsv.toCsvLine(rows.get(0)), "x", 1))
                .isEqualTo(rows.get(0));
    }

    @Test
    void shouldReadAFileAndNameItInOrigins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-prices.csv");
        Files.write(file, Arrays.asList(PriceCsv.HEADER, HAIKU_LINE), StandardCharsets.UTF_8);

        List<PriceRow> rows = PriceCsv.read(file);

        assertThat(rows.get(0).origin()).isEqualTo(file + ":2");
    }

    @Test
    void shouldRejectMissingFileNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.csv");

        assertThatThrownBy(() -> PriceCsv.read(file))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void shouldRejectWrongColumnCount() {
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        HAIKU_LINE,
                                        "m.x,*,2024-01-01T00:00:00Z,1,2,0,0"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("prices.csv:3: expected 8 columns, found 7");
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,0,0,1,9"))
                .hasMessage("prices.csv:2: expected 8 columns, found 9");
    }

    @Test
    void shouldRejectUnparsableNumber() {
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,two,0,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("prices.csv:2: output_per_mtok 'two' is not a number");
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,0,0,NaN"))
                .hasMessageStartingWith(
                        "prices.csv:2: cache_write_1h_per_mtok 'NaN' is not a number");
    }

    @Test
    void shouldRejectModelIdsAndRegionsThatCanNeverMatchALoggedCall() {
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "\"m.x\",*,2024-01-01T00:00:00Z,1,2,0,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith(
                        "prices.csv:2: model_id '\"m.x\"' is not a Bedrock model id");
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "anthropic.claude 3,*,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessageStartingWith(
                        "prices.csv:2: model_id 'anthropic.claude 3' is not a Bedrock model id");
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "Anthropic.Claude-v1,*,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessageStartingWith(
                        "prices.csv:2: model_id 'Anthropic.Claude-v1' is not a Bedrock model id");
        assertThatThrownBy(
                        () -> read(PriceCsv.HEADER, "m.x,US-EAST-1,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessage(
                        "prices.csv:2: region 'US-EAST-1' is not an AWS region in lowercase (e.g. us-east-1) or *");
        assertThatThrownBy(
                        () -> read(PriceCsv.HEADER, "m.x,us-east1,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessageStartingWith("prices.csv:2: region 'us-east1' is not an AWS region");
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "m.x,\"us-east-1\",2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessageStartingWith(
                        "prices.csv:2: region '\"us-east-1\"' is not an AWS region");
        assertThat(
                        read(
                                PriceCsv.HEADER,
                                "m.x,us-gov-west-1,2024-01-01T00:00:00Z,1,2,0,0,",
                                "stability.sd3_large-v1:0@x,ap-southeast-3,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasSize(2);
    }

    @Test
    void shouldRejectAHugeExponentWithAShortMessage() {
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "m.x,*,2024-01-01T00:00:00Z,1e999999999,2,0,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage(
                        "prices.csv:2: input_per_mtok '1e999999999' is more than 1000000 USD per million tokens");
    }

    @Test
    void shouldRejectUnparsableDate() {
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-13-01,1,2,0,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith(
                        "prices.csv:2: effective_from '2024-13-01' is not an ISO-8601 timestamp");
    }

    @Test
    void shouldRejectNegativePrice() {
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,-0.1,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("prices.csv:2: cache_read_per_mtok '-0.1' is negative");
    }

    @Test
    void shouldLoadPricesWithMoreDecimalsThanSix() {
        List<PriceRow> rows =
                read(
                        PriceCsv.HEADER,
                        "m.x,*,2024-01-01T00:00:00Z,2.6666667,0.000000000000001,"
                                + "0.333333333333333333,1.250000000000000000,");

        assertThat(rows.get(0).inputPerMtok()).isEqualTo(new BigDecimal("2.6666667"));
        assertThat(rows.get(0).outputPerMtok()).isEqualTo(new BigDecimal("0.000000000000001"));
        assertThat(rows.get(0).cacheReadPerMtok())
                .isEqualTo(new BigDecimal("0.333333333333333333"));
    }

    @Test
    void shouldRefuseAbsurdPricesAtLoadTimeNamingFileAndLine() {
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        HAIKU_LINE,
                                        "m.x,*,2024-01-01T00:00:00Z,1e-40,2,0,0,"))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage("prices.csv:3: input_per_mtok '1e-40' has more than 18 decimals");
        String sixtyDigits = "0." + String.join("", Collections.nCopies(59, "1"));
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "m.x,*,2024-01-01T00:00:00Z,1," + sixtyDigits + ",0,0,"))
                .hasMessage(
                        "prices.csv:2: output_per_mtok '"
                                + sixtyDigits
                                + "' has more than 18 decimals");
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "m.x,*,2024-01-01T00:00:00Z,1,2,0,0,1000000.01"))
                .hasMessage(
                        "prices.csv:2: cache_write_1h_per_mtok '1000000.01' is more than 1000000 USD per "
                                + "million tokens");
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,0E+99,0,"))
                .hasMessage(
                        "prices.csv:2: cache_read_per_mtok '0E+99' has an exponent out of range");
    }

    @Test
    void shouldRejectEmptyRequiredField() {
        assertThatThrownBy(() -> read(PriceCsv.HEADER, ",*,2024-01-01T00:00:00Z,1,2,0,0,"))
                .hasMessage("prices.csv:2: model_id is empty");
        assertThatThrownBy(() -> read(PriceCsv.HEADER, "m.x,*,2024-01-01T00:00:00Z,1,2,0,,"))
                .hasMessage("prices.csv:2: cache_write_per_mtok is empty");
    }

    @Test
    void shouldRejectUnknownHeaderColumn() {
        String header = PriceCsv.HEADER.replace("cache_read_per_mtok", "cache_hit_per_mtok");

        assertThatThrownBy(() -> read("# c", header, HAIKU_LINE))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith("prices.csv:2: unknown header column 'cache_hit_per_mtok'");
    }

    @Test
    void shouldRejectMissingHeaderColumn() {
        String header = PriceCsv.HEADER.replace(",cache_write_1h_per_mtok", "");

        assertThatThrownBy(() -> read(header, HAIKU_LINE))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessageStartingWith(
                        "prices.csv:1: missing header column 'cache_write_1h_per_mtok'");
    }

    @Test
    void shouldRejectReorderedHeader() {
        String header = "region,model_id" + PriceCsv.HEADER.substring("model_id,region".length());

        assertThatThrownBy(() -> read(header, HAIKU_LINE))
                .hasMessageStartingWith("prices.csv:1: header columns out of order");
    }

    @Test
    void shouldRejectFileWithoutHeader() {
        assertThatThrownBy(() -> read(HAIKU_LINE))
                .hasMessageStartingWith(
                        "prices.csv:1: unknown header column 'anthropic.claude-3-haiku-20240307-v1:0'");
        assertThatThrownBy(() -> read("# only comments", "", "# more"))
                .hasMessageStartingWith("prices.csv:3: missing header line");
    }

    @Test
    void shouldRejectDuplicateKeyNamingBothLines() {
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        HAIKU_LINE,
                                        "m.x,*,2024-01-01T00:00:00Z,1,2,0,0,",
                                        HAIKU_LINE.replace("0.25", "0.26")))
                .isInstanceOf(PriceCatalogException.class)
                .hasMessage(
                        "prices.csv:4: duplicate key anthropic.claude-3-haiku-20240307-v1:0|*|2024-01-01T00:00:00Z"
                                + " (first defined on line 2)");
    }

    @Test
    void shouldTreatSameInstantInOtherOffsetAsDuplicate() {
        assertThatThrownBy(
                        () ->
                                read(
                                        PriceCsv.HEADER,
                                        "m.x,*,2024-01-01T00:00:00Z,1,2,0,0,",
                                        "m.x,*,2024-01-01T01:00:00+01:00,1,2,0,0,"))
                .hasMessageStartingWith("prices.csv:3: duplicate key m.x|*|2024-01-01T00:00:00Z");
    }
}
