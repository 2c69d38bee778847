package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateLogsTest {

    private static final String[] SMALL = {
        "--invocations", "400", "--body-kb", "0.5", "--accounts", "2"
    };

    private static final Pattern KEY =
            Pattern.compile(
                    "AWSLogs/(\\d{12})/BedrockModelInvocationLogs/([a-z]{2}-[a-z]+-\\d)/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/"
                            + "(\\d{8})T(\\d{2})\\d{4}\\d{3}Z_[0-9a-f]{16}\\.json\\.gz");

    @TempDir Path tmp;

    @Test
    void shouldWriteIdenticalBytesForTheSameSeedWhateverTheThreadCount() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        GeneratedLogs.generate(a, concat(SMALL, "--seed", "7", "--threads", "1"));
        GeneratedLogs.generate(b, concat(SMALL, "--seed", "7", "--threads", "2"));

        List<Path> filesA = allFiles(a);
        assertThat(filesA).isNotEmpty().isEqualTo(allFiles(b));
        for (Path rel : filesA) {
            if (!rel.toString().equals("expected-totals.json")) {
                assertThat(Files.readAllBytes(b.resolve(rel)))
                        .as(rel.toString())
                        .isEqualTo(Files.readAllBytes(a.resolve(rel)));
            }
        }
        assertThat(GeneratedLogs.expected(b)).isEqualTo(GeneratedLogs.expected(a));
    }

    @Test
    void shouldWriteDifferentRecordsForAnotherSeed() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        GeneratedLogs.generate(a, concat(SMALL, "--seed", "1"));
        GeneratedLogs.generate(b, concat(SMALL, "--seed", "2"));

        List<String> idsA =
                GeneratedLogs.lines(a).stream()
                        .map(l -> l.json().get("requestId").asText())
                        .toList();
        List<String> idsB =
                GeneratedLogs.lines(b).stream()
                        .map(l -> l.json().get("requestId").asText())
                        .toList();
        assertThat(idsA).doesNotContainAnyElementsOf(idsB);
    }

    @Test
    void shouldLayOutFilesAsBedrockDeliversThemToS3() throws Exception {
        GeneratedLogs.generate(
                tmp, concat(SMALL, "--start", "2026-12-31T23:00:00Z", "--hours", "2"));

        List<Path> files = GeneratedLogs.logFiles(tmp);
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String key = tmp.relativize(file).toString().replace('\\', '/');
            var m = KEY.matcher(key);
            assertThat(m.matches()).as(key).isTrue();
            // the object name's time lies in the hour of the folder it sits in
            assertThat(m.group(7)).isEqualTo(m.group(3) + m.group(4) + m.group(5));
            assertThat(m.group(8)).isEqualTo(m.group(6));
        }
        // the run crosses midnight and a year boundary: both days have folders
        assertThat(files)
                .anyMatch(f -> f.toString().contains("/2026/12/31/23/"))
                .anyMatch(f -> f.toString().contains("/2027/01/01/00/"));
        // every file holds records of its own account and region only
        for (GeneratedLogs.Line line : GeneratedLogs.lines(tmp)) {
            String key = line.file().toString().replace('\\', '/');
            assertThat(key)
                    .startsWith(
                            "AWSLogs/"
                                    + line.json().get("accountId").asText()
                                    + "/BedrockModelInvocationLogs/"
                                    + line.json().get("region").asText()
                                    + "/");
        }
    }

    @Test
    void shouldPrintAOneLineSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                GenerateLogs.run(concat(SMALL, "--out", tmp.toString()), print(out), print(err));

        assertThat(status).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary.lines()).hasSize(1);
        assertThat(summary)
                .contains("files=")
                .contains("records=400")
                .contains("bytes_uncompressed=")
                .contains("bytes_compressed=");
    }

    @Test
    void shouldExitWithStatus2AndAClearMessageOnBadArguments() {
        assertBadArgs("--out DIR is required", "--invocations", "10");
        assertBadArgs(
                "--hours needs a number, got 'two'", "--out", tmp.toString(), "--hours", "two");
        assertBadArgs(
                "--duplicates-pct must be between 0.0 and 100.0",
                "--out",
                tmp.toString(),
                "--duplicates-pct",
                "120");
        assertBadArgs("unknown option --bogus", "--out", tmp.toString(), "--bogus", "1");
        assertBadArgs("unknown option --bogus", "--out", tmp.toString(), "--bogus");
        assertBadArgs("unexpected argument 'stray'", "--out", tmp.toString(), "stray");
        assertBadArgs(
                "--start needs an ISO instant", "--out", tmp.toString(), "--start", "yesterday");
        assertBadArgs("--seed needs a value", "--out", tmp.toString(), "--seed");
        assertBadArgs(
                "--kinesis-stream needs --endpoint",
                "--kinesis-stream",
                "arn:aws:kinesis:us-east-1:1:stream/s");
    }

    @Test
    void shouldPrintUsageOnHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status =
                GenerateLogs.run(
                        new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: generate-logs")
                .contains("--duplicates-pct");
    }

    @Test
    void shouldRefuseToMixRunsInOneDirectoryUnlessAskedToOverwrite() throws Exception {
        GeneratedLogs.generate(tmp, concat(SMALL, "--seed", "1"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int refused =
                GenerateLogs.run(
                        concat(SMALL, "--out", tmp.toString(), "--seed", "2"),
                        print(new ByteArrayOutputStream()),
                        print(err));
        int replaced =
                GenerateLogs.run(
                        concat(SMALL, "--out", tmp.toString(), "--seed", "2", "--overwrite"),
                        print(new ByteArrayOutputStream()),
                        print(new ByteArrayOutputStream()));

        assertThat(refused).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--overwrite");
        assertThat(replaced).isZero();
        assertThat(GeneratedLogs.expected(tmp).path("generator").path("seed").asLong())
                .isEqualTo(2);
        assertThat(GeneratedLogs.lines(tmp))
                .hasSize(GeneratedLogs.expected(tmp).path("counts").path("linesWritten").asInt());
    }

    private void assertBadArgs(String message, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenerateLogs.run(args, print(new ByteArrayOutputStream()), print(err));
        assertThat(status).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
    }

    private static List<Path> allFiles(Path root) throws Exception {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
