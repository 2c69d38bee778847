package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.model.IngestRecord;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.KinesisStreamsSource;

/**
 * The Kinesis source (FLIP-27 {@link KinesisStreamsSource}, polling) for CloudWatch Logs
 * subscription deliveries of Bedrock logs. Wire it with {@code env.fromSource(source, watermarks,
 * name, IngestTypes.INGEST_RECORD)}: the produced type must be passed explicitly.
 */
public final class BedrockLogKinesis {

    private BedrockLogKinesis() {}

    /**
     * @param streamArn e.g. {@code arn:aws:kinesis:us-east-1:111111111111:stream/bedrock-logs}
     * @param connectorConfig connector options: {@code aws.region}, {@code aws.endpoint} (local
     *     only), {@code aws.credentials.provider}, {@code flink.stream.initpos} ...
     */
    public static KinesisStreamsSource<IngestRecord> source(
            String streamArn, Configuration connectorConfig) {
        return source(streamArn, connectorConfig, Duration.ofHours(24));
    }

    /**
     * @param retention the stream's retention period, to notice a shard resumed at its trim horizon
     */
    public static KinesisStreamsSource<IngestRecord> source(
            String streamArn, Configuration connectorConfig, Duration retention) {
        return KinesisStreamsSource.<IngestRecord>builder()
                .setStreamArn(streamArn)
                .setSourceConfig(connectorConfig)
                .setDeserializationSchema(new BedrockKinesisDeserializer(retention))
                .build();
    }
}
