package com.bedrockusage.job.pricing;

import com.bedrockusage.job.OperatorIds;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Price updates from a watched directory (local, {@code s3://}, any Flink file system): every new
 * {@code *.csv} file dropped there is read whole, validated and becomes one {@link PriceUpdate},
 * without a restart.
 *
 * <pre>
 *   FileSource(dir, monitorContinuously) -> ValidatePriceLines -> broadcast to DedupAndPrice
 *   uid price-files-source                  uid price-files-validate
 * </pre>
 *
 * <p>Operational notes: a file is read once, when it first appears (the source remembers processed
 * paths in its checkpointed state); to change a price drop a new file, do not edit an old one.
 * Files whose name starts with {@code .} or {@code _} are ignored, so write {@code _prices.csv} and
 * rename it when complete (S3 objects appear atomically anyway). Both operators run at parallelism
 * 1 so every pricing instance sees updates in the same order.
 */
public final class PriceUpdateFiles {

    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(30);

    private PriceUpdateFiles() {}

    /** The raw file source: one {@link PriceUpdate} per file, unvalidated. */
    public static FileSource<PriceUpdate> source(String directory, Duration scanInterval) {
        return FileSource.forBulkFileFormat(new PriceFileFormat(), new Path(directory))
                .monitorContinuously(scanInterval)
                .build();
    }

    /** Validated price updates from {@code directory}, scanned every {@code scanInterval}. */
    public static DataStream<PriceUpdate> stream(
            StreamExecutionEnvironment env, String directory, Duration scanInterval) {
        return env.fromSource(
                        source(directory, scanInterval),
                        neverHoldsBackTime(),
                        "price files: " + directory,
                        TypeInformation.of(PriceUpdate.class))
                .uid(OperatorIds.PRICE_FILES_SOURCE)
                .setParallelism(1)
                .flatMap(new ValidatePriceLines())
                .returns(PriceUpdate.class)
                .uid(OperatorIds.PRICE_FILES_VALIDATE)
                .name("validate price lines")
                .setParallelism(1);
    }

    /**
     * Price updates carry no event time. A two-input operator's watermark is the minimum of its
     * active inputs, so a broadcast side without watermarks would hold the invocation side's event
     * time (and every window after it) at Long.MIN_VALUE forever. This strategy keeps the broadcast
     * side idle, so only the invocations drive time.
     */
    public static WatermarkStrategy<PriceUpdate> neverHoldsBackTime() {
        return WatermarkStrategy.forGenerator(ctx -> new AlwaysIdle());
    }

    /**
     * Idle, not "end of time": a MAX watermark would let the pricing operator jump to the end of
     * time whenever the invocation input goes idle, firing every window early and making everything
     * after it late.
     */
    private static final class AlwaysIdle implements WatermarkGenerator<PriceUpdate> {
        @Override
        public void onEvent(PriceUpdate event, long eventTimestamp, WatermarkOutput output) {
            output.markIdle();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
