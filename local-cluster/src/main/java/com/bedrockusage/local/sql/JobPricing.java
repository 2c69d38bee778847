package com.bedrockusage.local.sql;

import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.ConfigKeys;
import com.bedrockusage.job.config.PropertyGroups;
import com.bedrockusage.job.sink.PricingProvenance;
import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.udf.PricingSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The prices {@code bin/sql}'s functions use, so that BEDROCK_COST gives the job's {@code
 * cost_usd}: the job's own settings when given ({@code --config}, {@code --pricing}, {@code --set},
 * read as the job reads them), otherwise what the job recorded in the warehouse when it started
 * ({@link PricingProvenance}). Every way this can differ from the job's prices is a warning.
 */
public record JobPricing(PricingSetup setup, String appPattern, List<String> warnings) {

    public static JobPricing resolve(SqlOptions options, Path warehouse, String namespace) {
        List<String> warnings = new ArrayList<>();
        PricingSetup recorded = recorded(warehouse, namespace);
        PricingSetup setup;
        String appPattern = options.appPattern();
        if (options.hasJobSettings()) {
            PropertyGroups settings = settings(options);
            setup = setupOf(settings);
            if (appPattern == null) {
                appPattern =
                        SqlOptions.pattern(
                                settings.get(ConfigKeys.ALERTS_APP_PATTERN),
                                ConfigKeys.ALERTS_APP_PATTERN.fullName());
            }
            if (recorded != null && !recorded.equals(setup)) {
                warnings.add(
                        "the job recorded other prices in this warehouse ("
                                + recorded
                                + "); BEDROCK_COST uses "
                                + setup
                                + " as given, so it can differ from cost_usd");
            }
        } else if (recorded != null) {
            setup = recorded;
        } else {
            setup = PricingSetup.BUILT_IN;
            warnings.add(
                    "the warehouse does not record the job's prices (written before they were recorded): "
                            + "BEDROCK_COST uses the built-in catalogue; pass the job's --config or --pricing to price as it "
                            + "did");
        }
        return new JobPricing(readable(setup, warnings), appPattern, List.copyOf(warnings));
    }

    private static PropertyGroups settings(SqlOptions options) {
        try {
            PropertyGroups p =
                    options.config() == null
                            ? PropertyGroups.empty()
                            : PropertyGroups.fromJsonFile(Paths.get(options.config()));
            PropertyGroups flags = PropertyGroups.empty();
            if (options.pricingCatalog() != null) {
                flags.set(ConfigKeys.PRICING_CATALOG.fullName(), options.pricingCatalog());
            }
            for (String s : options.sets()) {
                flags.set(s);
            }
            return p.overlay(flags);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static PricingSetup setupOf(PropertyGroups settings) {
        try {
            return PricingSetup.of(
                    absolute(settings.get(ConfigKeys.PRICING_CATALOG)),
                    settings.get(ConfigKeys.PRICING_ALIASES),
                    absolute(settings.get(ConfigKeys.PRICING_UPDATES_DIR)));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The job's record on the invocations table; null when it has none. */
    static PricingSetup recorded(Path warehouse, String namespace) {
        try (HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), Warehouses.uri(warehouse))) {
            TableIdentifier id = TableIdentifier.of(namespace, Tables.INVOCATIONS);
            if (!catalog.tableExists(id)) {
                return null;
            }
            Map<String, String> props = catalog.loadTable(id).properties();
            if (!props.containsKey(PricingProvenance.CATALOG)) {
                return null;
            }
            return PricingSetup.of(
                    absolute(props.get(PricingProvenance.CATALOG)),
                    props.get(PricingProvenance.ALIASES),
                    absolute(props.get(PricingProvenance.UPDATES_DIR)));
        } catch (IOException e) {
            return null;
        }
    }

    /** Files the SQL client cannot read (S3, gone) leave that part out, with a warning. */
    private static PricingSetup readable(PricingSetup setup, List<String> warnings) {
        String catalog = setup.catalog();
        if (catalog != null && !isLocalFile(catalog, false)) {
            warnings.add(
                    "cannot read the price catalogue "
                            + catalog
                            + " here: BEDROCK_COST uses the built-in one");
            catalog = null;
        }
        String updates = setup.updatesDir();
        if (updates != null && !isLocalFile(updates, true)) {
            warnings.add(
                    "cannot read the price updates directory "
                            + updates
                            + " here: BEDROCK_COST leaves them out");
            updates = null;
        }
        return new PricingSetup(catalog, setup.aliases(), updates);
    }

    private static boolean isLocalFile(String location, boolean directory) {
        if (location.contains("://") && !location.startsWith("file:")) {
            return false;
        }
        try {
            Path p =
                    location.startsWith("file:")
                            ? Paths.get(java.net.URI.create(location))
                            : Paths.get(location);
            return directory ? Files.isDirectory(p) : Files.isRegularFile(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A local path or {@code file:} URI as an absolute path, so the job's and the user's spelling
     * compare equal.
     */
    private static String absolute(String location) {
        if (location == null || location.isBlank()) {
            return location;
        }
        if (location.startsWith("file:")) {
            try {
                return Paths.get(java.net.URI.create(location))
                        .toAbsolutePath()
                        .normalize()
                        .toString();
            } catch (RuntimeException e) {
                return location;
            }
        }
        if (location.contains("://")) {
            return location;
        }
        return Paths.get(location).toAbsolutePath().normalize().toString();
    }
}
