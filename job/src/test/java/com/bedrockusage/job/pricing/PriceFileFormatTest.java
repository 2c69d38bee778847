package com.bedrockusage.job.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFileFormatTest {

    @TempDir Path dir;

    private final PriceFileFormat format = new PriceFileFormat();

    private FileSourceSplit split(Path file) throws Exception {
        return new FileSourceSplit(
                "0",
                new org.apache.flink.core.fs.Path(file.toUri()),
                0,
                Files.size(file),
                Files.getLastModifiedTime(file).toMillis(),
                Files.size(file));
    }

    @Test
    void shouldReadAWholeFileAsOneUpdateAndPositionAfterIt() throws Exception {
        Path file =
                Files.write(
                        dir.resolve("prices.csv"),
                        Arrays.asList("a", "", "b"),
                        StandardCharsets.UTF_8);

        BulkFormat.Reader<PriceUpdate> reader =
                format.createReader(new Configuration(), split(file));
        BulkFormat.RecordIterator<PriceUpdate> batch = reader.readBatch();
        RecordAndPosition<PriceUpdate> record = batch.next();

        assertThat(record.getRecord().lines).containsExactly("a", "", "b");
        assertThat(record.getRecord().lineNumbers).containsExactly(1, 2, 3);
        assertThat(record.getRecord().origin).endsWith("prices.csv");
        assertThat(record.getRecordSkipCount()).isEqualTo(1);
        assertThat(batch.next()).isNull();
        assertThat(reader.readBatch()).isNull();
    }

    @Test
    void shouldNotReadAFileAgainWhenRestoredAfterItWasEmitted() throws Exception {
        Path file =
                Files.write(dir.resolve("prices.csv"), Arrays.asList("a"), StandardCharsets.UTF_8);
        FileSourceSplit restored =
                split(file)
                        .updateWithCheckpointedPosition(
                                new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 1));

        assertThat(format.restoreReader(new Configuration(), restored).readBatch()).isNull();
        assertThat(format.restoreReader(new Configuration(), split(file)).readBatch()).isNotNull();
    }

    @Test
    void shouldSkipFilesThatAreNotCsv() throws Exception {
        Path file =
                Files.write(dir.resolve("notes.txt"), Arrays.asList("a"), StandardCharsets.UTF_8);

        assertThat(format.createReader(new Configuration(), split(file)).readBatch()).isNull();
    }
}
