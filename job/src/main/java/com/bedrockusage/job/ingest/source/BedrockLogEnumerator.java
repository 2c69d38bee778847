package com.bedrockusage.job.ingest.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists log objects below the roots, one split per object, pruning directories with a {@link
 * BedrockLogPathFilter} (offloaded-body folders, hours outside the time range) before listing them.
 */
final class BedrockLogEnumerator extends NonSplittingRecursiveEnumerator {

    private final BedrockLogPathFilter filter;

    BedrockLogEnumerator(BedrockLogPathFilter filter) {
        this.filter = filter;
    }

    @Override
    public Collection<FileSourceSplit> enumerateSplits(Path[] paths, int minDesiredSplits)
            throws IOException {
        ArrayList<FileSourceSplit> splits = new ArrayList<>();
        for (Path root : paths) {
            FileSystem fs = root.getFileSystem();
            FileStatus status = fs.getFileStatus(root);
            List<String> segments = new ArrayList<>();
            if (!status.isDir()) {
                segments.add(root.getName());
            }
            walk(status, fs, segments, splits);
        }
        return splits;
    }

    private void walk(
            FileStatus status,
            FileSystem fs,
            List<String> segments,
            ArrayList<FileSourceSplit> splits)
            throws IOException {
        if (!status.isDir()) {
            if (filter.acceptFile(segments)) {
                convertToSourceSplits(status, fs, splits);
            }
            return;
        }
        if (!filter.acceptDirectory(segments)) {
            return;
        }
        FileStatus[] children = fs.listStatus(status.getPath());
        if (children == null) {
            return;
        }
        for (FileStatus child : children) {
            segments.add(child.getPath().getName());
            walk(child, fs, segments, splits);
            segments.remove(segments.size() - 1);
        }
    }

    /** Serializable factory for {@code FileSource.setFileEnumerator}. */
    static final class Provider implements FileEnumerator.Provider {
        private static final long serialVersionUID = 1L;
        private final BedrockLogPathFilter filter;

        Provider(BedrockLogPathFilter filter) {
            this.filter = filter;
        }

        @Override
        public FileEnumerator create() {
            return new BedrockLogEnumerator(filter);
        }
    }
}
