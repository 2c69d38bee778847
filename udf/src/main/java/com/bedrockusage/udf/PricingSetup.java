package com.bedrockusage.udf;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The job's pricing configuration, as the functions need it to price like the job: the price CSV
 * ({@code pricing.catalog}; null for the built-in catalogue), the alias map ({@code
 * pricing.aliases}) and the updates directory whose files the job lays over the catalogue ({@code
 * pricing.updates-dir}; null for none).
 */
public final class PricingSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The built-in catalogue, no aliases, no updates. */
    public static final PricingSetup BUILT_IN =
            new PricingSetup(null, Collections.emptyMap(), null);

    private final String catalog;
    private final Map<String, String> aliases;
    private final String updatesDir;

    public PricingSetup(String catalog, Map<String, String> aliases, String updatesDir) {
        this.catalog = blankToNull(catalog);
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        this.updatesDir = blankToNull(updatesDir);
    }

    /**
     * From the job's setting values (blank = not set); {@code aliases} as the job reads them:
     * {@code a=m,b=n}.
     */
    public static PricingSetup of(String catalog, String aliases, String updatesDir) {
        return new PricingSetup(catalog, parseAliases(aliases), updatesDir);
    }

    /**
     * Comma-separated {@code alias=model} pairs, split at the last {@code =} of each pair (as the
     * job does).
     */
    public static Map<String, String> parseAliases(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.trim().isEmpty()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "pricing aliases '"
                                + text
                                + "': use alias=model pairs separated by commas");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    public String catalog() {
        return catalog;
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    public String updatesDir() {
        return updatesDir;
    }

    /** The aliases in the job's setting form, {@code a=m,b=n} (empty when none). */
    public String aliasesText() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            s.append(s.length() == 0 ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue());
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PricingSetup)) {
            return false;
        }
        PricingSetup other = (PricingSetup) o;
        return Objects.equals(catalog, other.catalog)
                && aliases.equals(other.aliases)
                && Objects.equals(updatesDir, other.updatesDir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, aliases, updatesDir);
    }

    @Override
    public String toString() {
        return "catalogue "
                + (catalog == null ? "built-in" : catalog)
                + (aliases.isEmpty() ? "" : ", aliases " + aliasesText())
                + (updatesDir == null ? "" : ", updates " + updatesDir);
    }

    private static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
