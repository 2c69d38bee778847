package com.bedrockusage.udf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.UserDefinedFunction;

/**
 * Registers every function of this module under its SQL name. From the SQL client or MSF Studio,
 * the equivalent is {@code ADD JAR '.../udf-<version>-sql.jar'} and one {@code CREATE FUNCTION
 * <name> AS '<class>'} per entry of {@link #CLASSES}.
 */
public final class BedrockFunctions {

    public static final String BEDROCK_COST = "BEDROCK_COST";
    public static final String BEDROCK_MODEL = "BEDROCK_MODEL";
    public static final String CALLER_PRINCIPAL = "CALLER_PRINCIPAL";
    public static final String CALLER_APP = "CALLER_APP";
    public static final String CALLER_SESSION = "CALLER_SESSION";
    public static final String MODEL_PROVIDER = "MODEL_PROVIDER";
    public static final String INFERENCE_PROFILE_SCOPE = "INFERENCE_PROFILE_SCOPE";

    /** SQL name to implementing class, in registration order. */
    public static final Map<String, Class<? extends UserDefinedFunction>> CLASSES;

    static {
        Map<String, Class<? extends UserDefinedFunction>> m = new LinkedHashMap<>();
        m.put(BEDROCK_COST, BedrockCost.class);
        m.put(BEDROCK_MODEL, BedrockModel.class);
        m.put(CALLER_PRINCIPAL, CallerPrincipal.class);
        m.put(CALLER_APP, CallerApp.class);
        m.put(CALLER_SESSION, CallerSession.class);
        m.put(MODEL_PROVIDER, ModelProvider.class);
        m.put(INFERENCE_PROFILE_SCOPE, InferenceProfileScope.class);
        CLASSES = Collections.unmodifiableMap(m);
    }

    private BedrockFunctions() {}

    /**
     * Registers all functions as temporary system functions; settings come from job parameters or
     * defaults.
     */
    public static void register(TableEnvironment tEnv) {
        register(tEnv, (String) null, null);
    }

    /**
     * Registers all functions with explicit settings.
     *
     * @param pricingCatalog a price CSV for BEDROCK_COST and BEDROCK_MODEL; null for the usual
     *     lookup
     * @param appPattern the role-name regex of CALLER_APP; null for the usual lookup
     */
    public static void register(TableEnvironment tEnv, String pricingCatalog, String appPattern) {
        register(
                tEnv,
                new BedrockCost(pricingCatalog),
                new BedrockModel(pricingCatalog),
                appPattern);
    }

    /**
     * Registers all functions pricing with the job's configuration, so BEDROCK_COST gives the job's
     * {@code cost_usd}.
     *
     * @param pricing the job's catalogue, aliases and updates directory
     * @param appPattern the role-name regex of CALLER_APP; null for the usual lookup
     */
    public static void register(TableEnvironment tEnv, PricingSetup pricing, String appPattern) {
        register(tEnv, new BedrockCost(pricing), new BedrockModel(pricing), appPattern);
    }

    private static void register(
            TableEnvironment tEnv, BedrockCost cost, BedrockModel model, String appPattern) {
        tEnv.createTemporarySystemFunction(BEDROCK_COST, cost);
        tEnv.createTemporarySystemFunction(BEDROCK_MODEL, model);
        tEnv.createTemporarySystemFunction(CALLER_PRINCIPAL, new CallerPrincipal());
        tEnv.createTemporarySystemFunction(CALLER_APP, new CallerApp(appPattern));
        tEnv.createTemporarySystemFunction(CALLER_SESSION, new CallerSession());
        tEnv.createTemporarySystemFunction(MODEL_PROVIDER, new ModelProvider());
        tEnv.createTemporarySystemFunction(INFERENCE_PROFILE_SCOPE, new InferenceProfileScope());
    }
}
