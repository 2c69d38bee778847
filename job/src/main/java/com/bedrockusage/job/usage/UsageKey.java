package com.bedrockusage.job.usage;

import com.bedrockusage.job.model.Invocation;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The usage key as one String: accountId, region, the caller ({@link CallerKey}: the ARN as logged
 * or its principal) and modelId (as logged), joined by the ASCII unit separator U+001F. A String
 * key hashes cheaply; key it with {@code Utf8StringTypeInfo}, which writes it to checkpoints in one
 * call.
 *
 * <p>A missing value becomes the empty string (the usage tables' key columns cannot be null). The
 * separator never occurs in account ids, regions, ARNs or model ids; were it to, it is replaced by
 * {@code ?} so the key still splits into exactly four parts.
 */
public final class UsageKey {

    static final char SEPARATOR = '\u001F';
    public static final int ACCOUNT = 0;
    public static final int REGION = 1;
    public static final int CALLER = 2;
    public static final int MODEL = 3;

    private UsageKey() {}

    /** The call's key with the caller as logged ({@link CallerKey#ARN}). */
    public static String of(Invocation inv) {
        return of(inv, CallerKey.ARN);
    }

    /**
     * The call's key, made on first use and kept on the call: each keyed operator of a chain asks
     * for it. A job uses one {@link CallerKey} throughout, so the kept key is always made the same
     * way.
     */
    public static String of(Invocation inv, CallerKey callerKey) {
        String key = inv.usageKey;
        if (key == null) {
            key = of(inv.accountId, inv.region, callerKey.of(inv.callerArn), inv.modelId);
            inv.usageKey = key;
        }
        return key;
    }

    public static String of(String accountId, String region, String callerArn, String modelId) {
        return new StringBuilder(128)
                .append(clean(accountId))
                .append(SEPARATOR)
                .append(clean(region))
                .append(SEPARATOR)
                .append(clean(callerArn))
                .append(SEPARATOR)
                .append(clean(modelId))
                .toString();
    }

    /** The four parts of a key made by {@link #of}: account, region, caller, model. */
    public static String[] parts(String key) {
        String[] parts = new String[4];
        int start = 0;
        for (int i = 0; i < 3; i++) {
            int end = key.indexOf(SEPARATOR, start);
            if (end < 0) {
                throw new IllegalArgumentException(
                        "not a usage key: " + key.replace(SEPARATOR, '|'));
            }
            parts[i] = key.substring(start, end);
            start = end + 1;
        }
        parts[3] = key.substring(start);
        return parts;
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace(SEPARATOR, '?');
    }

    /** {@code keyBy(new UsageKey.Selector(callerKey), Utf8StringTypeInfo.INSTANCE)}. */
    public static final class Selector implements KeySelector<Invocation, String> {
        private static final long serialVersionUID = 1L;
        private final CallerKey callerKey;

        /** The caller as logged. */
        public Selector() {
            this(CallerKey.ARN);
        }

        public Selector(CallerKey callerKey) {
            this.callerKey = java.util.Objects.requireNonNull(callerKey, "callerKey");
        }

        @Override
        public String getKey(Invocation inv) {
            return of(inv, callerKey);
        }
    }
}
