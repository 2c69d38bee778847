package com.bedrockusage.job.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole price CSV file as one {@link PriceUpdate} (so its origin is the file and line
 * numbers are exact). Files not ending in {@code .csv}, and files larger than {@link
 * #MAX_FILE_BYTES}, are logged and skipped.
 */
public class PriceFileFormat implements BulkFormat<PriceUpdate, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PriceFileFormat.class);

    /** A price table is a few hundred rows; anything this large is not one. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    @Override
    public Reader<PriceUpdate> createReader(Configuration config, FileSourceSplit split) {
        return new WholeFileReader(split.path(), split.length(), false);
    }

    @Override
    public Reader<PriceUpdate> restoreReader(Configuration config, FileSourceSplit split) {
        boolean emitted =
                split.getReaderPosition()
                        .map(position -> position.getRecordsAfterOffset() > 0)
                        .orElse(false);
        return new WholeFileReader(split.path(), split.length(), emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<PriceUpdate> getProducedType() {
        return TypeInformation.of(PriceUpdate.class);
    }

    private static final class WholeFileReader implements Reader<PriceUpdate> {

        private final Path path;
        private final long length;
        private boolean done;

        WholeFileReader(Path path, long length, boolean done) {
            this.path = path;
            this.length = length;
            this.done = done;
        }

        @Override
        public RecordIterator<PriceUpdate> readBatch() throws IOException {
            if (done) {
                return null;
            }
            done = true;
            if (!path.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                LOG.warn("Skipping {}: price files must end in .csv", path);
                return null;
            }
            if (length > MAX_FILE_BYTES) {
                LOG.error(
                        "Skipping {}: {} bytes is more than {} for a price file",
                        path,
                        length,
                        MAX_FILE_BYTES);
                return null;
            }
            SingletonResultIterator<PriceUpdate> batch = new SingletonResultIterator<>();
            // Position "after one record": on restore the file is not read again.
            batch.set(
                    PriceUpdate.of(path.toString(), readLines()),
                    CheckpointedPosition.NO_OFFSET,
                    1);
            return batch;
        }

        private List<String> readLines() throws IOException {
            List<String> lines = new ArrayList<>();
            try (FSDataInputStream in = path.getFileSystem().open(path);
                    BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            }
            return lines;
        }

        @Override
        public void close() {}
    }
}
