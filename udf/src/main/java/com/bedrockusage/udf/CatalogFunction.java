package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCatalog;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * A function backed by the job's price catalogue, built as the job builds it ({@link
 * PricingSetup}): the price CSV (the built-in one when none is set), the files of the updates
 * directory laid over it, then the aliases.
 *
 * <p>Given whole to the constructor ({@code bin/sql} passes the job's configuration), or else each
 * part from, first set wins: the constructor's catalogue argument, the job parameter, the system
 * property of that name, the environment variable — {@code bedrock.pricing.catalog} / {@code
 * BEDROCK_PRICING_CATALOG}, {@code bedrock.pricing.aliases} / {@code BEDROCK_PRICING_ALIASES} and
 * {@code bedrock.pricing.updates-dir} / {@code BEDROCK_PRICING_UPDATES_DIR}.
 */
abstract class CatalogFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final String catalogLocation;
    private final PricingSetup setup;
    private transient PriceCatalog catalog;

    CatalogFunction(String catalogLocation) {
        this.catalogLocation = catalogLocation;
        this.setup = null;
    }

    CatalogFunction(PricingSetup setup) {
        this.catalogLocation = null;
        this.setup = setup;
    }

    @Override
    public void open(FunctionContext context) {
        catalog =
                Catalogs.get(
                        setup != null
                                ? setup
                                : PricingSetup.of(
                                        Settings.resolve(
                                                catalogLocation,
                                                context,
                                                Settings.PRICING_CATALOG,
                                                Settings.PRICING_CATALOG_ENV),
                                        Settings.resolve(
                                                null,
                                                context,
                                                Settings.PRICING_ALIASES,
                                                Settings.PRICING_ALIASES_ENV),
                                        Settings.resolve(
                                                null,
                                                context,
                                                Settings.PRICING_UPDATES_DIR,
                                                Settings.PRICING_UPDATES_DIR_ENV)));
    }

    /**
     * Also usable without {@link #open} (plain unit tests, some planner paths): then no job
     * parameters.
     */
    final PriceCatalog catalog() {
        if (catalog == null) {
            open(null);
        }
        return catalog;
    }
}
