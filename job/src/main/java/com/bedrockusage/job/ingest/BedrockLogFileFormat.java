package com.bedrockusage.job.ingest;

import com.bedrockusage.job.model.IngestRecord;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;

import java.io.IOException;

/**
 * A {@link BulkFormat} for Bedrock log objects. It does its own gzip handling (Flink's by-extension
 * decompression would fail the job on a truncated object) and is not splittable: one split per object.
 *
 * <p>The checkpointed position is "records already emitted" ({@code offset = NO_OFFSET}); a restored reader
 * re-reads the object from the start and skips that many records, which is exact because the output of an
 * object is deterministic.
 */
public final class BedrockLogFileFormat implements BulkFormat<IngestRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    static final int BATCH_SIZE = 512;

    private final boolean isal;

    /** @param isal inflate gzip objects with Intel ISA-L where its native library loads (see {@link IsalGunzip}) */
    public BedrockLogFileFormat(boolean isal) {
        this.isal = isal;
    }

    @Override
    public Reader<IngestRecord> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return open(split, 0);
    }

    @Override
    public Reader<IngestRecord> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return open(split, skip);
    }

    private Reader<IngestRecord> open(FileSourceSplit split, long skip) throws IOException {
        Path path = split.path();
        LogObjectReader reader = new LogObjectReader(path.getFileSystem().open(path), path.toString(), isal,
                split.length());
        return new BatchReader(reader, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<IngestRecord> getProducedType() {
        return IngestTypes.INGEST_RECORD;
    }

    private static final class BatchReader implements Reader<IngestRecord> {
        private final LogObjectReader reader;
        private long toSkip;
        private long emitted;

        BatchReader(LogObjectReader reader, long skip) {
            this.reader = reader;
            this.toSkip = skip;
        }

        @Override
        public RecordIterator<IngestRecord> readBatch() throws IOException {
            IngestRecord[] batch = null;
            int n = 0;
            long positionBefore = 0;
            while (n < BATCH_SIZE) {
                IngestRecord record = reader.next();
                if (record == null) {
                    break;
                }
                if (toSkip > 0) {
                    toSkip--;
                    emitted++;
                    continue;
                }
                if (batch == null) {
                    batch = new IngestRecord[BATCH_SIZE];
                    positionBefore = emitted;
                }
                batch[n++] = record;
                emitted++;
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<IngestRecord> iterator = new ArrayResultIterator<>();
            iterator.set(batch, n, CheckpointedPosition.NO_OFFSET, positionBefore);
            return iterator;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
