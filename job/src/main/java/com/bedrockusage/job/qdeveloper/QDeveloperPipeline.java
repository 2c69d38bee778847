package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.sink.IcebergSinks;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The Amazon Q Developer branch: after the shared source and split, apart from the Bedrock hot
 * path.
 *
 * <pre>
 *  split ─► Q records ─► keyBy user ─► dedup + days + months + limits ─┬─► q_developer_events
 *                                                                     ├─► q_developer_usage_daily / _monthly
 *                                                                     └─► alerts (same delivery as Bedrock's)
 * </pre>
 */
public final class QDeveloperPipeline {

    private QDeveloperPipeline() {}

    /** Wires the branch and its tables; returns its alerts for the shared alert delivery. */
    public static DataStream<Alert> apply(DataStream<QDeveloperRecord> records, JobConfig config) {
        SingleOutputStreamOperator<QDeveloperEvent> events =
                records.keyBy(QDeveloperRecord::userKey, Utf8StringTypeInfo.INSTANCE)
                        .process(
                                new QDeveloperUsage(config.dedupTtl, QDeveloperLimits.from(config)),
                                TypeInformation.of(QDeveloperEvent.class))
                        .uid(OperatorIds.Q_DEVELOPER_USAGE)
                        .name("Q Developer usage");
        IcebergSinks.write(
                events,
                new QDeveloperRows.Events(),
                OperatorIds.ROWS_Q_DEVELOPER_EVENTS,
                "Q Developer events to rows",
                config);
        IcebergSinks.write(
                events.getSideOutput(QDeveloperUsage.DAILY),
                new QDeveloperRows.Daily(),
                OperatorIds.ROWS_Q_DEVELOPER_DAILY,
                "Q Developer days to rows",
                config);
        IcebergSinks.write(
                events.getSideOutput(QDeveloperUsage.MONTHLY),
                new QDeveloperRows.Monthly(),
                OperatorIds.ROWS_Q_DEVELOPER_MONTHLY,
                "Q Developer months to rows",
                config);
        return events.getSideOutput(QDeveloperUsage.ALERTS);
    }
}
