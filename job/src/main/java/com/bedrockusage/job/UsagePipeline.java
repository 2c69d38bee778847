package com.bedrockusage.job;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.AlertsPipeline;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.delivery.AlertToRow;
import com.bedrockusage.job.alerts.delivery.AlertsTable;
import com.bedrockusage.job.alerts.delivery.ReportAnnouncement;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.ingest.FutureTimestamps;
import com.bedrockusage.job.ingest.IngestSplitter;
import com.bedrockusage.job.ingest.IngestTypes;
import com.bedrockusage.job.ingest.source.BedrockLogFiles;
import com.bedrockusage.job.ingest.source.BedrockLogKinesis;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import com.bedrockusage.job.pricing.DedupAndPrice;
import com.bedrockusage.job.pricing.NoPriceUpdates;
import com.bedrockusage.job.pricing.PriceUpdate;
import com.bedrockusage.job.pricing.PriceUpdateFiles;
import com.bedrockusage.job.qdeveloper.QDeveloperPipeline;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.report.DailyReportFunction;
import com.bedrockusage.job.report.DailyReportWritten;
import com.bedrockusage.job.sink.IcebergSinks;
import com.bedrockusage.job.sink.InvocationToRow;
import com.bedrockusage.job.sink.RejectedToRow;
import com.bedrockusage.job.sink.RollbackOnRestore;
import com.bedrockusage.job.sink.TableDefinition;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.sink.UsageToRow;
import com.bedrockusage.job.usage.ExactUsage;
import com.bedrockusage.job.usage.UsageRow;
import com.bedrockusage.job.usage.UsageWindows;
import com.bedrockusage.pricing.PriceCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * Wires the job. Sources and sinks come from the configuration, so tests run this exact topology on
 * bounded local files and a temporary warehouse.
 *
 * <pre>
 *  S3 / files ─┐                  keyBy usage key                          ┌─► invocations
 *  Kinesis ────┴─► split rejected ─► dedup + price (broadcast ◄─ price    ├─► usage_minute / usage_hourly
 *                      │            (requestId)    catalogue + updates) ──┼─► usage_daily (exact: late calls added)
 *                      └─► rejected_records                               ├─► late_invocations
 *                                                                         └─► alerts ─► SNS, alerts table, JSONL
 * </pre>
 */
public final class UsagePipeline {

    /**
     * Calls later than the allowed lateness of the finest window: persisted in late_invocations.
     */
    static final OutputTag<Invocation> LATE_FINEST =
            new OutputTag<>("late-finest", IngestTypes.INVOCATION);

    private UsagePipeline() {}

    /** Adds the whole job to {@code env}; returns the priced invocations. */
    public static DataStream<Invocation> build(StreamExecutionEnvironment env, JobConfig config) {
        return build(env, config, UnaryOperator.identity());
    }

    /**
     * @param afterParse applied to the parsed invocations, chained to the sources (tests use it to
     *     inject a failure or to pace records)
     */
    public static DataStream<Invocation> build(
            StreamExecutionEnvironment env,
            JobConfig config,
            UnaryOperator<DataStream<Invocation>> afterParse) {
        SingleOutputStreamOperator<Invocation> parsed =
                sources(env, config)
                        .process(new IngestSplitter(), IngestTypes.INVOCATION)
                        .uid(OperatorIds.SPLIT_REJECTED)
                        .name("split rejected");
        DataStream<RejectedRecord> rejected = parsed.getSideOutput(IngestSplitter.REJECTED);

        // One shuffle, by usage key: dedup, pricing, the invocations sink and the usage windows
        // then run chained in the same task, handing each call on without serializing it.
        DataStream<PriceUpdate> updates = priceUpdates(env, config);
        RollbackOnRestore.attach(updates, config, tables(), IcebergSinks.runId(env));
        BroadcastStream<PriceUpdate> priceUpdates = updates.broadcast(DedupAndPrice.PRICE_ROWS);
        SingleOutputStreamOperator<Invocation> priced =
                DedupAndPrice.apply(
                        afterParse.apply(parsed),
                        priceUpdates,
                        baseCatalogue(config),
                        config.dedupTtl,
                        config.callerKey);

        IcebergSinks.write(
                rejected,
                new RejectedToRow(),
                OperatorIds.ROWS_REJECTED,
                "rejected to rows",
                config);
        IcebergSinks.write(
                priced,
                new InvocationToRow(Tables.invocations()),
                OperatorIds.ROWS_INVOCATIONS,
                "invocations to rows",
                config);
        Optional<DataStream<UsageRow>> daily =
                usage(UsageWindows.byUsageKey(priced, config.callerKey), config);

        // Amazon Q Developer records take their own branch; its alerts share the alerts' delivery.
        DataStream<Alert> announcements =
                QDeveloperPipeline.apply(parsed.getSideOutput(IngestSplitter.QDEVELOPER), config);
        if (config.reportEnabled && daily.isPresent()) {
            DataStream<DailyReportWritten> reports =
                    daily.get()
                            .keyBy(DailyReportFunction.BY_DAY, Types.LONG)
                            .process(
                                    new DailyReportFunction(
                                            config.reportOutput,
                                            reportGrace(config),
                                            DailyReportFunction.DEFAULT_CORRECTION_WINDOW),
                                    TypeInformation.of(DailyReportWritten.class))
                            .uid(OperatorIds.DAILY_REPORT)
                            .name("daily report");
            if (config.reportAnnounce) {
                announcements =
                        announcements.union(
                                reports.map(
                                                new ReportAnnouncement(),
                                                TypeInformation.of(Alert.class))
                                        .uid(OperatorIds.DAILY_REPORT_ANNOUNCE)
                                        .name("announce daily report"));
            }
        }
        DataStream<DeliveredAlert> alerts = AlertsPipeline.apply(priced, config, announcements);
        IcebergSinks.write(
                alerts, new AlertToRow(), OperatorIds.ROWS_ALERTS, "alerts to rows", config);
        return priced;
    }

