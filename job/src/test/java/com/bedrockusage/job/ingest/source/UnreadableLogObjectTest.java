package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log object that cannot be opened or read to its end yields a reject, never an exception that
 * fails the task.
 */
class UnreadableLogObjectTest {

    private static final int RECORDS = 1200;
    private static final String ACCESS_DENIED =
            "Access Denied (Service: Amazon S3; Status Code: 403)";

    /**
     * State of {@link #flakyOpen}, static because the format serializes its opener; reset after
     * each test.
     */
    static final AtomicInteger OPENS = new AtomicInteger();

    static volatile int failingOpens;
    static volatile long failAfterBytes = -1;
    static volatile int failingReads;

    @TempDir java.nio.file.Path dir;

    @AfterEach
    void reset() {
        OPENS.set(0);
        failingOpens = 0;
        failAfterBytes = -1;
        failingReads = 0;
    }

    /**
     * Plain NDJSON (streamed in chunks, so a reset can come after some records); record 3 is a bad
     * line.
     */
    private Path writeObject(String name) {
        List<String> lines = SyntheticLogs.conversesAndABadLine(RECORDS, 200);
        return new Path(
                SyntheticLogs.write(dir.resolve(name), SyntheticLogs.ndjson(lines)).toUri());
    }

    private static FileSourceSplit split(Path path, CheckpointedPosition position) {
        return new FileSourceSplit("1", path, 0, 1, 0, 1, new String[0], position);
    }

