package com.bedrockusage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.usage.UsageRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportFunctionTest {

    private static final long DAY = Instant.parse("2026-11-03T00:00:00Z").toEpochMilli();
    private static final long DAY_END = DAY + DailyReportFunction.DAY_MS;
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration CORRECTIONS = Duration.ofHours(6);
    private static final String ALICE =
            "arn:aws:sts::111111111111:assumed-role/Checkout-BedrockRole/alice";
    private static final String BOB = "arn:aws:iam::222222222222:user/bob";

    @TempDir Path dir;

    private KeyedOneInputStreamOperatorTestHarness<Long, UsageRow, DailyReportWritten> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void open(String location) throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DailyReportFunction(location, GRACE, CORRECTIONS),
                        DailyReportFunction.BY_DAY,
                        Types.LONG);
    }

    private Path reportFile() {
        return dir.resolve("bedrock-usage-2026-11-03.csv");
    }

    @Test
    void shouldWriteTheDayOnlyAfterTheWatermarkPassesItsEndPlusGrace() throws Exception {
        open(dir.toUri().toString());
        feed(alice(100, 10, "0.5"));
        feed(usage("222222222222", BOB, "m2", "eu-west-1", 7, 3, "0.000000000001"));
        harness.processWatermark(new Watermark(DAY_END + GRACE.toMillis() - 1));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(reportFile()).doesNotExist();

        afterGrace(0);

        assertThat(read(reportFile()))
                .isEqualTo(
                        csv(
                                "111111111111," + ALICE + ",m1,us-east-1,100,10,0.50",
                                "222222222222," + BOB + ",m2,eu-west-1,7,3,0.000000000001"));
        List<DailyReportWritten> out = harness.extractOutputValues();
        assertThat(out)
                .singleElement()
                .satisfies(
                        w -> {
                            assertThat(w.date).isEqualTo("2026-11-03");
                            assertThat(w.location).isEqualTo(reportFile().toUri().toString());
                            assertThat(w.revision).isEqualTo(1);
                            assertThat(w.rows).isEqualTo(2);
                            assertThat(w.totalInputTokens).isEqualTo(107);
                            assertThat(w.totalOutputTokens).isEqualTo(13);
                            assertThat(w.totalCharges).isEqualByComparingTo("0.500000000001");
                        });
    }

    @Test
    void shouldKeepTheLatestTotalOfAKeyAndRewriteTheReportWithLateCorrections() throws Exception {
        open(dir.toUri().toString());
        feed(alice(100, 10, "0.5"));
        feed(alice(150, 20, "0.75"));
        afterGrace(0);
        assertThat(read(reportFile())).endsWith(",150,20,0.75\n");

        // a late call updated the day's total after the first report
        feed(alice(160, 25, "0.8"));
        afterGrace(1000);

        assertThat(read(reportFile()))
                .isEqualTo(csv("111111111111," + ALICE + ",m1,us-east-1,160,25,0.80"));
        assertThat(harness.extractOutputValues()).extracting(w -> w.revision).containsExactly(1, 2);
    }

    @Test
    void shouldIgnoreRowsAfterTheCorrectionWindowWithoutOverwritingTheReport() throws Exception {
        open(dir.toUri().toString());
        feed(alice(100, 10, "0.5"));
        afterGrace(CORRECTIONS.toMillis());
        String firstReport = read(reportFile());
        assertThat(harness.numKeyedStateEntries()).isZero();

        feed(usage("222222222222", BOB, "m2", "eu-west-1", 1, 1, "1"));
        afterGrace(CORRECTIONS.toMillis() + 60_000);

        assertThat(read(reportFile())).isEqualTo(firstReport);
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void shouldReportEachDaySeparatelyAtAPatternLocation() throws Exception {
        open(dir.toUri() + "reports/{date}/usage.csv");
        feed(usage("1", ALICE, "m1", "us-east-1", 1, 1, "1"));
        harness.processElement(
                withDay(usage("1", ALICE, "m1", "us-east-1", 2, 2, "2"), DAY_END), DAY_END + 5);
        harness.processWatermark(
                new Watermark(DAY_END + DailyReportFunction.DAY_MS + GRACE.toMillis()));

        assertThat(read(dir.resolve("reports/2026-11-03/usage.csv"))).endsWith(",1,1,1.00\n");
        assertThat(read(dir.resolve("reports/2026-11-04/usage.csv"))).endsWith(",2,2,2.00\n");
        assertThat(harness.extractOutputValues())
                .extracting(w -> w.date)
                .containsExactly("2026-11-03", "2026-11-04");
    }

    @Test
    void shouldRetryAFailedWriteInsteadOfFailingTheJob() throws Exception {
        Path blocker = dir.resolve("blocked");
        Files.write(blocker, new byte[0]);
        open(blocker.toUri() + "/{date}.csv");
        feed(usage("1", ALICE, "m1", "us-east-1", 1, 1, "1"));

        afterGrace(0);
        assertThat(harness.extractOutputValues()).isEmpty();

        Files.delete(blocker);
        afterGrace(DailyReportFunction.RETRY_AFTER.toMillis());
        assertThat(harness.extractOutputValues()).extracting(w -> w.revision).containsExactly(1);
        assertThat(read(blocker.resolve("2026-11-03.csv"))).endsWith(",1,1,1.00\n");
    }

    @Test
    void shouldPlaceReportsInADirectoryOrAPattern() {
        assertThat(DailyReportFunction.locationFor("s3://b/reports/", "2026-11-03"))
                .isEqualTo("s3://b/reports/bedrock-usage-2026-11-03.csv");
        assertThat(DailyReportFunction.locationFor("s3://b/reports", "2026-11-03"))
                .isEqualTo("s3://b/reports/bedrock-usage-2026-11-03.csv");
        assertThat(DailyReportFunction.locationFor("s3://b/{date}/daily.csv", "2026-11-03"))
                .isEqualTo("s3://b/2026-11-03/daily.csv");
    }

    @Test
    void shouldSerializeItsTypesAsPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DailyReportWritten.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DailyReportRow.class);
    }

    /** A row of the report's day, arriving just before the day ends. */
    private void feed(UsageRow row) throws Exception {
        harness.processElement(row, DAY_END - 1);
    }

    /** Moves the watermark {@code ms} past the day's end plus the grace. */
    private void afterGrace(long ms) throws Exception {
        harness.processWatermark(new Watermark(DAY_END + GRACE.toMillis() + ms));
    }

    /** Alice's usage of model m1 in account 111111111111, us-east-1. */
    private static UsageRow alice(long in, long out, String cost) {
        return usage("111111111111", ALICE, "m1", "us-east-1", in, out, cost);
    }

    private static UsageRow usage(
            String account,
            String arn,
            String model,
            String region,
            long in,
            long out,
            String cost) {
        UsageRow u = new UsageRow();
        u.windowStart = DAY;
        u.accountId = account;
        u.callerArn = arn;
        u.modelId = model;
        u.region = region;
        u.inputTokens = in;
        u.outputTokens = out;
        u.costUsd = new BigDecimal(cost);
        return u;
    }

    private static UsageRow withDay(UsageRow u, long dayStart) {
        u.windowStart = dayStart;
        return u;
    }

    /** A report's text: the header, then {@code rows}, each ending its line. */
    private static String csv(String... rows) {
        StringBuilder text = new StringBuilder(DailyReportCsv.HEADER).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return text.toString();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
