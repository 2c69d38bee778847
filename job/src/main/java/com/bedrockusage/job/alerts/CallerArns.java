package com.bedrockusage.job.alerts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads IAM role names (and from them application names) out of caller ARNs. */
public final class CallerArns {

    private CallerArns() {}

    /**
     * The role name of {@code arn:aws:sts::111122223333:assumed-role/NAME/session} or
     * {@code arn:aws:iam::111122223333:role/path/NAME}; null for users and anything else.
     */
    public static String roleName(String arn) {
        if (arn == null) {
            return null;
        }
        int assumed = arn.indexOf(":assumed-role/");
        if (assumed >= 0) {
            int from = assumed + ":assumed-role/".length();
            int slash = arn.indexOf('/', from);
            return emptyToNull(slash < 0 ? arn.substring(from) : arn.substring(from, slash));
        }
        int role = arn.indexOf(":role/");
        if (role >= 0) {
            return emptyToNull(arn.substring(arn.lastIndexOf('/') + 1));
        }
        return null;
    }

    /** The app: the first group of {@code appPattern} matched against the whole role name, or null. */
    public static String app(String arn, Pattern appPattern) {
        String role = roleName(arn);
        if (role == null) {
            return null;
        }
        Matcher m = appPattern.matcher(role);
        return m.find() && m.groupCount() >= 1 ? emptyToNull(m.group(1)) : null;
    }

    /** A short form for subjects: what follows the account id, without {@code assumed-role/} ({@code NAME/session}, {@code user/bob}). */
    public static String shortForm(String arn) {
        if (arn == null) {
            return null;
        }
        int colon = arn.lastIndexOf(':');
        String tail = arn.startsWith("arn:") && colon >= 0 && colon < arn.length() - 1 ? arn.substring(colon + 1) : arn;
        return tail.startsWith("assumed-role/") ? tail.substring("assumed-role/".length()) : tail;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
