package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.model.IngestRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/**
 * A {@link BulkFormat} for Bedrock log objects. It does its own gzip handling (Flink's by-extension
 * decompression would fail the job on a truncated object) and is not splittable: one split per
 * object.
 *
 * <p>The checkpointed position is "records already emitted" ({@code offset = NO_OFFSET}); a
 * restored reader re-reads the object from the start and skips that many records, which is exact
 * because the output of an object is deterministic. An object that cannot be read is retried, then
 * given up with one {@code unreadable_object} reject (see {@link RetryingLogObjectReader}); that
 * reject is emitted in a batch of its own at offset {@link #GIVEN_UP}, so a restore from a
 * checkpoint taken after it neither reads the object again nor repeats the reject.
 */
public final class BedrockLogFileFormat implements BulkFormat<IngestRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    static final int BATCH_SIZE = 512;

    /**
     * The checkpointed offset of an object that was given up (byte offsets are not used otherwise).
     */
    static final long GIVEN_UP = Long.MAX_VALUE;

    private final boolean isal;
    private final RetryingLogObjectReader.Opener opener;
    private final long firstBackoffMillis;

    /**
     * @param isal inflate gzip objects with Intel ISA-L where its native library loads (see {@link
     *     IsalGunzip})
     */
    public BedrockLogFileFormat(boolean isal) {
        this(
                isal,
                RetryingLogObjectReader.FILE_SYSTEM,
                RetryingLogObjectReader.FIRST_BACKOFF_MILLIS);
    }

    BedrockLogFileFormat(
            boolean isal, RetryingLogObjectReader.Opener opener, long firstBackoffMillis) {
        this.isal = isal;
        this.opener = opener;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    @Override
    public Reader<IngestRecord> createReader(Configuration config, FileSourceSplit split) {
        return open(split, 0);
    }

    @Override
    public Reader<IngestRecord> restoreReader(Configuration config, FileSourceSplit split) {
        CheckpointedPosition position = split.getReaderPosition().orElse(null);
        if (position == null) {
            return open(split, 0);
        }
        if (position.getOffset() == GIVEN_UP) {
            return new GivenUpReader();
        }
        return open(split, position.getRecordsAfterOffset());
    }

    // Opening happens at the first readBatch, where a failure can be retried and turned into a
    // reject.
    private Reader<IngestRecord> open(FileSourceSplit split, long emitted) {
        return new BatchReader(
                new RetryingLogObjectReader(
                        split.path(), split.length(), isal, emitted, opener, firstBackoffMillis),
                emitted);
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
        private final RetryingLogObjectReader reader;

        /** Records of the object emitted before the next batch. */
        private long emitted;

        private IngestRecord unreadable;

        BatchReader(RetryingLogObjectReader reader, long emitted) {
            this.reader = reader;
            this.emitted = emitted;
        }

        @Override
        public RecordIterator<IngestRecord> readBatch() throws IOException {
            if (unreadable != null) {
                IngestRecord[] last = {unreadable};
                unreadable = null;
                return batch(last, 1, GIVEN_UP);
            }
            IngestRecord[] batch = null;
            int n = 0;
            while (n < BATCH_SIZE) {
                IngestRecord record = reader.next();
                if (record == null) {
                    break;
                }
                if (reader.gaveUp()) {
                    unreadable = record;
                    break;
                }
                if (batch == null) {
                    batch = new IngestRecord[BATCH_SIZE];
                }
                batch[n++] = record;
            }
            if (n == 0) {
                return unreadable != null ? readBatch() : null;
            }
            return batch(batch, n, CheckpointedPosition.NO_OFFSET);
        }

        private RecordIterator<IngestRecord> batch(IngestRecord[] records, int n, long offset) {
            ArrayResultIterator<IngestRecord> iterator = new ArrayResultIterator<>();
            iterator.set(records, n, offset, emitted);
            emitted += n;
            return iterator;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** A restored object that was given up before the checkpoint: nothing more to emit. */
    private static final class GivenUpReader implements Reader<IngestRecord> {
        @Override
        public RecordIterator<IngestRecord> readBatch() {
            return null;
        }

        @Override
        public void close() {}
    }
}
