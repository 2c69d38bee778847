package com.bedrockusage.local.sql;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.sink.PricingProvenance;
import com.bedrockusage.job.sink.TableDefinition;
import com.bedrockusage.job.sink.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;

/**
 * A local Hadoop-catalog warehouse with the job's tables ({@link Tables#all()}), written with
 * Iceberg's generic writers.
 */
public final class TestWarehouse implements AutoCloseable {

    public static final String NAMESPACE = "bedrock";

    private final Path dir;
    private final HadoopCatalog catalog;

    private TestWarehouse(Path dir) {
        this.dir = dir;
        this.catalog = new HadoopCatalog(new Configuration(), dir.toUri().toString());
    }

    /** Creates the namespace and every table, as the job does at start. */
    public static TestWarehouse create(Path dir) {
        TestWarehouse w = new TestWarehouse(dir);
        w.catalog.createNamespace(Namespace.of(NAMESPACE));
        List<TableDefinition> all = new ArrayList<>(Tables.all());
        all.addAll(QDeveloperTables.all());
        for (TableDefinition def : all) {
            Map<String, String> props = new HashMap<>();
            props.put(TableProperties.FORMAT_VERSION, "2");
            w.catalog.createTable(
                    TableIdentifier.of(NAMESPACE, def.name()),
                    def.schema(),
                    def.partitionSpec(),
                    props);
        }
        // the job's record of its prices: the built-in catalogue, as SampleCalls prices
        w.table(Tables.INVOCATIONS)
                .updateProperties()
                .set(PricingProvenance.CATALOG, "")
                .set(PricingProvenance.ALIASES, "")
                .set(PricingProvenance.UPDATES_DIR, "")
                .commit();
        return w;
    }

    public Path dir() {
        return dir;
    }

    public Table table(String name) {
        return catalog.loadTable(TableIdentifier.of(NAMESPACE, name));
    }

    public GenericRecord newRecord(String table) {
        return GenericRecord.create(table(table).schema());
    }

    /** Appends the records in one commit (one data file per day partition). */
    public void append(String tableName, List<Record> records) {
        Table table = table(tableName);
        GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
        RowDelta delta = table.newRowDelta();
        for (Map.Entry<StructLike, List<Record>> part : byPartition(table, records).entrySet()) {
            delta.addRows(writeData(table, factory, part.getKey(), part.getValue()));
        }
        delta.commit();
    }

    /**
     * Replaces rows by their upsert key the way the job's upsert sink does: an equality delete of
     * the key and the new row, in one commit.
     */
    public void upsert(String tableName, List<Record> records) {
        Table table = table(tableName);
        Schema schema = table.schema();
        int[] keyIds = schema.identifierFieldIds().stream().mapToInt(Integer::intValue).toArray();
        Schema keySchema = schema.select(schema.identifierFieldNames());
        GenericAppenderFactory factory =
                new GenericAppenderFactory(schema, table.spec(), keyIds, keySchema, null);
        RowDelta delta = table.newRowDelta();
        for (Map.Entry<StructLike, List<Record>> part : byPartition(table, records).entrySet()) {
            EqualityDeleteWriter<Record> deletes =
                    factory.newEqDeleteWriter(
                            EncryptedFiles.plainAsEncryptedOutput(newFile(table)),
                            FileFormat.PARQUET,
                            part.getKey());
            try (EqualityDeleteWriter<Record> w = deletes) {
                for (Record r : part.getValue()) {
                    GenericRecord key = GenericRecord.create(keySchema);
                    for (String name : schema.identifierFieldNames()) {
                        key.setField(name, r.getField(name));
                    }
                    w.write(key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DeleteFile deleteFile = deletes.toDeleteFile();
            delta.addDeletes(deleteFile);
            delta.addRows(writeData(table, factory, part.getKey(), part.getValue()));
        }
        delta.commit();
    }

    private static Map<StructLike, List<Record>> byPartition(Table table, List<Record> records) {
        Map<StructLike, List<Record>> parts = new LinkedHashMap<>();
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        for (Record r : records) {
            PartitionKey key = new PartitionKey(table.spec(), table.schema());
            key.partition(wrapper.wrap(r));
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return parts;
    }

    private static DataFile writeData(
            Table table,
            GenericAppenderFactory factory,
            StructLike partition,
            List<Record> records) {
        DataWriter<Record> writer =
                factory.newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(newFile(table)),
                        FileFormat.PARQUET,
                        partition);
        try (DataWriter<Record> w = writer) {
            for (Record r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDataFile();
    }

    private static OutputFile newFile(Table table) {
        return table.io()
                .newOutputFile(
                        table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    }

    @Override
    public void close() throws IOException {
        catalog.close();
    }
}
