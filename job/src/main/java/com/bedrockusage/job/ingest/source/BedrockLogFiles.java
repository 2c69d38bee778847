package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/**
 * The file source for Bedrock log deliveries: works on any Flink file system ({@code file://},
 * {@code s3://} with the S3 plugin). Wire it with {@code env.fromSource(source, watermarks, name,
 * IngestTypes.INGEST_RECORD)}.
 */
public final class BedrockLogFiles {

    private BedrockLogFiles() {}

    /**
     * One source over one or several log locations (one per account and region, e.g. each spoke's
     * bucket), read in one time order. Continuous: a location that cannot be listed is reported and
     * retried, never fatal; a location added later starts at {@code fromOrNull}. Bounded: every
     * location must be readable (a backfill missing an account would be wrong), so one that is not
     * fails the job at its start.
     *
     * @param paths the roots to read, e.g. {@code s3://bucket/prefix/AWSLogs/} or a single object;
     *     at least one
     * @param continuous true: keep watching for new objects every {@code discoveryInterval}; false:
     *     read what is there and finish (backfill)
     * @param discoveryInterval how often to list in continuous mode (ignored when bounded)
     * @param lookback continuous mode: after the first listing, list only the hour folders ending
     *     less than this before each listing, and forget older objects (ignored when bounded)
     * @param fromOrNull read only hour folders ending after this instant (null: no lower bound)
     * @param toOrNull read only hour folders starting before this instant (null: no upper bound)
     * @param isal inflate gzip objects with Intel ISA-L where its native library loads (false:
     *     always the JDK's zlib)
     */
    public static Source<IngestRecord, FileSourceSplit, ?> source(
            List<String> paths,
            boolean continuous,
            Duration discoveryInterval,
            Duration lookback,
            Instant fromOrNull,
            Instant toOrNull,
            boolean isal) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no log location");
        }
        long fromMillis = fromOrNull == null ? Long.MIN_VALUE : fromOrNull.toEpochMilli();
        BedrockLogPathFilter filter =
                new BedrockLogPathFilter(
                        fromMillis, toOrNull == null ? Long.MAX_VALUE : toOrNull.toEpochMilli());
        FileSource<IngestRecord> files =
                FileSource.forBulkFileFormat(
                                new BedrockLogFileFormat(isal),
                                paths.stream().map(Path::new).toArray(Path[]::new))
                        .setFileEnumerator(new BedrockLogEnumerator.Provider(filter))
                        .setSplitAssigner(new TimeOrderedSplitAssigner.Provider())
                        .build();
        if (!continuous) {
            return files;
        }
        return new BedrockLogSource(files, paths, filter, discoveryInterval, lookback, fromMillis);
    }
}