    /**
     * Opens through Flink's file system. The first {@link #failingOpens} opens fail (403); in the
     * next {@link #failingReads} streams, every read past {@link #failAfterBytes} fails (connection
     * reset).
     */
    private static InputStream flakyOpen(Path path) throws IOException {
        int open = OPENS.incrementAndGet();
        if (open <= failingOpens) {
            throw new AccessDeniedException(path.toString(), null, ACCESS_DENIED);
        }
        InputStream in = path.getFileSystem().open(path);
        boolean failing = failAfterBytes >= 0 && open - failingOpens <= failingReads;
        return !failing
                ? in
                : new FilterInputStream(in) {
                    private long read;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (read >= failAfterBytes) {
                            throw new SocketException("Connection reset");
                        }
                        int n = super.read(b, off, (int) Math.min(len, failAfterBytes - read));
                        read += Math.max(n, 0);
                        return n;
                    }
                };
    }

    /** An object listed, then deleted before the reader opens it. */
    private Path deletedObject(String name) throws IOException {
        Path path = writeObject(name);
        Files.delete(java.nio.file.Path.of(path.toUri()));
        return path;
    }

    private static BedrockLogFileFormat format() {
        return new BedrockLogFileFormat(true, UnreadableLogObjectTest::flakyOpen, 0);
    }

    /** Everything {@link #format()} reads from the start of {@code path}. */
    private static List<Emitted> readAll(Path path) throws IOException {
        return drain(format().createReader(new Configuration(), split(path, null)));
    }

    /** Everything {@link #format()} reads of {@code path} when restored at {@code position}. */
    private static List<Emitted> readRestored(Path path, CheckpointedPosition position)
            throws IOException {
        return drain(format().restoreReader(new Configuration(), split(path, position)));
    }

    /** Everything the reader emits, with the checkpointed position after each record. */
    private static List<Emitted> drain(BulkFormat.Reader<IngestRecord> reader) throws IOException {
        List<Emitted> out = new ArrayList<>();
        BulkFormat.RecordIterator<IngestRecord> batch;
        while ((batch = reader.readBatch()) != null) {
            RecordAndPosition<IngestRecord> next;
            while ((next = batch.next()) != null) {
                out.add(new Emitted(next.getRecord(), next.getOffset(), next.getRecordSkipCount()));
            }
            batch.releaseBatch();
        }
        reader.close();
        return out;
    }

    private static final class Emitted {
        final IngestRecord record;
        final long offset;
        final long position;

        Emitted(IngestRecord record, long offset, long position) {
            this.record = record;
            this.offset = offset;
            this.position = position;
        }

        String id() {
            return record.invocation != null ? record.invocation.requestId : record.rejected.reason;
        }
    }

    private static List<String> ids(List<Emitted> emitted) {
        List<String> ids = new ArrayList<>();
        emitted.forEach(e -> ids.add(e.id()));
        return ids;
    }

    @Test
    void shouldRejectAnObjectDeletedAfterItWasListedWithItsPathAndTheError() throws IOException {
        Path path = deletedObject("gone.json");

        List<Emitted> out =
                drain(
                        new BedrockLogFileFormat(true, RetryingLogObjectReader.FILE_SYSTEM, 0)
                                .createReader(new Configuration(), split(path, null)));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).record.rejected.reason)
                .isEqualTo(RejectReason.UNREADABLE_OBJECT)
                .isEqualTo("unreadable_object");
        assertThat(out.get(0).record.rejected.source).isEqualTo(path.toString());
        assertThat(out.get(0).record.rejected.rawExcerpt)
                .startsWith(
                        "unreadable after 3 attempts, before its first record: java.io.FileNotFoundException: ")
                .contains("gone.json");
    }

    @Test
    void shouldRejectADirectoryInPlaceOfTheObject() throws IOException {
        Path path = new Path(Files.createDirectory(dir.resolve("a-folder.json.gz")).toUri());
        List<Emitted> out =
                drain(
                        new BedrockLogFileFormat(true)
                                .createReader(new Configuration(), split(path, null)));
        assertThat(out).extracting(Emitted::id).containsExactly("unreadable_object");
    }

    @Test
    void shouldRetryAnOpenThatFailsAndEmitEveryRecordWithoutAReject() throws IOException {
        Path path = writeObject("x.json");
        failingOpens = RetryingLogObjectReader.ATTEMPTS - 1;

        List<Emitted> out = readAll(path);

        assertThat(OPENS).hasValue(RetryingLogObjectReader.ATTEMPTS);
        assertThat(out).hasSize(RECORDS + 1);
        assertThat(out).noneMatch(e -> e.id().equals(RejectReason.UNREADABLE_OBJECT));
    }

    @Test
    void shouldRejectAnObjectThatCannotBeOpenedAfterTheLastAttempt() throws IOException {
        Path path = writeObject("x.json");
        failingOpens = Integer.MAX_VALUE;

        List<Emitted> out = readAll(path);

        assertThat(OPENS).hasValue(RetryingLogObjectReader.ATTEMPTS);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).record.rejected.rawExcerpt)
                .isEqualTo(
                        "unreadable after 3 attempts, before its first "
                                + "record: java.nio.file.AccessDeniedException: "
                                + path
                                + ": "
                                + ACCESS_DENIED);
    }

    @Test
    void shouldResumeAfterAConnectionResetMidObjectWithoutEmittingAnyRecordTwice()
            throws IOException {
        Path path = writeObject("x.json");
        List<Emitted> clean = readAll(path);
        reset();
        failAfterBytes = Files.size(java.nio.file.Path.of(path.toUri())) / 3;
        failingReads =
                2; // two resets in a row, each after a third of the object: the second makes no
        // progress

        List<Emitted> out = readAll(path);

        assertThat(OPENS).hasValue(3);
        assertThat(ids(out)).isEqualTo(ids(clean)).doesNotContain(RejectReason.UNREADABLE_OBJECT);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).position).isEqualTo(i + 1L);
            assertThat(out.get(i).offset).isEqualTo(CheckpointedPosition.NO_OFFSET);
        }
    }

    @Test
    void shouldKeepTheRecordsReadBeforeAPersistentFailureAndRejectTheRestOnce() throws IOException {
        Path path = writeObject("x.json");
        failAfterBytes = Files.size(java.nio.file.Path.of(path.toUri())) / 3;
        failingReads = Integer.MAX_VALUE;

        List<Emitted> out = readAll(path);

        Emitted last = out.get(out.size() - 1);
        List<Emitted> read = out.subList(0, out.size() - 1);
        assertThat(read.size()).isBetween(RECORDS / 4, RECORDS / 2);
        assertThat(ids(read))
                .doesNotHaveDuplicates()
                .doesNotContain(RejectReason.UNREADABLE_OBJECT);
        assertThat(last.id()).isEqualTo(RejectReason.UNREADABLE_OBJECT);
        assertThat(last.record.rejected.rawExcerpt)
                .isEqualTo(
                        "unreadable after 3 attempts, after "
                                + read.size()
                                + " records (the rest of the object was not read): java.net.SocketException: Connection reset");
        assertThat(last.offset).isEqualTo(BedrockLogFileFormat.GIVEN_UP);
        assertThat(last.position).isEqualTo(out.size());
    }

    @Test
    void shouldNeitherReadAgainNorRepeatTheRejectWhenRestoredAfterGivingUp() throws IOException {
        Path path = writeObject("x.json");
        List<Emitted> out =
                readRestored(path, new CheckpointedPosition(BedrockLogFileFormat.GIVEN_UP, 400));
        assertThat(out).isEmpty();
        assertThat(OPENS).hasValue(0);
    }

    @Test
    void shouldRejectTheRestOfAnObjectDeletedBeforeARestore() throws IOException {
        Path path = deletedObject("x.json");

        List<Emitted> out =
                readRestored(path, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 700));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).record.rejected.rawExcerpt)
                .startsWith("unreadable after 3 attempts, after 700 records");
        assertThat(out.get(0).position).isEqualTo(701L);
    }

    @Test
    void shouldStopWithoutARejectWhenTheTaskIsCancelled() {
        RetryingLogObjectReader.Opener interrupted =
                path -> {
                    throw new ClosedByInterruptException();
                };
        BulkFormat.Reader<IngestRecord> reader =
                new BedrockLogFileFormat(true, interrupted, 0)
                        .createReader(
                                new Configuration(), split(new Path("file:///nowhere.json"), null));
        assertThatThrownBy(reader::readBatch).isInstanceOf(ClosedByInterruptException.class);
    }

    @Test
    void shouldBoundTheErrorTextKeptInTheRow() {
        String text = RetryingLogObjectReader.describe(new IOException("x".repeat(10_000)));
        assertThat(text)
                .startsWith("java.io.IOException: xxx")
                .hasSize(RetryingLogObjectReader.MAX_ERROR_CHARS + 1);
    }
}
