package com.bedrockusage.job.sink;

import com.bedrockusage.job.config.JobConfig;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;

/**
 * Which prices the job uses, written as properties of the {@code invocations} table when the job
 * starts, so the SQL tools can price with the same catalogue ({@code bin/sql}) or warn when they
 * are told otherwise. An empty value means "not set" (the built-in catalogue, no aliases, no
 * updates directory).
 */
public final class PricingProvenance {

    public static final String CATALOG = "bedrock.pricing.catalog";
    public static final String ALIASES = "bedrock.pricing.aliases";
    public static final String UPDATES_DIR = "bedrock.pricing.updates-dir";

    private PricingProvenance() {}

    /**
     * The three properties for this configuration; local paths made absolute so a tool run
     * elsewhere finds them.
     */
    public static Map<String, String> of(JobConfig config) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CATALOG, absolute(config.pricingCatalog));
        props.put(
                ALIASES,
                config.pricingAliases.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")));
        props.put(UPDATES_DIR, absolute(config.pricingUpdatesDir));
        return props;
    }

    /** Sets the properties on {@code table}; commits only when one of them changed. */
    static void record(Table table, JobConfig config) {
        Map<String, String> wanted = of(config);
        UpdateProperties update = table.updateProperties();
        boolean changed = false;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(table.properties().get(e.getKey()))) {
                update.set(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            update.commit();
        }
    }

    private static String absolute(String location) {
        if (location == null) {
            return "";
        }
        if (location.contains("://") || location.startsWith("file:")) {
            return location;
        }
        return Paths.get(location).toAbsolutePath().normalize().toString();
    }
}
