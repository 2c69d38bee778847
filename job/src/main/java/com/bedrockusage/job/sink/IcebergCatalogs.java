package com.bedrockusage.job.sink;

import com.bedrockusage.job.config.JobConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;

/**
 * The Iceberg catalog the job writes to: Hadoop on a local file system by default, AWS Glue on AWS.
 */
public final class IcebergCatalogs {

    private static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
    private static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

    private IcebergCatalogs() {}

    public static CatalogLoader loader(JobConfig config) {
        Map<String, String> props = new HashMap<>();
        props.put(CatalogProperties.WAREHOUSE_LOCATION, config.icebergWarehouse);
        if (config.icebergCatalogType.equals("glue")) {
            props.put(CatalogProperties.FILE_IO_IMPL, S3_FILE_IO);
            if (config.icebergRegion != null) {
                props.put("client.region", config.icebergRegion);
            }
            return CatalogLoader.custom("glue", props, new Configuration(), GLUE_CATALOG);
        }
        props.put(CatalogProperties.LOCK_IMPL, JvmLockManager.class.getName());
        return CatalogLoader.hadoop("hadoop", new Configuration(), props);
    }

    public static TableLoader tableLoader(JobConfig config, String table) {
        return TableLoader.fromCatalog(
                loader(config), TableIdentifier.of(config.icebergNamespace, table));
    }

    /**
     * Creates the namespace and any missing table. Runs in the client before the job starts, so the
     * sinks always find their tables; an existing table gains the optional columns a newer build
     * added ({@link SchemaEvolution}) and is otherwise left as it is, except that the invocations
     * table records which prices this run uses ({@link PricingProvenance}).
     */
    public static void ensureTables(JobConfig config, List<TableDefinition> tables) {
        Catalog catalog = loader(config).loadCatalog();
        Namespace ns = Namespace.of(config.icebergNamespace);
        if (catalog instanceof SupportsNamespaces
                && !((SupportsNamespaces) catalog).namespaceExists(ns)) {
            ((SupportsNamespaces) catalog).createNamespace(ns);
        }
        for (TableDefinition def : tables) {
            TableIdentifier id = TableIdentifier.of(ns, def.name());
            if (!catalog.tableExists(id)) {
                Map<String, String> props = new HashMap<>();
                props.put(TableProperties.FORMAT_VERSION, "2");
                props.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
                props.put(TableProperties.PARQUET_COMPRESSION, "zstd");
                catalog.createTable(id, def.schema(), def.partitionSpec(), props);
            } else {
                SchemaEvolution.addMissingColumns(catalog.loadTable(id), def);
            }
        }
        TableIdentifier invocations = TableIdentifier.of(ns, Tables.INVOCATIONS);
        if (catalog.tableExists(invocations)) {
            PricingProvenance.record(catalog.loadTable(invocations), config);
        }
    }
}
