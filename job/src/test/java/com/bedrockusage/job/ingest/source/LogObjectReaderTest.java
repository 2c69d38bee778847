package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.Rejects;
import com.bedrockusage.job.ingest.parse.BedrockRecordParser;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LogObjectReaderTest {

    private final SyntheticLogs logs = new SyntheticLogs(3);

    private List<String> records(int n, int bodyBytes) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(
                    logs.record(
                            "req-" + i,
                            Instant.parse("2025-08-18T16:00:00Z").plusSeconds(i),
                            "us-east-1",
                            bodyBytes));
        }
        return lines;
    }

    static List<IngestRecord> readAll(byte[] object) throws IOException {
        return readAll(object, true);
    }

    private static List<IngestRecord> readAll(byte[] object, boolean isal) throws IOException {
        return readAll(object, isal, object.length);
    }

    private static List<IngestRecord> readAll(byte[] object, boolean isal, long size)
            throws IOException {
        List<IngestRecord> out = new ArrayList<>();
        try (LogObjectReader reader =
                new LogObjectReader(new ByteArrayInputStream(object), "obj", isal, size)) {
            for (IngestRecord r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
        }
        return out;
    }

    private static long good(List<IngestRecord> records) {
        return records.stream().filter(r -> r.invocation != null).count();
    }

    private static List<String> reasons(List<IngestRecord> records) {
        List<String> reasons = new ArrayList<>();
        for (IngestRecord r : records) {
            if (r.rejected != null) {
                reasons.add(r.rejected.reason);
            }
        }
        return reasons;
    }

    @Test
    void shouldReadGzipAndPlainNdjsonAlike() throws IOException {
        byte[] plain = SyntheticLogs.ndjson(records(200, 3000));
        List<IngestRecord> fromGzip = readAll(SyntheticLogs.gzip(plain));
        List<IngestRecord> fromPlain = readAll(plain);
        assertThat(good(fromGzip)).isEqualTo(200);
        assertThat(fromGzip).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(fromGzip.get(i).invocation).isEqualTo(fromPlain.get(i).invocation);
            assertThat(fromGzip.get(i).invocation.requestId).isEqualTo("req-" + i);
        }
    }

    @Test
    void shouldYieldTheSameRecordsWhetherIsaLOrTheJdkInflates() throws IOException {
        byte[] plain = SyntheticLogs.ndjson(records(80, 2000));
        byte[] gz = SyntheticLogs.gzip(plain);
        List<byte[]> objects = new ArrayList<>();
        objects.add(gz);
        objects.add(
                SyntheticLogs.gzip(
                        ("[" + String.join(",", records(20, 500)) + "]")
                                .getBytes(StandardCharsets.UTF_8)));
        byte[] twoMembers = Arrays.copyOf(gz, gz.length * 2);
        System.arraycopy(gz, 0, twoMembers, gz.length, gz.length);
        objects.add(twoMembers);
        for (int cut = 2; cut < gz.length; cut += 1597) {
            objects.add(Arrays.copyOf(gz, cut));
        }
        for (int at :
                new int[] {3, 12, gz.length / 3, gz.length / 2, gz.length - 8, gz.length - 2}) {
            byte[] damaged = gz.clone();
            damaged[at] ^= 0x41;
            objects.add(damaged);
        }
        for (byte[] object : objects) {
            List<IngestRecord> isal = readAll(object, true);
            List<IngestRecord> jdk = readAll(object, false);
            assertThat(isal).as("records of a %d-byte object", object.length).hasSameSizeAs(jdk);
            for (int i = 0; i < jdk.size(); i++) {
                assertThat(isal.get(i).invocation).isEqualTo(jdk.get(i).invocation);
                assertThat(isal.get(i).rejected)
                        .usingRecursiveComparison()
                        .ignoringFields("ingestTime")
                        .isEqualTo(jdk.get(i).rejected);
            }
        }
        assertThat(readAll(twoMembers, true)).hasSize(160);

        // size unknown: the whole-object path reads into a growing array
        byte[] large = SyntheticLogs.gzip(SyntheticLogs.ndjson(records(400, 6000)));
        assertThat(large.length).isGreaterThan(4 * 64 * 1024);
        List<IngestRecord> unknownSize = readAll(large, true, 0);
        assertThat(good(unknownSize)).isEqualTo(400);
        assertThat(unknownSize)
                .extracting(r -> r.invocation)
                .isEqualTo(
                        readAll(large, false).stream()
                                .map(r -> r.invocation)
                                .collect(Collectors.toList()));
    }

    @Test
    void shouldSkipBlankLinesAndAcceptCrlfAndAMissingFinalNewline() throws IOException {
        List<String> lines = records(3, 100);
        String text = "\n" + lines.get(0) + "\r\n\r\n   \n" + lines.get(1) + "\n" + lines.get(2);
        List<IngestRecord> out = readAll(SyntheticLogs.gzip(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(out).hasSize(3);
        assertThat(good(out)).isEqualTo(3);
    }

    @Test
    void shouldRejectBadLinesWithTheirLineNumberAndGoOn() throws IOException {
        List<String> lines = records(4, 100);
        String text =
                lines.get(0)
                        + "\n{not json\n"
                        + lines.get(1)
                        + "\n{\"foo\": 1}\n\n"
                        + lines.get(2)
                        + "\n";
        List<IngestRecord> out = readAll(SyntheticLogs.gzip(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(out).hasSize(5);
        assertThat(reasons(out)).containsExactly("malformed-json", "foreign-json");
        assertThat(out.get(1).rejected.source).isEqualTo("obj:2");
        assertThat(out.get(3).rejected.source).isEqualTo("obj:4");
        assertThat(out.get(1).rejected.rawExcerpt).isEqualTo("{not json");
    }

    @Test
    void shouldYieldTheCompleteRecordsAndOneRejectForEveryTruncationOfAGzipObject()
            throws IOException {
        byte[] plain = SyntheticLogs.ndjson(records(60, 2000));
        byte[] gz = SyntheticLogs.gzip(plain);
        for (int cut = 2; cut < gz.length; cut += 397) {
            List<IngestRecord> out = readAll(Arrays.copyOf(gz, cut));
            assertThat(reasons(out)).as("cut at %d", cut).containsExactly("truncated-gzip");
            long good = good(out);
            for (int i = 0; i < good; i++) {
                assertThat(out.get(i).invocation.requestId).isEqualTo("req-" + i);
            }
            assertThat(out.get(out.size() - 1).isRejected()).isTrue();
            assertThat(out).hasSize((int) good + 1);
        }
        List<IngestRecord> trailerCut =
                readAll(Arrays.copyOf(gz, gz.length - 4)); // all data, half a trailer
        assertThat(good(trailerCut)).isEqualTo(60);
        assertThat(reasons(trailerCut)).containsExactly("truncated-gzip");
    }

    @Test
    void shouldRejectACorruptGzipHeaderOnce() throws IOException {
        byte[] gz = SyntheticLogs.gzip(SyntheticLogs.ndjson(records(5, 100)));
        gz[2] = 99; // compression method other than deflate
        List<IngestRecord> out = readAll(gz);
        assertThat(reasons(out)).containsExactly("corrupt-gzip");
        assertThat(out).hasSize(1);
    }

    @Test
    void shouldReadNothingFromEmptyObjects() throws IOException {
        assertThat(readAll(new byte[0])).isEmpty();
        assertThat(readAll(SyntheticLogs.gzip(new byte[0]))).isEmpty();
        assertThat(readAll(SyntheticLogs.gzip("\n\n".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void shouldFallBackToAJsonArrayOfRecords() throws IOException {
        List<String> lines = records(30, 5000);
        String array = "  [\n" + String.join(",\n  ", lines) + "\n]\n";
        List<IngestRecord> out =
                readAll(SyntheticLogs.gzip(array.getBytes(StandardCharsets.UTF_8)));
        assertThat(out).hasSize(30);
        assertThat(good(out)).isEqualTo(30);
        assertThat(out.get(29).invocation.requestId).isEqualTo("req-29");
    }

    @Test
    void shouldRejectTheRestOfABrokenJsonArrayOnce() throws IOException {
        List<String> lines = records(3, 100);
        String array = "[" + lines.get(0) + ", " + lines.get(1) + " " + lines.get(2) + "]";
        List<IngestRecord> out = readAll(array.getBytes(StandardCharsets.UTF_8));
        assertThat(good(out)).isEqualTo(2);
        assertThat(reasons(out)).containsExactly("malformed-json");
        assertThat(out.get(2).rejected.source).isEqualTo("obj:3");

        byte[] gz =
                SyntheticLogs.gzip(
                        ("[" + String.join(",", records(20, 2000)) + "]")
                                .getBytes(StandardCharsets.UTF_8));
        List<IngestRecord> cut = readAll(Arrays.copyOf(gz, gz.length / 2));
        assertThat(reasons(cut)).containsExactly("truncated-gzip");
        assertThat(good(cut)).isBetween(1L, 19L);
    }

    @Test
    void shouldRejectAnOversizeLineAndReadTheNextOne() throws IOException {
        List<String> lines = records(2, 100);
        StringBuilder huge = new StringBuilder(BedrockRecordParser.MAX_RECORD_BYTES + 100);
        huge.append("{\"input\": {\"inputBodyJson\": \"");
        while (huge.length() < BedrockRecordParser.MAX_RECORD_BYTES + 10) {
            huge.append("secret prompt text ");
        }
        huge.append("\"}}");
        String text = lines.get(0) + "\n" + huge + "\n" + lines.get(1) + "\n";
        List<IngestRecord> out = readAll(SyntheticLogs.gzip(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(out).hasSize(3);
        assertThat(reasons(out)).containsExactly("oversize-record");
        assertThat(out.get(1).rejected.source).isEqualTo("obj:2");
        assertThat(out.get(1).rejected.rawExcerpt)
                .doesNotContain("secret")
                .endsWith("inputBody" + Rejects.ELIDED);
        assertThat(out.get(2).invocation.requestId).isEqualTo("req-1");
    }

    @Test
    void shouldNeverKeepBodyTextInARejectExcerpt() throws IOException {
        String record =
                logs.converse("req-0", Instant.EPOCH, "us-east-1", 100)
                        .replace("\"accountId\": \"123456789012\"", "\"accountId\": \"x\"");
        List<IngestRecord> out = readAll((record + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(out.get(0).rejected.reason).isEqualTo("invalid-field:accountId");
        assertThat(out.get(0).rejected.rawExcerpt)
                .contains("\"requestId\": \"req-0\"")
                .doesNotContain("BodyJson\":")
                .endsWith(Rejects.ELIDED);
    }
}
