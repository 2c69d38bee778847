package com.bedrockusage.job.report;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.usage.UsageRow;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the daily usage CSV ({@link DailyReportCsv}) once a UTC day is complete and emits a {@link
 * DailyReportWritten} to announce it.
 *
 * <p>Input: the daily {@link UsageRow}s, keyed by day ({@link #BY_DAY}). Each row is the complete
 * total of its (account, region, caller, model) for the day so far, as upserted into {@code
 * usage_daily}: a later row for the same key replaces the earlier one. When the watermark passes
 * {@code day end + grace} the report is written to the location (Flink {@link FileSystem}: {@code
 * file://}, {@code s3://}, ...). Rows that still arrive in the following {@code correction window}
 * update the day, and the report is rewritten at the next watermark with the next revision number;
 * after that window the day's state is dropped and later rows are only counted ({@value
 * MetricNames#DAILY_REPORT_ROWS_TOO_LATE}), because a report built from them alone would overwrite
 * the full day with a part.
 *
 * <p>A failed write (e.g. S3 permissions) is logged and counted ({@value
 * MetricNames#DAILY_REPORT_WRITE_FAILURES}), not thrown: a restart loop would stop the metering
 * too. It is retried when the watermark has moved on by {@link #RETRY_AFTER}.
 *
 * <p>Location: a directory ({@code s3://bucket/reports}, the file is {@code
 * bedrock-usage-YYYY-MM-DD.csv} in it) or a pattern containing {@code {date}} ({@code
 * s3://bucket/reports/{date}/usage.csv}).
 */
public class DailyReportFunction extends KeyedProcessFunction<Long, UsageRow, DailyReportWritten> {

    private static final long serialVersionUID = 1L;

    public static final long DAY_MS = Duration.ofDays(1).toMillis();
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CORRECTION_WINDOW = Duration.ofDays(1);
    public static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    public static final String DATE_PLACEHOLDER = "{date}";

    /** Keys daily usage rows by the start (epoch millis) of their UTC day. */
    public static final KeySelector<UsageRow, Long> BY_DAY = new ByDay();

    static final MapStateDescriptor<String, DailyReportRow> ROWS =
            new MapStateDescriptor<>(
                    "daily-report-rows", Types.STRING, TypeInformation.of(DailyReportRow.class));
    static final ValueStateDescriptor<Boolean> DIRTY =
            new ValueStateDescriptor<>("daily-report-dirty", Types.BOOLEAN);
    static final ValueStateDescriptor<Integer> REVISION =
            new ValueStateDescriptor<>("daily-report-revision", Types.INT);

    private static final Logger LOG = LoggerFactory.getLogger(DailyReportFunction.class);

    private final String location;
    private final long graceMs;
    private final long correctionWindowMs;

    private transient MapState<String, DailyReportRow> rows;
    private transient ValueState<Boolean> dirty;
    private transient ValueState<Integer> revision;
    private transient Counter written;
    private transient Counter failures;
    private transient Counter tooLate;

    public DailyReportFunction(String location) {
        this(location, DEFAULT_GRACE, DEFAULT_CORRECTION_WINDOW);
    }

    /**
     * @param location directory or {@code {date}} pattern of the report files
     * @param grace how long after the day's end (in event time) to wait before writing: at least
     *     the usage windows' allowed lateness, so the first report already has the late calls the
     *     windows accept
     * @param correctionWindow how long after the first write later rows still rewrite the report
     */
    public DailyReportFunction(String location, Duration grace, Duration correctionWindow) {
        this.location = Objects.requireNonNull(location, "location");
        if (location.trim().isEmpty()) {
            throw new IllegalArgumentException("daily report location must not be empty");
        }
        if (grace.isNegative() || correctionWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "grace and correction window must not be negative: "
                            + grace
                            + ", "
                            + correctionWindow);
        }
        this.graceMs = grace.toMillis();
        this.correctionWindowMs = correctionWindow.toMillis();
    }

    /**
     * The file of one day's report: {@code {date}} replaced, or {@code bedrock-usage-DATE.csv} in
     * the directory.
     */
    public static String locationFor(String location, String date) {
        if (location.contains(DATE_PLACEHOLDER)) {
            return location.replace(DATE_PLACEHOLDER, date);
        }
        String dir =
                location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return dir + "/bedrock-usage-" + date + ".csv";
    }

    /** {@code yyyy-MM-dd} of the UTC day starting at {@code dayStartMillis}. */
    public static String dateOf(long dayStartMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(dayStartMillis, DAY_MS)).toString();
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        rows = getRuntimeContext().getMapState(ROWS);
        dirty = getRuntimeContext().getState(DIRTY);
        revision = getRuntimeContext().getState(REVISION);
        written = MetricNames.counter(metrics, MetricNames.DAILY_REPORTS_WRITTEN);
        failures = MetricNames.counter(metrics, MetricNames.DAILY_REPORT_WRITE_FAILURES);
        tooLate = MetricNames.counter(metrics, MetricNames.DAILY_REPORT_ROWS_TOO_LATE);
    }

    @Override
    public void processElement(UsageRow usage, Context ctx, Collector<DailyReportWritten> out)
            throws Exception {
        long day = ctx.getCurrentKey();
        long writeAt = day + DAY_MS + graceMs;
        long cleanupAt = writeAt + correctionWindowMs;
        long watermark = ctx.timerService().currentWatermark();
        if (watermark >= cleanupAt) {
            tooLate.inc();
            return;
        }
        DailyReportRow line = DailyReportRows.of(usage);
        rows.put(line.key(), line);
        dirty.update(true);
        // before writeAt: the first report; after it: a correction written at the next watermark
        ctx.timerService().registerEventTimeTimer(watermark < writeAt ? writeAt : watermark + 1);
        ctx.timerService().registerEventTimeTimer(cleanupAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DailyReportWritten> out)
            throws Exception {
        long day = ctx.getCurrentKey();
        long cleanupAt = day + DAY_MS + graceMs + correctionWindowMs;
        if (Boolean.TRUE.equals(dirty.value())) {
            write(day, timestamp, ctx, out);
        }
        if (timestamp >= cleanupAt) {
            rows.clear();
            dirty.clear();
            revision.clear();
        }
    }

    private void write(
            long day, long timestamp, OnTimerContext ctx, Collector<DailyReportWritten> out)
            throws Exception {
        String date = dateOf(day);
        String file = locationFor(location, date);
        List<DailyReportRow> lines = DailyReportRows.merge(rows.values());
        try {
            writeCsv(file, lines);
        } catch (IOException | RuntimeException e) {
            failures.inc();
            LOG.error(
                    "Could not write the daily report for {} to {}; retrying later", date, file, e);
            ctx.timerService().registerEventTimeTimer(timestamp + RETRY_AFTER.toMillis());
            return;
        }
        int next = revision.value() == null ? 1 : revision.value() + 1;
        revision.update(next);
        dirty.update(false);
        written.inc();
        out.collect(summary(date, file, next, lines));
    }

    static void writeCsv(String file, List<DailyReportRow> lines) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem();
        try (FSDataOutputStream stream = fs.create(path, FileSystem.WriteMode.OVERWRITE);
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            DailyReportCsv.write(writer, lines);
        }
    }

    static DailyReportWritten summary(
            String date, String file, int revision, List<DailyReportRow> lines) {
        DailyReportWritten w = new DailyReportWritten();
        w.date = date;
        w.location = file;
        w.revision = revision;
        w.rows = lines.size();
        w.totalCharges = BigDecimal.ZERO;
        for (DailyReportRow line : lines) {
            w.totalInputTokens += line.inputTokens;
            w.totalOutputTokens += line.outputTokens;
            w.totalCharges = w.totalCharges.add(line.charges);
        }
        return w;
    }

    private static final class ByDay implements KeySelector<UsageRow, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(UsageRow usage) {
            return Math.floorDiv(usage.windowStart, DAY_MS) * DAY_MS;
        }
    }
}
