package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.ingest.IngestSplitter;
import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.ingest.parse.KinesisPayloadDecoder;
import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kinesis.source.serialization.KinesisDeserializationSchema;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.Record;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis record → zero or more {@link IngestRecord}s (see {@link KinesisPayloadDecoder}); never
 * throws. Reject coordinates are {@code shardId:sequenceNumber[/logEventIndex]}.
 *
 * <p>Metrics under {@code kinesisanalytics}: {@code kinesisRecords}, {@code kinesisBytes} (payload
 * bytes as received), {@code kinesisControlMessages}. Parsed/rejected counts are kept by {@link
 * IngestSplitter}.
 */
public final class BedrockKinesisDeserializer
        implements KinesisDeserializationSchema<IngestRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BedrockKinesisDeserializer.class);

    private final TrimHorizonCheck trimHorizon;
    private transient KinesisPayloadDecoder decoder;
    private transient Counter records;
    private transient Counter bytes;
    private transient Counter controlMessages;

    /**
     * @param retention the stream's retention: a shard resumed at this age lost records ({@link
     *     TrimHorizonCheck})
     */
    public BedrockKinesisDeserializer(Duration retention) {
        this.trimHorizon = new TrimHorizonCheck(retention);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        MetricGroup group = MetricNames.group(context.getMetricGroup());
        records = group.counter(MetricNames.KINESIS_RECORDS);
        bytes = group.counter(MetricNames.KINESIS_BYTES);
        controlMessages = group.counter(MetricNames.KINESIS_CONTROL_MESSAGES);
        decoder = new KinesisPayloadDecoder();
    }

    @Override
    public void deserialize(
            Record record, String stream, String shardId, Collector<IngestRecord> output) {
        if (decoder == null) {
            records = new SimpleCounter();
            bytes = new SimpleCounter();
            controlMessages = new SimpleCounter();
            decoder = new KinesisPayloadDecoder();
        }
        byte[] data = record.data() == null ? new byte[0] : record.data().asByteArrayUnsafe();
        records.inc();
        trimHorizon
                .firstRecord(stream, shardId, record.approximateArrivalTimestamp(), Instant.now())
                .ifPresent(
                        gap -> {
                            LOG.warn("Kinesis gap (kinesis_trimmed): {}", gap.rawExcerpt);
                            output.collect(IngestRecord.rejected(gap));
                        });
        bytes.inc(data.length);
        long controlBefore = decoder.controlMessages();
        decoder.decode(data, shardId + ":" + record.sequenceNumber(), output::collect);
        controlMessages.inc(decoder.controlMessages() - controlBefore);
    }

    @Override
    public TypeInformation<IngestRecord> getProducedType() {
        return IngestTypes.INGEST_RECORD;
    }
}
