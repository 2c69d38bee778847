package com.bedrockusage.job.alerts.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads the rules file through Flink's file systems, so {@code s3://} works where the S3 file
 * system plugin is installed (MSF). Bounded in size and in time: a file that trickles in slower
 * than {@link #READ_TIMEOUT_MILLIS} is refused like an unreadable one. (A read that hangs inside
 * the file system is bounded by {@link RulesReader}.)
 */
public final class FileSystemRulesSource implements RulesSource {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 1_048_576;
    static final long READ_TIMEOUT_MILLIS = 30_000;

    public static final FileSystemRulesSource INSTANCE = new FileSystemRulesSource();

    private FileSystemRulesSource() {}

    @Override
    public String read(String location) throws RulesException {
        long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000;
        try {
            Path p = new Path(location);
            FileSystem fs = p.getFileSystem();
            try (InputStream in = fs.open(p)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    if (out.size() > MAX_BYTES) {
                        throw new RulesException(
                                location, List.of("the rules file is larger than 1 MiB"));
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new RulesException(
                                location,
                                List.of(
                                        "reading the rules file took longer than "
                                                + READ_TIMEOUT_MILLIS / 1000
                                                + " s"));
                    }
                }
                return new String(out.toByteArray(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            throw new RulesException(location, List.of("cannot read the rules file: " + e));
        }
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
