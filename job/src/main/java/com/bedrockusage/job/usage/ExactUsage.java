package com.bedrockusage.job.usage;

import com.bedrockusage.job.model.Invocation;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The streams {@link UsageWindows#exactTotals} builds. */
public final class ExactUsage {

    /**
     * Exact totals per key and window: upsert these (and not the raw window rows) into the table.
     */
    public final DataStream<UsageRow> rows;

    /**
     * Calls later than the window's allowed lateness (already included in {@link #rows}); persist
     * for audit.
     */
    public final DataStream<Invocation> late;

    /** Calls too late even for the retention: in no total; persist and alert. */
    public final DataStream<Invocation> beyondRetention;

    ExactUsage(
            DataStream<UsageRow> rows,
            DataStream<Invocation> late,
            DataStream<Invocation> beyondRetention) {
        this.rows = rows;
        this.late = late;
        this.beyondRetention = beyondRetention;
    }
}
