package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/**
 * Continuous S3 discovery (docs/benchmarks.md): buckets of 10 to 90 days of hour folders ({@link
 * SyntheticLogFileSystem}, N objects an hour), read by the continuous source as it was ({@code
 * FileSource} with {@code monitorContinuously}) and as it is ({@link BedrockLogSource}, 24 h
 * lookback). Once caught up: the checkpointed enumerator state and the LIST calls of one discovery.
 *
 * <p>{@code mvn -q -B -pl job -am -Pbench process-test-classes
 * -Dbench.main=com.bedrockusage.job.ingest.source.ContinuousDiscoveryBench -Dbench.args=463}
 */
public final class ContinuousDiscoveryBench {

    private ContinuousDiscoveryBench() {}

    public static void main(String[] args) throws Exception {
        int perHour = args.length > 0 ? Integer.parseInt(args[0]) : 463;
        System.out.println(
                "| days of history | objects | before: state bytes | before: LIST calls / discovery "
                        + "| now: state bytes | now: LIST calls / discovery |");
        System.out.println("|---|---|---|---|---|---|");
        for (int days : new int[] {1, 10, 30, 60, 90}) {
            String root = SyntheticLogFileSystem.root(days, perHour);
            long[] before = ContinuousDiscoveryTest.steadyState(monitorContinuously(root), root);
            long[] now =
                    ContinuousDiscoveryTest.steadyState(
                            ContinuousDiscoveryTest.continuousSource(root, Duration.ofHours(24)),
                            root);
            System.out.printf(
                    "| %d | %,d | %,d | %,d | %,d | %,d |%n",
                    days,
                    SyntheticLogFileSystem.of(root).objects(),
                    before[0],
                    before[1],
                    now[0],
                    now[1]);
        }
    }

    /** The continuous source as it was built before the lookback enumerator. */
    private static FileSource<IngestRecord> monitorContinuously(String root) {
        return FileSource.forBulkFileFormat(new BedrockLogFileFormat(false), new Path(root))
                .setFileEnumerator(new BedrockLogEnumerator.Provider(BedrockLogPathFilter.all()))
                .setSplitAssigner(new TimeOrderedSplitAssigner.Provider())
                .monitorContinuously(Duration.ofSeconds(30))
                .build();
    }
}
