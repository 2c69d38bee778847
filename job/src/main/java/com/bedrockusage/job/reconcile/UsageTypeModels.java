package com.bedrockusage.job.reconcile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage-type → model table ({@code /reconcile/usage-type-models.csv}): the model key of a
 * Bedrock usage type ({@link BilledUsageType#modelKey}) or a marketplace product code, to the price
 * catalogue's model id, so billed and metered usage meet on the same model. A line the table does
 * not know keeps its usage type as its group ({@link #UNMAPPED_PREFIX}) and is reported, never
 * dropped.
 */
public final class UsageTypeModels {

    public static final String RESOURCE = "/reconcile/usage-type-models.csv";
    public static final String UNMAPPED_PREFIX = "usage-type:";

    private final Map<String, String> byModelKey;
    private final Map<String, String> byProductCode;

    private UsageTypeModels(Map<String, String> byModelKey, Map<String, String> byProductCode) {
        this.byModelKey = Collections.unmodifiableMap(byModelKey);
        this.byProductCode = Collections.unmodifiableMap(byProductCode);
    }

    public static UsageTypeModels builtIn() {
        try (InputStream in = UsageTypeModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code kind,key,model_id} lines; kind is {@code usage-type} or {@code product-code}; {@code
     * #} comments.
     */
    public static UsageTypeModels parse(String csv) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> codes = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("kind,")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (f.length != 3 || f[1].trim().isEmpty() || f[2].trim().isEmpty()) {
                    throw new IllegalArgumentException(
                            "usage-type table line " + n + ": expected kind,key,model_id");
                }
                Map<String, String> target =
                        f[0].trim().equals("usage-type")
                                ? keys
                                : f[0].trim().equals("product-code") ? codes : null;
                if (target == null) {
                    throw new IllegalArgumentException(
                            "usage-type table line " + n + ": unknown kind '" + f[0] + "'");
                }
                if (target.put(f[1].trim(), f[2].trim()) != null) {
                    throw new IllegalArgumentException(
                            "usage-type table line " + n + ": duplicate key " + f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UsageTypeModels(keys, codes);
    }

    /** The catalogue model id of a billed line, or null when the table does not know it. */
    public String model(String productCode, BilledUsageType type) {
        if (type.isMarketplace() || !CurColumns.BEDROCK_PRODUCT_CODE.equals(productCode)) {
            return byProductCode.get(productCode);
        }
        return byModelKey.get(type.modelKey);
    }

    /** True for Bedrock's own product code and the marketplace product codes of the table. */
    public boolean isBedrock(String productCode) {
        return CurColumns.BEDROCK_PRODUCT_CODE.equals(productCode)
                || byProductCode.containsKey(productCode);
    }

    /**
     * The group a billed line reconciles in: its model, else its usage type without the region
     * prefix.
     */
    public String group(String productCode, BilledUsageType type) {
        String model = model(productCode, type);
        if (model != null) {
            return model;
        }
        return UNMAPPED_PREFIX + (type.isMarketplace() ? productCode : type.modelKey);
    }

    public Map<String, String> modelKeys() {
        return byModelKey;
    }
}
