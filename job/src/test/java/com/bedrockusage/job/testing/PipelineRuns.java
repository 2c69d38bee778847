package com.bedrockusage.job.testing;

import com.bedrockusage.job.UsagePipeline;
import com.bedrockusage.job.UsageStreamJob;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.sink.IcebergCatalogs;
import com.bedrockusage.job.sink.TableRows;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;

/** Runs the real pipeline, bounded, on a local log tree and a temporary warehouse. */
public final class PipelineRuns {

    private PipelineRuns() {}

    public static JobConfig config(Path logs, Path warehouse, String... sets) {
        PropertyGroups p =
                PropertyGroups.empty()
                        .set("source.s3.path", logs.toUri().toString())
                        .set("source.s3.mode", "bounded")
                        .set("iceberg.warehouse", warehouse.toUri().toString())
                        .set("pipeline.parallelism", "2")
                        .set("pipeline.checkpoint-interval", "500ms");
        for (String s : sets) {
            p.set(s);
        }
        return JobConfig.from(p);
    }

    public static void run(JobConfig config) throws Exception {
        run(config, UnaryOperator.identity(), false);
    }

    public static void run(
            JobConfig config, UnaryOperator<DataStream<Invocation>> afterParse, boolean restartOnce)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        if (restartOnce) {
            env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, 100));
        } else {
            env.setRestartStrategy(RestartStrategies.noRestart());
        }
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config, afterParse);
        env.execute("test");
    }

    /** Starts the pipeline without waiting for it to finish. */
    public static JobClient start(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        UsageStreamJob.configure(env, config, true);
        env.setRestartStrategy(RestartStrategies.noRestart());
        IcebergCatalogs.ensureTables(config, UsagePipeline.tables());
        UsagePipeline.build(env, config);
        return env.executeAsync("test");
    }

    /** usage table rows as {@link ExpectedUsage.Totals} keyed like {@link ExpectedUsage#key}. */
    public static Map<String, ExpectedUsage.Totals> usage(JobConfig config, String table) {
        Map<String, ExpectedUsage.Totals> out = new HashMap<>();
        for (Record r : TableRows.read(config, table)) {
            String key =
                    ExpectedUsage.key(
                            ((OffsetDateTime) r.getField("window_start")).toInstant(),
                            (String) r.getField("account_id"),
                            (String) r.getField("region"),
                            (String) r.getField("caller_arn"),
                            (String) r.getField("model_id"));
            ExpectedUsage.Totals t = new ExpectedUsage.Totals();
            t.invocations = (Long) r.getField("invocations");
            t.errors = (Long) r.getField("errors");
            t.inputTokens = (Long) r.getField("input_tokens");
            t.outputTokens = (Long) r.getField("output_tokens");
            t.cacheReadTokens = (Long) r.getField("cache_read_tokens");
            t.cacheWriteTokens = (Long) r.getField("cache_write_tokens");
            t.unpriced = (Long) r.getField("unpriced_invocations");
            BigDecimal cost = (BigDecimal) r.getField("cost_usd");
            t.cost = cost == null ? BigDecimal.ZERO : cost; // null: no call in the row had a price
            if (out.put(key, t) != null) {
                throw new AssertionError("two rows for one upsert key in " + table + ": " + key);
            }
        }
        return out;
    }

    public static List<Record> rows(JobConfig config, String table) {
        return TableRows.read(config, table);
    }
}
