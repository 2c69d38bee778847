package com.bedrockusage.job.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.testing.SyntheticLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BedrockLogFileFormatTest {

    @TempDir java.nio.file.Path dir;

    private Path writeObject(int records) {
        // its bad line is rejected, and a reject counts as an emitted record too
        List<String> lines = SyntheticLogs.conversesAndABadLine(records, 50);
        java.nio.file.Path file =
                SyntheticLogs.write(
                        dir.resolve("x.json.gz"), SyntheticLogs.gzip(SyntheticLogs.ndjson(lines)));
        return new Path(file.toUri());
    }

    private static FileSourceSplit split(Path path, CheckpointedPosition position)
            throws IOException {
        long size = Files.size(java.nio.file.Path.of(path.toUri()));
        return new FileSourceSplit("1", path, 0, size, 0, size, new String[0], position);
    }

    /** Reads everything, returning [record, skipCount] pairs. */
    private static List<Object[]> drain(BulkFormat.Reader<IngestRecord> reader) throws IOException {
        List<Object[]> out = new ArrayList<>();
        BulkFormat.RecordIterator<IngestRecord> batch;
        while ((batch = reader.readBatch()) != null) {
            RecordAndPosition<IngestRecord> next;
            while ((next = batch.next()) != null) {
                assertThat(next.getOffset()).isEqualTo(CheckpointedPosition.NO_OFFSET);
                out.add(new Object[] {next.getRecord(), next.getRecordSkipCount()});
            }
            batch.releaseBatch();
        }
        reader.close();
        return out;
    }

    @Test
    void shouldPositionEveryRecordByTheCountEmittedSoFar() throws IOException {
        Path path = writeObject(1200);
        List<Object[]> all =
                drain(
                        new BedrockLogFileFormat(true)
                                .createReader(new Configuration(), split(path, null)));
        assertThat(all).hasSize(1201);
        for (int i = 0; i < all.size(); i++) {
            assertThat((long) all.get(i)[1]).isEqualTo(i + 1L);
        }
        assertThat(((IngestRecord) all.get(3)[0]).rejected.reason).isEqualTo("malformed-json");
    }

    @Test
    void shouldResumeAfterTheRecordsAlreadyEmitted() throws IOException {
        Path path = writeObject(1200);
        BulkFormat.Reader<IngestRecord> restored =
                new BedrockLogFileFormat(true)
                        .restoreReader(
                                new Configuration(),
                                split(
                                        path,
                                        new CheckpointedPosition(
                                                CheckpointedPosition.NO_OFFSET, 700)));
        List<Object[]> rest = drain(restored);
        assertThat(rest).hasSize(501);
        assertThat(((IngestRecord) rest.get(0)[0]).invocation.requestId).isEqualTo("req-699");
        assertThat((long) rest.get(0)[1]).isEqualTo(701L);
        assertThat(((IngestRecord) rest.get(500)[0]).invocation.requestId).isEqualTo("req-1199");
    }

    @Test
    void shouldNotBeSplittable() {
        assertThat(new BedrockLogFileFormat(true).isSplittable()).isFalse();
    }
}
