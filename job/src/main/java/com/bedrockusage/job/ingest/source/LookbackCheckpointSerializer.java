package com.bedrockusage.job.ingest.source;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.FileSourceSplitSerializer;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.PendingSplitsCheckpointSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Version 3: the number of log locations, each location's key and listing floor (a UTF string and a
 * long), then the pending splits and seen paths in the format of Flink's {@link
 * PendingSplitsCheckpointSerializer}. Version 2 (one location) has a single floor instead of the
 * list: it is read as the floor of the first configured location. Version 1 is Flink's format
 * alone, as the S3 source wrote it while it was a {@code FileSource} with {@code
 * monitorContinuously}: it is read with no floor, so the first listing after such a restore covers
 * every hour folder once (as every listing did then) and then forgets what is outside the lookback.
 */
final class LookbackCheckpointSerializer implements SimpleVersionedSerializer<LookbackCheckpoint> {

    static final int VERSION = 3;
    static final int SINGLE_LOCATION_VERSION = 2;

    /** What {@code PendingSplitsCheckpointSerializer.getVersion()} returns in Flink 1.20. */
    static final int FLINK_PENDING_SPLITS_VERSION = 1;

    static final LookbackCheckpointSerializer INSTANCE = new LookbackCheckpointSerializer();

    private final PendingSplitsCheckpointSerializer<FileSourceSplit> pendingSplits =
            new PendingSplitsCheckpointSerializer<>(FileSourceSplitSerializer.INSTANCE);

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(LookbackCheckpoint checkpoint) throws IOException {
        byte[] body =
                pendingSplits.serialize(
                        PendingSplitsCheckpoint.fromCollectionSnapshot(
                                checkpoint.pending, checkpoint.seen));
        DataOutputSerializer out = new DataOutputSerializer(body.length + 64);
        out.writeInt(checkpoint.floors.size());
        for (Map.Entry<String, Long> floor : checkpoint.floors.entrySet()) {
            out.writeUTF(floor.getKey());
            out.writeLong(floor.getValue());
        }
        out.writeInt(pendingSplits.getVersion());
        out.writeInt(body.length);
        out.write(body);
        return out.getCopyOfBuffer();
    }

    @Override
    public LookbackCheckpoint deserialize(int version, byte[] serialized) throws IOException {
        if (version == FLINK_PENDING_SPLITS_VERSION) {
            PendingSplitsCheckpoint<FileSourceSplit> old =
                    pendingSplits.deserialize(version, serialized);
            return new LookbackCheckpoint(
                    Long.MIN_VALUE, old.getSplits(), old.getAlreadyProcessedPaths());
        }
        if (version != VERSION && version != SINGLE_LOCATION_VERSION) {
            throw new IOException("unknown S3 source enumerator state version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        Map<String, Long> floors = new LinkedHashMap<>();
        if (version == SINGLE_LOCATION_VERSION) {
            floors.put(LookbackCheckpoint.UNNAMED_LOCATION, in.readLong());
        } else {
            for (int n = in.readInt(); n > 0; n--) {
                floors.put(in.readUTF(), in.readLong());
            }
        }
        int bodyVersion = in.readInt();
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        PendingSplitsCheckpoint<FileSourceSplit> pending =
                pendingSplits.deserialize(bodyVersion, body);
        return new LookbackCheckpoint(
                floors, pending.getSplits(), pending.getAlreadyProcessedPaths());
    }
}
