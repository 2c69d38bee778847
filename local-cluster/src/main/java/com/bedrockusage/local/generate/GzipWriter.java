package com.bedrockusage.local.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip member writer that reuses its {@link Deflater} and buffer across files (GZIPOutputStream
 * allocates both per stream). The header carries no timestamp or name, so output is byte-identical
 * for equal input.
 */
final class GzipWriter {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[1 << 16];
    private OutputStream out;
    private long uncompressed;
    private long compressed;

    GzipWriter(int level) {
        this.deflater = new Deflater(level, true);
    }

    void start(OutputStream target) throws IOException {
        deflater.reset();
        crc.reset();
        out = target;
        uncompressed = 0;
        out.write(HEADER);
        compressed = HEADER.length;
    }

    void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        uncompressed += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    /** Finishes the member; the caller closes the stream. */
    void finish() throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            drain();
        }
        int c = (int) crc.getValue();
        int n = (int) uncompressed;
        byte[] trailer = {
            (byte) c,
            (byte) (c >> 8),
            (byte) (c >> 16),
            (byte) (c >> 24),
            (byte) n,
            (byte) (n >> 8),
            (byte) (n >> 16),
            (byte) (n >> 24)
        };
        out.write(trailer);
        compressed += trailer.length;
        out = null;
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
        if (n > 0) {
            out.write(buf, 0, n);
            compressed += n;
        }
    }

    long uncompressedBytes() {
        return uncompressed;
    }

    long compressedBytes() {
        return compressed;
    }

    void close() {
        deflater.end();
    }
}
