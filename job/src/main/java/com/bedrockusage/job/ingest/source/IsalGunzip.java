package com.bedrockusage.job.ingest.source;

import com.intel.gkl.compression.IntelInflater;
import java.util.logging.Level;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decompresses a whole gzip object in one call with Intel ISA-L's inflate (through the JNI binding
 * of Intel's GKL), about twice as fast as the JDK's zlib on log objects.
 *
 * <p>Only the plain case is taken: one gzip member whose trailer's size is at most {@link
 * #MAX_OUTPUT}, inflated completely, with a matching CRC-32. For anything else, and on any failure,
 * {@link #inflate} returns null and the caller streams the same bytes through {@link
 * java.util.zip.GZIPInputStream}, which reports truncation or corruption as before. So which path
 * ran never changes what a log object yields. (GKL's inflater cannot stream: every call starts
 * again from the first input byte, hence whole objects only.)
 */
public final class IsalGunzip {

    /**
     * Larger objects are streamed: this path holds an object, compressed and decompressed, in
     * memory.
     */
    static final int MAX_OUTPUT = 64 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IsalGunzip.class);

    private static final int RESERVED_FLAGS = 0xe0;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int HEADER = 10;
    private static final int TRAILER = 8;

    private IsalGunzip() {}

    /**
     * Whether the native library loaded on this machine (x86-64 Linux or macOS); tried once per
     * JVM.
     */
    public static boolean available() {
        return Native.LOADED;
    }

    /**
     * @param gz a complete gzip object in {@code gz[0, len)}
     * @return its decompressed bytes (exactly as long as the content), or null when this path does
     *     not apply
     */
    public static byte[] inflate(byte[] gz, int len) {
        if (!available()) {
            return null;
        }
        int from = deflateStart(gz, len);
        if (from < 0 || len - TRAILER <= from) {
            return null;
        }
        long size = le32(gz, len - 4) & 0xffffffffL;
        if (size == 0 || size > MAX_OUTPUT) {
            return null;
        }
        byte[] out = new byte[(int) size];
        IntelInflater inflater = new IntelInflater(true);
        try {
            inflater.setInput(gz, from, len - TRAILER - from);
            if (inflater.inflate(out, 0, out.length) != out.length || !inflater.finished()) {
                return null;
            }
        } catch (RuntimeException e) {
            return null; // invalid deflate data: the JDK path reports it
        } finally {
            inflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(out, 0, out.length);
        return (int) crc.getValue() == le32(gz, len - TRAILER) ? out : null;
    }

    /**
     * Where the deflate data starts after the member header (RFC 1952, 2.3), or -1 if the header is
     * unusual.
     */
    private static int deflateStart(byte[] gz, int len) {
        if (len < HEADER + TRAILER
                || (gz[0] & 0xff) != 0x1f
                || (gz[1] & 0xff) != 0x8b
                || gz[2] != 8) {
            return -1;
        }
        int flags = gz[3] & 0xff;
        if ((flags & (RESERVED_FLAGS | FHCRC)) != 0) {
            return -1; // the JDK checks a header CRC: left to it, so both paths agree on a wrong
            // one
        }
        int p = HEADER;
        if ((flags & FEXTRA) != 0) {
            if (p + 2 > len) {
                return -1;
            }
            p += 2 + ((gz[p] & 0xff) | (gz[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(gz, p, len);
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(gz, p, len);
        }
        return p >= 0 && p <= len ? p : -1;
    }

    private static int afterZero(byte[] gz, int p, int len) {
        if (p < 0) {
            return -1;
        }
        for (int i = p; i < len; i++) {
            if (gz[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xff)
                | (b[p + 1] & 0xff) << 8
                | (b[p + 2] & 0xff) << 16
                | (b[p + 3] & 0xff) << 24;
    }

    /** Loads the library on first use, so a JVM that never reads gzip never extracts it. */
    private static final class Native {
        /**
         * GKL logs through commons-logging, which falls back to java.util.logging where no Log4j 1
         * API is present: its INFO lines would reach the console unformatted. Our own line below
         * says the same. Held so the level stays.
         */
        private static final java.util.logging.Logger GKL_LOG =
                quiet(java.util.logging.Logger.getLogger("com.intel.gkl"));

        static final boolean LOADED = load();

        private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
            logger.setLevel(Level.WARNING);
            return logger;
        }

        private static boolean load() {
            try {
                if (new IntelInflater(true).load(null)) {
                    LOG.info("gzip log objects are inflated with Intel ISA-L (GKL)");
                    return true;
                }
                LOG.warn(
                        "Intel ISA-L (GKL) did not load on this machine: gzip log objects are inflated with the JDK");
            } catch (RuntimeException
                    | LinkageError
                            e) { // a missing or unusable native library must not stop the job
                LOG.warn(
                        "Intel ISA-L (GKL) is not usable here ({}): gzip log objects are inflated with the JDK",
                        e.toString());
            }
            return false;
        }
    }
}