    /** Every table the job writes; created before it starts. */
    public static List<TableDefinition> tables() {
        List<TableDefinition> all = new ArrayList<>(Tables.all());
        all.add(AlertsTable.definition());
        all.addAll(QDeveloperTables.all());
        return all;
    }

    /** A day's report waits for the day's late rows: at least the allowed lateness. */
    private static Duration reportGrace(JobConfig config) {
        Duration grace = config.allowedLateness.plus(config.maxOutOfOrderness);
        return grace.compareTo(DailyReportFunction.DEFAULT_GRACE) > 0
                ? grace
                : DailyReportFunction.DEFAULT_GRACE;
    }

    /**
     * @return the exact daily rows, when a daily window is configured
     */
    private static Optional<DataStream<UsageRow>> usage(
            KeyedStream<Invocation, String> priced, JobConfig config) {
        Optional<DataStream<UsageRow>> daily = Optional.empty();
        boolean lateWritten = false;
        for (Duration size : config.windows) {
            String table = JobConfig.WINDOW_TABLES.get(size);
            String suffix = UsageWindows.granularity(size);
            OutputTag<Invocation> lateTag =
                    new OutputTag<>("late-" + suffix, IngestTypes.INVOCATION);
            DataStream<UsageRow> rows;
            DataStream<Invocation> late;
            if (size.equals(Duration.ofDays(1))) {
                ExactUsage exact =
                        UsageWindows.exactTotals(
                                priced,
                                size,
                                config.allowedLateness,
                                config.dailyRetention,
                                lateTag,
                                suffix,
                                config.callerKey);
                rows = exact.rows;
                late = exact.late;
                daily = Optional.of(rows);
            } else {
                SingleOutputStreamOperator<UsageRow> windowRows =
                        UsageWindows.apply(priced, size, config.allowedLateness, lateTag, suffix);
                rows = windowRows;
                late = windowRows.getSideOutput(lateTag);
            }
            IcebergSinks.write(
                    rows,
                    new UsageToRow(Tables.usage(table)),
                    OperatorIds.usageRows(table),
                    table + " to rows",
                    config);
            // A call too late for the finest window is too late for every coarser one: persisting
            // that window's late calls records each late call exactly once.
            if (!lateWritten) {
                IcebergSinks.write(
                        late,
                        new InvocationToRow(Tables.lateInvocations()),
                        OperatorIds.ROWS_LATE_INVOCATIONS,
                        "late calls to rows",
                        config);
                lateWritten = true;
            }
        }
        return daily;
    }

