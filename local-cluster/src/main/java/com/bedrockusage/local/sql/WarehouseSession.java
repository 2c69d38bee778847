package com.bedrockusage.local.sql;

import com.bedrockusage.udf.BedrockFunctions;
import com.bedrockusage.udf.PricingSetup;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * A batch {@link TableEnvironment} on a local Iceberg warehouse: catalog {@value #CATALOG} (Hadoop
 * catalog) in use, the namespace as current database, the Bedrock functions registered, session
 * time zone UTC.
 */
public final class WarehouseSession {

    public static final String CATALOG = "iceberg";

    private WarehouseSession() {}

    public static TableEnvironment open(
            Path warehouseDir,
            String namespace,
            int parallelism,
            PricingSetup pricing,
            String appPattern) {
        Configuration conf = new Configuration();
        // The job's days and hours are UTC: literals, CAST(.. AS DATE) and HOUR() must be too,
        // whatever zone the
        // user reads timestamps in (that zone is applied when printing, see SqlOptions
        // --time-zone).
        conf.setString("table.local-time-zone", "UTC");
        conf.setString("parallelism.default", Integer.toString(parallelism));
        // one split per file would start a source task per file: keep the small local cluster small
        conf.setString("table.exec.iceberg.infer-source-parallelism", "false");
        conf.setString("taskmanager.memory.managed.size", "128m");
        conf.setString("table.display.max-column-width", "200");
        TableEnvironment tEnv =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance()
                                .inBatchMode()
                                .withConfiguration(conf)
                                .build());
        tEnv.executeSql(
                "CREATE CATALOG "
                        + CATALOG
                        + " WITH ('type'='iceberg', 'catalog-type'='hadoop', "
                        + "'warehouse'='"
                        + Warehouses.uri(warehouseDir).replace("'", "''")
                        + "')");
        tEnv.useCatalog(CATALOG);
        tEnv.useDatabase(namespace);
        BedrockFunctions.register(tEnv, pricing, appPattern);
        return tEnv;
    }
}
