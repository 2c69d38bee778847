package com.bedrockusage.job.alerts.rules;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.ScopeType;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.pricing.CallerArns;
import java.util.regex.Pattern;

/** Which invocations a rule looks at (its filters) and under which scope key it counts them. */
public final class RuleScopes {

    public static final String GLOBAL_KEY = "all";

    private RuleScopes() {}

    public static boolean matches(AlertRule rule, Invocation inv) {
        if (rule.accounts.length > 0 && !contains(rule.accounts, inv.accountId)) {
            return false;
        }
        if (rule.models.length > 0 && !modelMatches(rule.models, inv)) {
            return false;
        }
        return rule.arnContains == null
                || (inv.callerArn != null && inv.callerArn.contains(rule.arnContains));
    }

    /**
     * The scope key of the invocation under the rule, or null when the invocation has none (no app,
     * no such tag).
     */
    public static String key(AlertRule rule, Invocation inv, Pattern appPattern) {
        switch (rule.scopeType) {
            case GLOBAL:
                return GLOBAL_KEY;
            case ACCOUNT:
                return inv.accountId;
            case CALLER:
                return inv.callerArn;
            case APP:
                return CallerArns.app(inv.callerArn, appPattern);
            case MODEL:
                return modelOf(inv);
            case TAG:
                return inv.metadata(rule.scopeTag);
            default:
                throw new IllegalStateException("unknown scope " + rule.scopeType);
        }
    }

    /**
     * Contributors are callers, except under a caller scope, where they are the caller's models.
     */
    public static String contributor(AlertRule rule, Invocation inv) {
        return rule.scopeType == ScopeType.CALLER ? modelOf(inv) : inv.callerArn;
    }

    public static String contributorKind(AlertRule rule) {
        return rule.scopeType == ScopeType.CALLER ? "model" : "caller";
    }

    static String modelOf(Invocation inv) {
        return inv.model != null ? inv.model : inv.modelId;
    }

    private static boolean modelMatches(String[] models, Invocation inv) {
        for (String m : models) {
            if (m.endsWith("*")) {
                String prefix = m.substring(0, m.length() - 1);
                if (startsWith(inv.modelId, prefix) || startsWith(inv.model, prefix)) {
                    return true;
                }
            } else if (m.equals(inv.modelId) || m.equals(inv.model)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String s, String prefix) {
        return s != null && s.startsWith(prefix);
    }

    private static boolean contains(String[] values, String v) {
        for (String x : values) {
            if (x.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
