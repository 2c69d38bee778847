package com.bedrockusage.job.ingest;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import com.bedrockusage.job.qdeveloper.QDeveloperRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Emits invocations and routes rejected records to {@link #REJECTED}. Counts both under {@code
 * kinesisanalytics}: {@code ingestInvocations}, {@code rejectedRecords}, and per reason {@code
 * rejectedRecords_<reason>} (reason with non-alphanumerics as '_'). Also counts completed
 * checkpoints ({@value MetricNames#CHECKPOINTS_COMPLETED}, once per subtask): Iceberg commits ride
 * on them, and MSF does not publish Flink's own completed-checkpoint count, so this is what the
 * commit-stall alarm watches.
 */
public class IngestSplitter extends ProcessFunction<IngestRecord, Invocation>
        implements CheckpointListener {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedRecord> REJECTED =
            new OutputTag<>("rejected-records", IngestTypes.REJECTED_RECORD);

    /**
     * Amazon Q Developer records, counted as {@value MetricNames#Q_DEVELOPER_RECORDS}: their own
     * branch of the pipeline.
     */
    public static final OutputTag<QDeveloperRecord> QDEVELOPER =
            new OutputTag<>("qdeveloper-records", TypeInformation.of(QDeveloperRecord.class));

    private transient MetricGroup metrics;
    private transient Counter invocations;
    private transient Counter rejected;
    private transient Map<String, Counter> rejectedByReason;
    private transient Counter checkpointsCompleted;
    private transient Counter qDeveloperRecords;

    @Override
    public void open(OpenContext openContext) {
        metrics = MetricNames.group(getRuntimeContext().getMetricGroup());
        invocations = metrics.counter(MetricNames.INGEST_INVOCATIONS);
        rejected = metrics.counter(MetricNames.REJECTED_RECORDS);
        rejectedByReason = new HashMap<>();
        // Registered up front so that an alarm on one of them has data, zero included, before the
        // first reject.
        for (String reason : RejectReason.fixed()) {
            reasonCounter(reason);
        }
        checkpointsCompleted = metrics.counter(MetricNames.CHECKPOINTS_COMPLETED);
        qDeveloperRecords = metrics.counter(MetricNames.Q_DEVELOPER_RECORDS);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointsCompleted.inc();
    }

    @Override
    public void processElement(IngestRecord record, Context ctx, Collector<Invocation> out) {
        if (record.rejected != null) {
            rejected.inc();
            reasonCounter(String.valueOf(record.rejected.reason)).inc();
            ctx.output(REJECTED, record.rejected);
        } else if (record.invocation != null) {
            invocations.inc();
            out.collect(record.invocation);
        } else if (record.qdeveloper != null) {
            qDeveloperRecords.inc();
            ctx.output(QDEVELOPER, record.qdeveloper);
        }
    }

    private Counter reasonCounter(String reason) {
        return rejectedByReason.computeIfAbsent(
                reason, r -> metrics.counter(MetricNames.rejectedRecords(r)));
    }
}
