package com.bedrockusage.job.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;
import org.apache.flink.core.fs.FileSystemKind;
import org.apache.flink.core.fs.Path;

/**
 * A bucket of Bedrock log deliveries that exists only as listings: {@code synthetic-logs://D-N/}
 * holds D days of hour folders ending with the current hour, N empty objects in each, under one
 * account and region, laid out as Bedrock writes them. Counts its LIST calls ({@link #listStatus}).
 * Flink caches one instance per authority.
 */
public final class SyntheticLogFileSystem extends FileSystem {

    public static final String SCHEME = "synthetic-logs";
    static final String ACCOUNT = "111122223333";
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    private final URI uri;
    private final long firstHour;
    private final long endHour;
    private final int perHour;
    private final AtomicLong lists = new AtomicLong();

    private SyntheticLogFileSystem(URI uri) {
        this.uri = uri;
        String[] spec = uri.getAuthority().split("-");
        int days = Integer.parseInt(spec[0]);
        this.perHour = Integer.parseInt(spec[1]);
        long now = System.currentTimeMillis();
        this.endHour = now - Math.floorMod(now, HOUR) + HOUR;
        this.firstHour = endHour - days * 24 * HOUR;
    }

    /** {@code synthetic-logs://days-perHour/}. */
    public static String root(int days, int objectsPerHour) {
        return SCHEME + "://" + days + "-" + objectsPerHour + "/";
    }

    public static SyntheticLogFileSystem of(String root) throws IOException {
        return (SyntheticLogFileSystem) new Path(root).getFileSystem();
    }

    public long objects() {
        return (endHour - firstHour) / HOUR * perHour;
    }

    public long listCalls() {
        return lists.get();
    }

    @Override
    public FileStatus getFileStatus(Path f) {
        return status(f, !f.getName().endsWith(".gz"));
    }

    @Override
    public FileStatus[] listStatus(Path f) {
        lists.incrementAndGet();
        List<String> segments = new ArrayList<>();
        for (Path p = f; p != null && !p.getName().isEmpty(); p = p.getParent()) {
            segments.add(0, p.getName());
        }
        List<FileStatus> out = new ArrayList<>();
        String[] fixed = {"AWSLogs", ACCOUNT, "BedrockModelInvocationLogs", "us-east-1"};
        if (segments.size() < fixed.length) {
            out.add(status(new Path(f, fixed[segments.size()]), true));
        } else {
            int depth =
                    segments.size()
                            - fixed.length; // 0: years, 1: months, 2: days, 3: hours, 4: objects
            int[] prefix = new int[depth];
            for (int i = 0; i < depth; i++) {
                prefix[i] = Integer.parseInt(segments.get(fixed.length + i));
            }
            if (depth == 4) {
                long hour =
                        LocalDateTime.of(prefix[0], prefix[1], prefix[2], prefix[3], 0)
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli();
                for (int i = 0; i < perHour; i++) {
                    String name =
                            NAME.format(
                                            Instant.ofEpochMilli(hour + i * (HOUR / perHour))
                                                    .atOffset(ZoneOffset.UTC))
                                    + "_"
                                    + i
                                    + ".json.gz";
                    out.add(status(new Path(f, name), false));
                }
            } else {
                String last = null;
                for (long h = firstHour; h < endHour; h += HOUR) {
                    LocalDateTime t = LocalDateTime.ofEpochSecond(h / 1000, 0, ZoneOffset.UTC);
                    int[] parts = {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour()};
                    boolean under = true;
                    for (int i = 0; i < depth; i++) {
                        under &= parts[i] == prefix[i];
                    }
                    String name =
                            depth == 0
                                    ? Integer.toString(parts[0])
                                    : String.format("%02d", parts[depth]);
                    if (under && !name.equals(last)) {
                        out.add(status(new Path(f, name), true));
                        last = name;
                    }
                }
            }
        }
        return out.toArray(new FileStatus[0]);
    }

    private static FileStatus status(Path path, boolean dir) {
        return new FileStatus() {
            public long getLen() {
                return dir ? 0 : 1000;
            }

            public long getBlockSize() {
                return 1 << 20;
            }

            public short getReplication() {
                return 1;
            }

            public long getModificationTime() {
                return 0;
            }

            public long getAccessTime() {
                return 0;
            }

            public boolean isDir() {
                return dir;
            }

            public Path getPath() {
                return path;
            }
        };
    }

    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) {
        return new BlockLocation[0];
    }

    @Override
    public Path getWorkingDirectory() {
        return new Path(uri);
    }

    @Override
    public Path getHomeDirectory() {
        return new Path(uri);
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        throw new IOException("synthetic objects have no content");
    }

    @Override
    public FSDataInputStream open(Path f) throws IOException {
        throw new IOException("synthetic objects have no content");
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public boolean mkdirs(Path f) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public FSDataOutputStream create(Path f, WriteMode overwriteMode) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        throw new IOException("read-only");
    }

    @Override
    public boolean isDistributedFS() {
        return true;
    }

    @Override
    public FileSystemKind getKind() {
        return FileSystemKind.OBJECT_STORE;
    }

    /**
     * Registered in {@code META-INF/services/org.apache.flink.core.fs.FileSystemFactory} (test
     * resources).
     */
    public static final class Factory implements FileSystemFactory {
        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileSystem create(URI fsUri) {
            return new SyntheticLogFileSystem(fsUri);
        }
    }
}
