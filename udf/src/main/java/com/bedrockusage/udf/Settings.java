package com.bedrockusage.udf;

import org.apache.flink.table.functions.FunctionContext;

/**
 * Where a function setting comes from, first non-blank wins: the function's constructor argument,
 * the job parameter ({@code pipeline.global-job-parameters}), the JVM system property of the same
 * name, the environment variable. Null when none is set.
 */
final class Settings {

    static final String PRICING_CATALOG = "bedrock.pricing.catalog";
    static final String PRICING_CATALOG_ENV = "BEDROCK_PRICING_CATALOG";
    static final String PRICING_ALIASES = "bedrock.pricing.aliases";
    static final String PRICING_ALIASES_ENV = "BEDROCK_PRICING_ALIASES";
    static final String PRICING_UPDATES_DIR = "bedrock.pricing.updates-dir";
    static final String PRICING_UPDATES_DIR_ENV = "BEDROCK_PRICING_UPDATES_DIR";
    static final String APP_PATTERN = "bedrock.app-pattern";
    static final String APP_PATTERN_ENV = "BEDROCK_APP_PATTERN";

    private Settings() {}

    static String resolve(String explicit, FunctionContext context, String key, String envName) {
        if (!isBlank(explicit)) {
            return explicit.trim();
        }
        if (context != null) {
            String fromJob = context.getJobParameter(key, null);
            if (!isBlank(fromJob)) {
                return fromJob.trim();
            }
        }
        String fromProperty = System.getProperty(key);
        if (!isBlank(fromProperty)) {
            return fromProperty.trim();
        }
        String fromEnv = System.getenv(envName);
        return isBlank(fromEnv) ? null : fromEnv.trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
