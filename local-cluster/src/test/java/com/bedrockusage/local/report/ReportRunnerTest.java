package com.bedrockusage.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.local.sql.CliRun;
import com.bedrockusage.local.sql.SampleCalls;
import com.bedrockusage.local.sql.SampleCalls.Call;
import com.bedrockusage.local.sql.TestWarehouse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRunnerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final String HEADER =
            "Account Id,Identity ARN,Model Id,Region Name,Number of Input tokens,"
                    + "Number of output tokens,Charges incurred";

    @TempDir static Path tmp;

    private static TestWarehouse warehouse;
    private static List<Call> calls;

    @BeforeAll
    static void buildWarehouse() {
        calls = SampleCalls.generate(150, 7);
        warehouse = TestWarehouse.create(tmp.resolve("warehouse"));
        // the day's totals arrive as the job writes them: first without the day's last call, then
        // upserted
        List<Call> withoutLast = new ArrayList<>(calls);
        Call last =
                calls.stream()
                        .filter(c -> onDay(c.time()))
                        .max((a, b) -> a.time().compareTo(b.time()))
                        .orElseThrow();
        withoutLast.remove(last);
        warehouse.append(
                Tables.USAGE_DAILY,
                SampleCalls.usageRecords(
                        warehouse, Tables.USAGE_DAILY, Duration.ofDays(1), withoutLast));
        warehouse.upsert(
                Tables.USAGE_DAILY,
                SampleCalls.usageRecords(
                        warehouse,
                        Tables.USAGE_DAILY,
                        Duration.ofDays(1),
                        calls.stream().filter(c -> onDay(c.time())).toList()));
    }

    @AfterAll
    static void closeWarehouse() throws Exception {
        warehouse.close();
    }

    @Test
    void shouldReportTheDayExactlyAsComputedFromTheRawCalls() {
        CliRun r = report(DAY);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(expectedCsv());
        assertThat(r.out())
                .contains(
                        "\"arn:aws:sts::111111111111:assumed-role/DataAnalysis-BedrockRole/ops,night\"");
        assertThat(r.out().lines().count()).isGreaterThan(10);
    }

    @Test
    void shouldLeaveTheChargeOfUnpricedUsageEmptyNotZeroAndSaySo() {
        long unpriced = calls.stream().filter(c -> onDay(c.time()) && c.cost() == null).count();
        assertThat(unpriced).as("the sample has unpriced calls on the day").isPositive();

        CliRun r = report(DAY);

        assertThat(r.out().lines().filter(l -> l.contains(",acme.unknown-model-v1,")))
                .isNotEmpty()
                .allMatch(l -> l.endsWith(","), "ends with an empty charge");
        assertThat(r.err()).contains("warning: " + unpriced + " calls on 2026-11-03 had no price");
        CliRun json = report(DAY, "--format", "json");
        assertThat(json.out()).contains("\"chargesUsd\" : null");
    }

    @Test
    void shouldWriteTheReportToAFile() throws Exception {
        Path out = tmp.resolve("reports/usage.csv");

        CliRun r =
                run(
                        "--warehouse",
                        warehouse.dir().toUri().toString(),
                        "--date",
                        DAY.toString(),
                        "--out",
                        out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(expectedCsv());
        assertThat(r.err()).contains("wrote").contains(out.toString());
    }

    @Test
    void shouldRefuseToReplaceAnExistingFileWithoutForce() throws Exception {
        Path out = tmp.resolve("reports/existing.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "last month's report\n");

        CliRun refused = report("2026-10-01", "--out", out.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err())
                .isEqualTo("error: " + out + " exists: pass --force to replace it\n");
        assertThat(Files.readString(out)).isEqualTo("last month's report\n");

        CliRun forced = report(DAY, "--out", out.toString(), "--force");

        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(expectedCsv());
        try (java.util.stream.Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void shouldWriteThroughATemporaryFileThatIsRenamed() {
        Path out = tmp.resolve("atomic/usage.csv");

        // the rename is what makes it atomic: the content is first complete in a hidden file beside
        // the target
        ReportOutput.writeFile("a,b\n", out, false);

        assertThat(out).hasContent("a,b");
        assertThat(out.getParent().toFile().list()).containsExactly("usage.csv");
    }

    @Test
    void shouldWriteTheSameDataAsJson() {
        CliRun r = report(DAY, "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        BigDecimal total =
                expected().values().stream()
                        .map(Line::charges)
                        .filter(java.util.Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.out())
                .contains("\"date\" : \"2026-11-03\"")
                .contains("\"rows\" : " + expected().size())
                .contains("\"totalChargesUsd\" : \"" + plain(total) + "\"")
                .contains(
                        "\"identityArn\" : \"arn:aws:sts::111111111111:assumed-role/DataAnalysis-BedrockRole/ops,night\"");
    }

    @Test
    void shouldWriteOnlyTheHeaderForADayWithoutUsageAndSaySo() {
        CliRun r = report("2026-10-01");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(HEADER + "\n");
        assertThat(r.err()).contains("no usage on 2026-10-01");
    }

    @Test
    void shouldFailWithOneLineForAMissingWarehouseOrABadDate() {
        CliRun missing =
                run("--warehouse", tmp.resolve("nope").toString(), "--date", DAY.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err())
                .startsWith("error: warehouse not found:")
                .doesNotContain("Exception")
                .hasLineCount(1);

        CliRun badDate = report("2026-13-45");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).isEqualTo("error: --date must be YYYY-MM-DD, not '2026-13-45'\n");

        CliRun noDate = run("--warehouse", warehouse.dir().toString());
        assertThat(noDate.exit()).isEqualTo(2);
        assertThat(noDate.err()).contains("--date YYYY-MM-DD is required");

        CliRun badS3 = report(DAY, "--out", "s3://bucket");
        assertThat(badS3.exit()).isEqualTo(2);
        assertThat(badS3.err())
                .isEqualTo("error: --out must be s3://bucket/key, not 's3://bucket'\n");
    }

    private static boolean onDay(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().equals(DAY);
    }

    private record Line(long input, long output, BigDecimal charges) {}

    /**
     * Straight from the calls: grouped by account, ARN, model, region; a line without a priced call
     * has no charge.
     */
    private static Map<List<String>, Line> expected() {
        Map<List<String>, Line> lines =
                new TreeMap<>(
                        (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (Call c : calls) {
            if (!onDay(c.time())) {
                continue;
            }
            lines.merge(
                    List.of(c.account(), c.caller(), c.model(), c.region()),
                    new Line(c.input(), c.output(), c.cost()),
                    (x, y) ->
                            new Line(
                                    x.input() + y.input(),
                                    x.output() + y.output(),
                                    add(x.charges(), y.charges())));
        }
        return lines;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static String expectedCsv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        expected()
                .forEach(
                        (k, v) ->
                                sb.append(k.get(0))
                                        .append(',')
                                        .append(
                                                k.get(1).contains(",")
                                                        ? "\"" + k.get(1) + "\""
                                                        : k.get(1))
                                        .append(',')
                                        .append(k.get(2))
                                        .append(',')
                                        .append(k.get(3))
                                        .append(',')
                                        .append(v.input())
                                        .append(',')
                                        .append(v.output())
                                        .append(',')
                                        .append(v.charges() == null ? "" : plain(v.charges()))
                                        .append('\n'));
        return sb.toString();
    }

    private static String plain(BigDecimal usd) {
        BigDecimal s = usd.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2).toPlainString() : s.toPlainString();
    }

    /** bin/report on the sample warehouse for one day, with {@code more} options. */
    private static CliRun report(Object day, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--warehouse",
                                warehouse.dir().toString(),
                                "--date",
                                day.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static CliRun run(String... args) {
        return CliRun.of(ReportRunner::run, args);
    }
}
