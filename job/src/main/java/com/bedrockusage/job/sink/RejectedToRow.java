package com.bedrockusage.job.sink;

import static com.bedrockusage.job.sink.RowValues.str;
import static com.bedrockusage.job.sink.RowValues.ts;

import com.bedrockusage.job.model.RejectedRecord;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** {@link RejectedRecord} → a row of {@code rejected_records}. */
public final class RejectedToRow extends ToRow<RejectedRecord> {

    private static final long serialVersionUID = 1L;

    public RejectedToRow() {
        super(Tables.rejectedRecords());
    }

    @Override
    public RowData map(RejectedRecord r) {
        return GenericRowData.of(str(r.reason), str(r.source), ts(r.ingestTime), str(r.rawExcerpt));
    }
}
