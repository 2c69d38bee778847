package com.bedrockusage.job.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Types;

/**
 * Brings a table written by an older build up to its {@link TableDefinition}: columns the
 * definition has and the table lacks are added, at the end and optional, so rows already written
 * read them as null. The sinks write rows by position in the definition's column order, so a table
 * must have every column before a job appends to it. Nothing is ever dropped, renamed or retyped
 * here.
 */
final class SchemaEvolution {

    private SchemaEvolution() {}

    /**
     * Adds the missing columns in one commit; returns their names (empty when the table is up to
     * date).
     */
    static List<String> addMissingColumns(Table table, TableDefinition def) {
        List<String> added = new ArrayList<>();
        UpdateSchema update = table.updateSchema();
        for (Types.NestedField field : def.schema().columns()) {
            if (table.schema().findField(field.name()) != null) {
                continue;
            }
            if (field.isRequired()) {
                throw new IllegalStateException(
                        "table "
                                + table.name()
                                + " lacks required column "
                                + field.name()
                                + ": only optional columns can be added to a table with data");
            }
            update.addColumn(field.name(), field.type(), field.doc());
            added.add(field.name());
        }
        if (!added.isEmpty()) {
            update.commit();
        }
        return added;
    }
}
