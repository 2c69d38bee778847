package com.bedrockusage.job.sink;

import com.bedrockusage.job.config.JobConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads a whole table as committed (deletes applied). For summaries, checks and tests — not for the
 * hot path.
 */
public final class TableRows {

    private TableRows() {}

    public static List<Record> read(JobConfig config, String table) {
        Table t =
                IcebergCatalogs.loader(config)
                        .loadCatalog()
                        .loadTable(TableIdentifier.of(config.icebergNamespace, table));
        t.refresh();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(t).build()) {
            for (Record r : it) {
                rows.add(r.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
