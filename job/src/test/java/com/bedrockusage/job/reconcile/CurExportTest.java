package com.bedrockusage.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurExportTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-03");
    static final List<CurLine> LINES =
            List.of(
                    new CurLine(
                            DAY,
                            "111111111111",
                            "AmazonBedrock",
                            "USE1-Claude4.5Sonnet-input-tokens",
                            new BigDecimal("123456"),
                            new BigDecimal("0.370368"),
                            "us-east-1",
                            null,
                            "arn:aws:iam::111111111111:role/Checkout-BedrockRole"),
                    new CurLine(
                            DAY,
                            "111111111111",
                            "AmazonBedrock",
                            "USE1-Claude4.5Sonnet-cache-read-input-token-count",
                            new BigDecimal("5000"),
                            new BigDecimal("0.0015"),
                            "us-east-1",
                            null,
                            null));

    @TempDir Path dir;

    private final UsageTypeModels models = UsageTypeModels.builtIn();

    @Test
    void readsGzipCsvAndParquetAlike() throws IOException {
        CurExportWriter.writeCsvGz(
                dir.resolve("csv/data/BILLING_PERIOD=2026-11/x-00001.csv.gz"), LINES);
        CurExportWriter.writeParquet(
                dir.resolve("parquet/data/BILLING_PERIOD=2026-11/x-00001.snappy.parquet"), LINES);
        Files.writeString(dir.resolve("csv/manifest.json"), "{}");
        for (String format : List.of("csv", "parquet")) {
            CurRead read =
                    CurExport.read(
                            dir.resolve(format).toString(),
                            DAY,
                            DAY.plusDays(1),
                            models,
                            null,
                            null);
            assertThat(read.files).as(format).isEqualTo(1);
            assertThat(read.unreadable).as(format).isZero();
            assertThat(read.lines)
                    .as(format)
                    .extracting(Object::toString)
                    .containsExactly(LINES.get(0).toString(), LINES.get(1).toString());
        }
    }

    @Test
    void leavesOutOtherProductsNonUsageAndOtherDaysAndReportsBrokenLines() throws IOException {
        String csv =
                String.join(
                        "\n",
                        "line_item_usage_start_date,line_item_usage_account_id,line_item_product_code,line_item_usage_type,"
                                + "line_item_usage_amount,line_item_unblended_cost,product_region_code,line_item_line_item_type,"
                                + "line_item_iam_principal",
                        "2026-11-03T05:00:00Z,111111111111,AmazonEC2,USE1-BoxUsage,1,0.1,us-east-1,Usage,",
                        "2026-11-03T05:00:00Z,111111111111,AmazonBedrock,USE1-Claude4.5Sonnet-input-tokens,1,0.1,us-east-1,Tax,",
                        "2026-11-04T00:00:00Z,111111111111,AmazonBedrock,USE1-Claude4.5Sonnet-input-tokens,1,0.1,us-east-1,Usage,",
                        "2026-11-03T05:00:00Z,111111111111,AmazonBedrock,USE1-Claude4.5Sonnet-input-tokens,lots,0.1,us-east-1,Usage,",
                        "2026-11-03 05:00:00.000,111111111111,AmazonBedrock,\"USE1-Claude4.5Sonnet-output-tokens\",10,0.00015,"
                                + "us-east-1,Usage,\"arn:aws:iam::111111111111:user/a,b\"",
                        "");
        Path f = dir.resolve("cur.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        CurRead read = CurExport.read(f.toString(), DAY, DAY.plusDays(1), models, null, null);
        assertThat(read.otherProducts).isEqualTo(1);
        assertThat(read.notUsage).isEqualTo(1);
        assertThat(read.outOfRange).isEqualTo(1);
        assertThat(read.unreadable).isEqualTo(1);
        assertThat(read.problems.get(0)).contains("line 5");
        assertThat(read.lines).hasSize(1);
        assertThat(read.lines.get(0).principal).isEqualTo("arn:aws:iam::111111111111:user/a,b");
        assertThat(read.lines.get(0).unblendedCost).isEqualByComparingTo("0.00015");
    }

    @Test
    void aFileThatIsNotAnExportIsReportedNotFatal() throws IOException {
        Files.writeString(dir.resolve("broken.parquet"), "not parquet");
        Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        CurRead read = CurExport.read(dir.toString(), DAY, DAY.plusDays(1), models, null, null);
        assertThat(read.files).isEqualTo(2);
        assertThat(read.lines).isEmpty();
        assertThat(read.problems)
                .anySatisfy(p -> assertThat(p).contains("broken.parquet: unreadable file"))
                .anySatisfy(p -> assertThat(p).contains("no column line_item_usage_start_date"));
    }
}
