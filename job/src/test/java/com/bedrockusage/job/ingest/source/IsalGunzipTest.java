package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IsalGunzipTest {

    private static final byte[] CONTENT = content(300_000);

    @BeforeAll
    static void nativeLibraryLoadsWhereItShips() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        boolean shipped =
                (os.contains("linux") || os.contains("mac"))
                        && (arch.equals("amd64") || arch.equals("x86_64"));
        // where the jar carries the library, it must load: otherwise the fast path would be
        // silently gone
        if (shipped) {
            assertThat(IsalGunzip.available())
                    .as("GKL's libgkl_compression loads on %s/%s", os, arch)
                    .isTrue();
        }
        assumeTrue(IsalGunzip.available(), "ISA-L is not available on this machine");
    }

    @Test
    void shouldInflateAGzipObjectExactly() {
        byte[] gz = SyntheticLogs.gzip(CONTENT);
        assertThat(IsalGunzip.inflate(gz, gz.length)).isEqualTo(CONTENT);
        byte[] padded = Arrays.copyOf(gz, gz.length + 100); // only [0, len) is the object
        assertThat(IsalGunzip.inflate(padded, gz.length)).isEqualTo(CONTENT);
    }

    @Test
    void shouldSkipTheOptionalHeaderFields() {
        byte[] header = {
            0x1f,
            (byte) 0x8b,
            8,
            0x04 | 0x08 | 0x10,
            0,
            0,
            0,
            0,
            0,
            3,
            4,
            0,
            'a',
            'b',
            'c',
            'd', // FEXTRA: length 4
            'l',
            'o',
            'g',
            '.',
            'j',
            's',
            'o',
            'n',
            0, // FNAME
            'h',
            'i',
            0
        }; // FCOMMENT
        byte[] gz = member(header, CONTENT);
        assertThat(IsalGunzip.inflate(gz, gz.length)).isEqualTo(CONTENT);

        byte[] withHeaderCrc = Arrays.copyOf(header, header.length + 2);
        withHeaderCrc[3] |= 0x02; // FHCRC: the JDK checks it, so it decides
        byte[] gzWithHeaderCrc = member(withHeaderCrc, CONTENT);
        assertThat(IsalGunzip.inflate(gzWithHeaderCrc, gzWithHeaderCrc.length)).isNull();
    }

    @Test
    void shouldLeaveEveryOtherCaseToTheJdk() {
        byte[] gz = SyntheticLogs.gzip(CONTENT);
        for (int cut = 0; cut < gz.length; cut += 1009) {
            assertThat(IsalGunzip.inflate(gz, cut)).as("truncated at %d", cut).isNull();
        }
        assertThat(IsalGunzip.inflate(gz, gz.length - 1)).as("half a trailer").isNull();

        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertThat(IsalGunzip.inflate(badCrc, gz.length)).as("wrong CRC").isNull();

        byte[] badData = gz.clone();
        badData[gz.length / 2] ^= 0x55;
        assertThat(IsalGunzip.inflate(badData, gz.length)).as("damaged deflate data").isNull();

        byte[] reserved = gz.clone();
        reserved[3] = (byte) 0x20;
        assertThat(IsalGunzip.inflate(reserved, gz.length)).as("reserved header flag").isNull();

        byte[] twoMembers = concat(SyntheticLogs.gzip(CONTENT), SyntheticLogs.gzip(CONTENT));
        assertThat(IsalGunzip.inflate(twoMembers, twoMembers.length))
                .as("two gzip members")
                .isNull();

        byte[] empty = SyntheticLogs.gzip(new byte[0]);
        assertThat(IsalGunzip.inflate(empty, empty.length)).as("empty content").isNull();

        byte[] tooBig = gz.clone();
        int size = IsalGunzip.MAX_OUTPUT + 1;
        for (int i = 0; i < 4; i++) {
            tooBig[gz.length - 4 + i] = (byte) (size >>> (8 * i));
        }
        assertThat(IsalGunzip.inflate(tooBig, gz.length)).as("over the size limit").isNull();
    }

    /** Text with some repetition, like log lines, so it compresses the way real objects do. */
    private static byte[] content(int n) {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(n + 100);
        while (sb.length() < n) {
            sb.append("{\"requestId\": \"")
                    .append(random.nextInt())
                    .append("\", \"text\": \"")
                    .append(Long.toString(random.nextLong(), 36).repeat(1 + random.nextInt(5)))
                    .append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] member(byte[] header, byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header, 0, header.length);
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLe32(out, (int) crc.getValue());
        writeLe32(out, data.length);
        return out.toByteArray();
    }

    private static void writeLe32(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
