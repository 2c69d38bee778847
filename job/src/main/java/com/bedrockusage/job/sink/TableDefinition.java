package com.bedrockusage.job.sink;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * One Iceberg table of the job: its name, schema, day partitioning and, for upsert tables, its key.
 */
public final class TableDefinition implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Schema schema;
    private final String dayPartitionColumn;
    private final List<String> upsertKey;

    public TableDefinition(
            String name, Schema schema, String dayPartitionColumn, List<String> upsertKey) {
        this.name = name;
        this.schema = schema;
        this.dayPartitionColumn = dayPartitionColumn;
        this.upsertKey = Collections.unmodifiableList(upsertKey);
    }

    public String name() {
        return name;
    }

    public Schema schema() {
        return schema;
    }

    public PartitionSpec partitionSpec() {
        return PartitionSpec.builderFor(schema).day(dayPartitionColumn).build();
    }

    /** Empty for append-only tables; otherwise the equality fields of an upsert table. */
    public List<String> upsertKey() {
        return upsertKey;
    }

    public boolean isUpsert() {
        return !upsertKey.isEmpty();
    }
}
