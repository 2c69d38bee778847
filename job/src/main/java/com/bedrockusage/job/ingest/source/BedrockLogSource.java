package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The continuous S3 source: Flink's file source readers with a {@link LookbackSplitEnumerator},
 * which lists only the hour folders inside the lookback and forgets older objects, where {@code
 * FileSource.monitorContinuously} lists every hour folder and remembers every object ever read.
 * Restores the state that one wrote ({@link LookbackCheckpointSerializer}). Reads one or more log
 * locations (one per spoke account and region) as one source, so adding a location keeps the
 * operator and its state.
 */
final class BedrockLogSource
        implements Source<IngestRecord, FileSourceSplit, LookbackCheckpoint>,
                ResultTypeQueryable<IngestRecord> {

    private static final long serialVersionUID = 1L;

    /** Reads the splits; its own (bounded) enumerator is never used. */
    private final FileSource<IngestRecord> readers;

    private final List<String> locations;
    private final BedrockLogPathFilter filter;
    private final long discoveryIntervalMillis;
    private final long lookbackMillis;
    private final long fromMillis;

    BedrockLogSource(
            FileSource<IngestRecord> readers,
            List<String> locations,
            BedrockLogPathFilter filter,
            Duration discoveryInterval,
            Duration lookback,
            long fromMillis) {
        this.readers = readers;
        this.locations = List.copyOf(locations);
        this.filter = filter;
        this.discoveryIntervalMillis = discoveryInterval.toMillis();
        this.lookbackMillis = lookback.toMillis();
        this.fromMillis = fromMillis;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<IngestRecord, FileSourceSplit> createReader(
            SourceReaderContext readerContext) throws Exception {
        return readers.createReader(readerContext);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, LookbackCheckpoint> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context) {
        // A new job lists every location from source.s3.from (all of history without it) once, as
        // the file source did.
        return restoreEnumerator(
                context,
                new LookbackCheckpoint(
                        Collections.emptyMap(), Collections.emptyList(), Collections.emptyList()));
    }

    @Override
    public SplitEnumerator<FileSourceSplit, LookbackCheckpoint> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context, LookbackCheckpoint checkpoint) {
        BedrockLogPathFilter range = filter;
        LookbackSplitEnumerator.Lister lister =
                (location, listFrom) ->
                        new BedrockLogEnumerator(range.startingAt(listFrom))
                                .enumerateSplits(new Path[] {new Path(location)}, 1);
        return new LookbackSplitEnumerator(
                context,
                locations,
                lister,
                discoveryIntervalMillis,
                lookbackMillis,
                fromMillis,
                System::currentTimeMillis,
                checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return readers.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<LookbackCheckpoint> getEnumeratorCheckpointSerializer() {
        return LookbackCheckpointSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<IngestRecord> getProducedType() {
        return readers.getProducedType();
    }
}