    private static DataStream<IngestRecord> sources(
            StreamExecutionEnvironment env, JobConfig config) {
        List<DataStream<IngestRecord>> logs = new ArrayList<>();
        if (config.hasS3Source()) {
            // One source for every location: adding a spoke's location keeps this operator's uid
            // and state.
            logs.add(
                    env.fromSource(
                                    BedrockLogFiles.source(
                                            config.s3Paths,
                                            config.s3Continuous,
                                            config.s3DiscoveryInterval,
                                            config.s3Lookback,
                                            config.s3From,
                                            config.s3To,
                                            config.s3Isal),
                                    WatermarkStrategy.noWatermarks(),
                                    s3SourceName(config),
                                    IngestTypes.INGEST_RECORD)
                            .uid(OperatorIds.SOURCE_S3));
        }
        if (config.hasKinesisSource()) {
            logs.add(
                    env.fromSource(
                                    BedrockLogKinesis.source(
                                            config.kinesisStreamArn,
                                            kinesisConfig(config),
                                            config.kinesisRetention),
                                    WatermarkStrategy.noWatermarks(),
                                    "Kinesis logs: " + config.kinesisStreamArn,
                                    IngestTypes.INGEST_RECORD)
                            .uid(OperatorIds.SOURCE_KINESIS));
        }
        DataStream<IngestRecord> all = logs.get(0);
        for (DataStream<IngestRecord> more : logs.subList(1, logs.size())) {
            all = all.union(more);
        }
        // Watermarks after the union, not per file split: a file reader whose small objects are
        // done would otherwise stay "active" at an old watermark and hold every window open.
        WatermarkStrategy<IngestRecord> watermarks =
                WatermarkStrategy.<IngestRecord>forBoundedOutOfOrderness(config.maxOutOfOrderness)
                        .withTimestampAssigner((r, previous) -> r.eventTimeOr(previous))
                        .withIdleness(config.idleness);
        return all.map(new FutureTimestamps(config.maxFuture), IngestTypes.INGEST_RECORD)
                .uid(OperatorIds.FUTURE_TIMESTAMPS)
                .name("reject future timestamps")
                .assignTimestampsAndWatermarks(watermarks)
                .uid(OperatorIds.WATERMARKS)
                .name("event-time watermarks");
    }

    /** {@code S3 logs: <first location>}, and how many more when there are several. */
    private static String s3SourceName(JobConfig config) {
        int more = config.s3Paths.size() - 1;
        return "S3 logs: " + config.s3Path + (more > 0 ? " and " + more + " more" : "");
    }

    static Configuration kinesisConfig(JobConfig config) {
        Configuration c = new Configuration();
        c.setString("aws.region", config.kinesisRegion);
        c.setString("flink.stream.initpos", config.kinesisInitialPosition);
        if (config.hasKinesisEndpoint()) {
            c.setString("aws.endpoint", config.kinesisEndpoint);
            // A local emulator takes any credentials; real endpoints use the SDK's default chain.
            c.setString("aws.credentials.provider", "BASIC");
            c.setString("aws.credentials.provider.basic.accesskeyid", "local");
            c.setString("aws.credentials.provider.basic.secretkey", "local");
        }
        return c;
    }

    private static PriceCatalog baseCatalogue(JobConfig config) {
        PriceCatalog catalog =
                config.hasPricingCatalog()
                        ? PriceCatalogFiles.load(config.pricingCatalog)
                        : PriceCatalog.defaultCatalog();
        return config.pricingAliases.isEmpty()
                ? catalog
                : catalog.withAliases(config.pricingAliases);
    }

    private static DataStream<PriceUpdate> priceUpdates(
            StreamExecutionEnvironment env, JobConfig config) {
        if (config.hasPricingUpdates()) {
            return PriceUpdateFiles.stream(
                    env, config.pricingUpdatesDir, config.pricingUpdatesInterval);
        }
        // No updates. The price rows live in the pricing operator's broadcast state, so configuring
        // an updates directory later keeps that state. A bounded job gets an empty stream that
        // finishes with it; a continuous one a source that never finishes and stays idle (a
        // finished source sends the end-of-time watermark).
        if (config.isBounded()) {
            // fromCollection is deprecated, but its successor fromData cannot be empty in Flink
            // 1.20: its generator source asks for at least one element (a count of 0 becomes the
            // sequence 0..0).
            return env.fromCollection(
                            Collections.<PriceUpdate>emptyList(),
                            TypeInformation.of(PriceUpdate.class))
                    .uid(OperatorIds.PRICE_UPDATES)
                    .name("no price updates");
        }
        // Still a SourceFunction (deprecated): Flink 1.20 has no FLIP-27 source that never finishes
        // yet is idle from the start, and a finished one would send the end-of-time watermark.
        // Replace it with a custom Source for Flink 2.
        return env.addSource(
                        new NoPriceUpdates(),
                        "no price updates",
                        TypeInformation.of(PriceUpdate.class))
                .setParallelism(1)
                .uid(OperatorIds.PRICE_UPDATES);
    }
}
