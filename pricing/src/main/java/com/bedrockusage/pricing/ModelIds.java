package com.bedrockusage.pricing;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Helpers for Bedrock model ids as they appear in invocation logs: bare ids ({@code
 * anthropic.claude-3-haiku-20240307-v1:0}), cross-region inference profile ids ({@code
 * us.anthropic...}) and ARNs. All methods are null-safe (null in, null out), use no regex and are
 * cheap enough for a per-event hot path; they are also exposed as SQL UDFs.
 */
public final class ModelIds {

    /** Scope returned by {@link #profileScope(String)} for an id without a geographic prefix. */
    public static final String NO_SCOPE = "none";

    private static final String ARN_PREFIX = "arn:";
    private static final String FOUNDATION_MODEL = "foundation-model/";
    private static final String INFERENCE_PROFILE = "inference-profile/";

    /**
     * Order matters only for prefixes that share a start; none of these do once the dot is
     * included.
     */
    private static final String[] GEO_PREFIXES = {
        "us.", "eu.", "apac.", "au.", "jp.", "us-gov.", "global.", "ca."
    };

    private static final Set<String> PROVIDERS =
            Collections.unmodifiableSet(
                    new HashSet<>(
                            Arrays.asList(
                                    "ai21",
                                    "amazon",
                                    "anthropic",
                                    "cohere",
                                    "deepseek",
                                    "google",
                                    "luma",
                                    "meta",
                                    "minimax",
                                    "mistral",
                                    "moonshot",
                                    "moonshotai",
                                    "nvidia",
                                    "openai",
                                    "qwen",
                                    "stability",
                                    "twelvelabs",
                                    "writer",
                                    "zai")));

    private ModelIds() {}

    /**
     * The model or profile id inside a foundation-model or (system-defined) inference-profile ARN:
     * {@code arn:aws:bedrock:us-east-1::foundation-model/anthropic.x-v1:0 -> anthropic.x-v1:0}. Any
     * other input, including application-inference-profile ARNs (whose opaque id says nothing about
     * the model), is returned unchanged.
     */
    public static String stripArn(String modelId) {
        if (modelId == null || !modelId.startsWith(ARN_PREFIX)) {
            return modelId;
        }
        int resource = resourceStart(modelId);
        if (resource < 0) {
            return modelId;
        }
        int slash = -1;
        if (modelId.startsWith(FOUNDATION_MODEL, resource)) {
            slash = resource + FOUNDATION_MODEL.length() - 1;
        } else if (modelId.startsWith(INFERENCE_PROFILE, resource)) {
            slash = resource + INFERENCE_PROFILE.length() - 1;
        }
        if (slash < 0 || slash == modelId.length() - 1) {
            return modelId;
        }
        return modelId.substring(modelId.lastIndexOf('/') + 1);
    }

    /** True for an ARN ({@code arn:...}) of an application inference profile. */
    public static boolean isApplicationInferenceProfileArn(String modelId) {
        if (modelId == null || !modelId.startsWith(ARN_PREFIX)) {
            return false;
        }
        int resource = resourceStart(modelId);
        return resource >= 0 && modelId.startsWith("application-inference-profile/", resource);
    }

    /**
     * Index after the fifth colon of {@code arn:partition:service:region:account:resource}, or -1.
     */
    private static int resourceStart(String arn) {
        int pos = -1;
        for (int i = 0; i < 5; i++) {
            pos = arn.indexOf(':', pos + 1);
            if (pos < 0) {
                return -1;
            }
        }
        return pos + 1;
    }

    /**
     * The id without its cross-region inference profile prefix ({@code us.}, {@code eu.}, ...);
     * else unchanged.
     */
    public static String stripGeoPrefix(String modelId) {
        if (modelId == null) {
            return null;
        }
        int len = geoPrefixLength(modelId);
        return len == 0 ? modelId : modelId.substring(len);
    }

    /**
     * The geographic scope of a cross-region inference profile id or ARN ({@code us}, {@code eu},
     * {@code apac}, {@code au}, {@code jp}, {@code us-gov}, {@code global}, {@code ca}), or {@value
     * #NO_SCOPE} for an in-region model id. Null when it cannot be told: null, or an ARN that does
     * not name the model, such as an application-inference-profile ARN (it may wrap a cross-region
     * profile).
     */
    public static String profileScope(String modelId) {
        if (modelId == null) {
            return null;
        }
        String id = stripArn(modelId);
        if (id.startsWith(ARN_PREFIX)) {
            return null;
        }
        int len = geoPrefixLength(id);
        return len == 0 ? NO_SCOPE : id.substring(0, len - 1);
    }

    /**
     * The model vendor ({@code anthropic}, {@code amazon}, {@code meta}, ...), or null when not
     * recognised.
     */
    public static String provider(String modelId) {
        if (modelId == null) {
            return null;
        }
        String id = stripArn(modelId);
        int start = geoPrefixLength(id);
        int dot = id.indexOf('.', start);
        if (dot <= start) {
            return null;
        }
        String vendor = id.substring(start, dot);
        return PROVIDERS.contains(vendor) ? vendor : null;
    }

    private static int geoPrefixLength(String id) {
        for (String prefix : GEO_PREFIXES) {
            if (id.startsWith(prefix) && id.length() > prefix.length()) {
                return prefix.length();
            }
        }
        return 0;
    }
}
