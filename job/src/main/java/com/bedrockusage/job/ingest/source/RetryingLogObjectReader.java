package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.ingest.Rejects;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.RejectedRecord;
import com.bedrockusage.job.qdeveloper.QDeveloperObjectReader;
import com.bedrockusage.job.qdeveloper.QDeveloperPath;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of one log object, read through {@link LogObjectReader}, surviving I/O errors. An
 * open or read that fails is retried: the object is opened again and the records already handed out
 * are skipped (an object's records are deterministic), so none is handed out twice. After {@link
 * #ATTEMPTS} failures in a row without a new record, with a doubling backoff between them, the
 * object yields one {@link RejectReason#UNREADABLE_OBJECT} record and ends.
 *
 * <p>Why: Flink's {@code FileSourceSplitReader} fails the task on any exception from {@code
 * BulkFormat.createReader}, {@code restoreReader} or {@code Reader.readBatch}, and the split, still
 * in the checkpoint, fails it again after every restore. An object deleted after it was listed
 * (lifecycle rules during a backfill) or one the role may not read (AccessDenied; SSE-KMS without
 * {@code kms:Decrypt}, which S3 refuses only at the first read) would crash-loop the job. Whether
 * it failed at open or mid-object, the error becomes data and the job goes on with the next object.
 */
final class RetryingLogObjectReader implements Closeable {

    /** Attempts in a row without a new record before the object is given up. */
    static final int ATTEMPTS = 3;

    /** Wait after the first failed attempt; it doubles after each further one. */
    static final long FIRST_BACKOFF_MILLIS = 500;

    /** The error kept in the reject row is cut to this many characters. */
    static final int MAX_ERROR_CHARS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RetryingLogObjectReader.class);

    /**
     * How an object's bytes are opened: Flink's file systems in the job, a failing stream in tests.
     */
    interface Opener extends Serializable {
        InputStream open(Path path) throws IOException;
    }

    static final Opener FILE_SYSTEM = path -> path.getFileSystem().open(path);

    private final Path path;
    private final long size;
    private final boolean isal;
    private final Opener opener;
    private final long firstBackoffMillis;

    private LogRecords current;

    /** Records of this object handed out so far, including those emitted before a restore. */
    private long delivered;

    private int failuresInARow;
    private boolean done;
    private boolean gaveUp;

    /**
     * @param alreadyDelivered records of this object emitted before (the checkpointed position):
     *     skipped
     * @param size the object's size in bytes if known, else 0
     */
    RetryingLogObjectReader(
            Path path,
            long size,
            boolean isal,
            long alreadyDelivered,
            Opener opener,
            long firstBackoffMillis) {
        this.path = path;
        this.size = size;
        this.isal = isal;
        this.delivered = alreadyDelivered;
        this.opener = opener;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    /**
     * The next record, or null at the end of the object; after giving up, the {@link
     * RejectReason#UNREADABLE_OBJECT} record (then {@link #gaveUp()} is true) and null after it.
     *
     * @throws IOException only when the thread is interrupted (the task is being cancelled)
     */
    IngestRecord next() throws IOException {
        while (!done) {
            try {
                if (current == null && !openSkippingDelivered()) {
                    return null; // no more records than were already emitted
                }
                IngestRecord record = current.next();
                if (record == null) {
                    finish();
                    return null;
                }
                delivered++;
                failuresInARow = 0;
                return record;
            } catch (IOException | RuntimeException e) {
                if (isCancellation(e)) {
                    throw e;
                }
                closeQuietly();
                failuresInARow++;
                if (failuresInARow >= ATTEMPTS) {
                    done = true;
                    gaveUp = true;
                    return unreadable(e);
                }
                long backoff = firstBackoffMillis << (failuresInARow - 1);
                LOG.warn(
                        "Reading log object {} failed (attempt {} of {}, {} records read); retrying in {} ms: {}",
                        path,
                        failuresInARow,
                        ATTEMPTS,
                        delivered,
                        backoff,
                        describe(e));
                sleep(backoff);
            }
        }
        return null;
    }

    /**
     * Whether the object was given up: the last record returned was its {@code unreadable_object}
     * reject.
     */
    boolean gaveUp() {
        return gaveUp;
    }

    /**
     * Opens the object as {@link #current} and skips the records already delivered; false if it has
     * no more.
     */
    private boolean openSkippingDelivered() throws IOException {
        QDeveloperPath qDeveloper = QDeveloperPath.of(path.getPath());
        current =
                qDeveloper != null
                        ? new QDeveloperObjectReader(opener.open(path), path.toString(), qDeveloper)
                        : new LogObjectReader(opener.open(path), path.toString(), isal, size);
        for (long skipped = 0; skipped < delivered; skipped++) {
            if (current.next() == null) {
                finish();
                return false;
            }
        }
        return true;
    }

    private IngestRecord unreadable(Exception e) {
        String when =
                delivered == 0
                        ? "before its first record"
                        : "after " + delivered + " records (the rest of the object was not read)";
        String error = describe(e);
        LOG.warn(
                "Giving up on log object {} after {} attempts, {}; recorded as a {} rejected record: {}",
                path,
                ATTEMPTS,
                when,
                RejectReason.UNREADABLE_OBJECT,
                error);
        String excerpt = "unreadable after " + ATTEMPTS + " attempts, " + when + ": " + error;
        return IngestRecord.rejected(
                new RejectedRecord(
                        RejectReason.UNREADABLE_OBJECT,
                        path.toString(),
                        System.currentTimeMillis(),
                        excerpt));
    }

    /**
     * The error's class and message, bounded: S3 messages name the object, the status and the error
     * code.
     */
    static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        return text.length() <= MAX_ERROR_CHARS
                ? text
                : text.substring(0, MAX_ERROR_CHARS) + Rejects.ELIDED;
    }

    /**
     * A cancelled task interrupts the fetcher thread: that must end the read, not become a reject.
     */
    private static boolean isCancellation(Exception e) {
        return Thread.currentThread().isInterrupted()
                || e instanceof ClosedByInterruptException
                || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException));
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a log object");
        }
    }

    /**
     * Closing fails rarely and changes nothing once the records are read: it is never an error of
     * the object.
     */
    private void finish() {
        done = true;
        closeQuietly();
    }

    private void closeQuietly() {
        LogRecords reader = current;
        current = null;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing log object {} failed", path, e);
            }
        }
    }

    @Override
    public void close() {
        finish();
    }
}
