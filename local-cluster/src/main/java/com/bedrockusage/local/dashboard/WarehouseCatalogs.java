package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.Warehouses;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The catalog the dashboard reads, chosen by the warehouse: {@code s3://...} is the AWS Glue
 * catalog the job uses on AWS (with S3FileIO), anything else a local Hadoop warehouse directory.
 */
public final class WarehouseCatalogs {

    static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
    static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

    private WarehouseCatalogs() {}

    public static Catalog open(String warehouse, String namespace, String region) {
        if (warehouse.startsWith("s3://") || warehouse.startsWith("s3a://")) {
            Map<String, String> props = new HashMap<>();
            props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
            props.put(CatalogProperties.FILE_IO_IMPL, S3_FILE_IO);
            if (region != null) {
                props.put("client.region", region);
            }
            try {
                return CatalogUtil.loadCatalog(GLUE_CATALOG, "glue", props, new Configuration());
            } catch (RuntimeException e) {
                throw new CliException(
                        "cannot open the Glue catalog for " + warehouse + ": " + e.getMessage());
            }
        }
        HadoopCatalog catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize(
                "hadoop",
                Map.of(
                        CatalogProperties.WAREHOUSE_LOCATION,
                        Warehouses.uri(Warehouses.resolve(warehouse, namespace))));
        return catalog;
    }
}
