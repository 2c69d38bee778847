package com.bedrockusage.job.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemKind;
import org.apache.flink.core.fs.Path;

/**
 * The local file system under the scheme {@code deniable-logs://}, where a test can withdraw access
 * to a folder (as a spoke withdrawing its bucket policy would): every list, stat and open below a
 * denied folder then fails with {@link AccessDeniedException}, until the test allows it again.
 * Denials are JVM-wide, so they reach a MiniCluster.
 */
public final class DeniableLogFileSystem extends FileSystem {

    public static final String SCHEME = "deniable-logs";
    private static final Set<String> DENIED = ConcurrentHashMap.newKeySet();

    private final FileSystem local = FileSystem.getLocalFileSystem();

    /** The location of a local folder under this scheme, e.g. {@code deniable-logs:///tmp/x}. */
    public static String location(java.nio.file.Path dir) {
        return SCHEME + "://" + dir.toAbsolutePath();
    }

    public static void deny(java.nio.file.Path dir) {
        DENIED.add(dir.toAbsolutePath().toString());
    }

    public static void allow(java.nio.file.Path dir) {
        DENIED.remove(dir.toAbsolutePath().toString());
    }

    private static Path toLocal(Path path) throws AccessDeniedException {
        String p = path.toUri().getPath();
        for (String denied : DENIED) {
            if (p.equals(denied) || p.startsWith(denied + "/")) {
                throw new AccessDeniedException(path.toString(), null, "Access Denied (test)");
            }
        }
        return new Path("file", null, p);
    }

    private static Path back(Path local) {
        return new Path(SCHEME, null, local.toUri().getPath());
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return wrap(local.getFileStatus(toLocal(f)));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] statuses = local.listStatus(toLocal(f));
        if (statuses == null) {
            return null;
        }
        FileStatus[] out = new FileStatus[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            out[i] = wrap(statuses[i]);
        }
        return out;
    }

    private static FileStatus wrap(FileStatus status) {
        Path path = back(status.getPath());
        return new FileStatus() {
            public long getLen() {
                return status.getLen();
            }

            public long getBlockSize() {
                return status.getBlockSize();
            }

            public short getReplication() {
                return status.getReplication();
            }

            public long getModificationTime() {
                return status.getModificationTime();
            }

            public long getAccessTime() {
                return status.getAccessTime();
            }

            public boolean isDir() {
                return status.isDir();
            }

            public Path getPath() {
                return path;
            }
        };
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        return local.open(toLocal(f), bufferSize);
    }

    @Override
    public FSDataInputStream open(Path f) throws IOException {
        return local.open(toLocal(f));
    }

    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) {
        return new BlockLocation[0];
    }

    @Override
    public Path getWorkingDirectory() {
        return back(local.getWorkingDirectory());
    }

    @Override
    public Path getHomeDirectory() {
        return back(local.getHomeDirectory());
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        return local.delete(toLocal(f), recursive);
    }

    @Override
    public boolean mkdirs(Path f) throws IOException {
        return local.mkdirs(toLocal(f));
    }

    @Override
    public FSDataOutputStream create(Path f, WriteMode overwriteMode) throws IOException {
        return local.create(toLocal(f), overwriteMode);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        return local.rename(toLocal(src), toLocal(dst));
    }

    @Override
    public boolean isDistributedFS() {
        return false;
    }

    @Override
    public FileSystemKind getKind() {
        return FileSystemKind.FILE_SYSTEM;
    }

    /**
     * Registered in {@code META-INF/services/org.apache.flink.core.fs.FileSystemFactory} (test
     * resources).
     */
    public static final class Factory implements org.apache.flink.core.fs.FileSystemFactory {
        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileSystem create(URI fsUri) {
            return new DeniableLogFileSystem();
        }
    }
}
