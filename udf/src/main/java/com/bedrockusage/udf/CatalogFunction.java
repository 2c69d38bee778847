package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCatalog;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A function backed by the job's price catalogue: the default one shipped with the pricing module, or the CSV
 * named by the constructor argument, the job parameter {@code bedrock.pricing.catalog}, the system property of
 * that name or the environment variable {@code BEDROCK_PRICING_CATALOG} (first set wins).
 */
abstract class CatalogFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final String catalogLocation;
    private transient PriceCatalog catalog;

    CatalogFunction(String catalogLocation) {
        this.catalogLocation = catalogLocation;
    }

    @Override
    public void open(FunctionContext context) {
        catalog = Catalogs.get(Settings.resolve(catalogLocation, context, Settings.PRICING_CATALOG,
                Settings.PRICING_CATALOG_ENV));
    }

    /** Also usable without {@link #open} (plain unit tests, some planner paths): then no job parameters. */
    final PriceCatalog catalog() {
        if (catalog == null) {
            open(null);
        }
        return catalog;
    }
}
