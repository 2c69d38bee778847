package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.model.IngestRecord;
import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one opened log object. Every record is an {@link IngestRecord}; bad data becomes
 * rejects, never an exception (I/O errors of the stream still throw, for {@link
 * RetryingLogObjectReader} to retry). The output must be deterministic: a restore skips the records
 * already emitted.
 */
public interface LogRecords extends Closeable {

    /** The next record, or null at the end of the object. */
    IngestRecord next() throws IOException;
}
