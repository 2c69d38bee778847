package com.bedrockusage.job.reconcile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a caller ARN to the form {@code line_item_iam_principal} bills under: an assumed-role
 * session ({@code arn:aws:sts::A:assumed-role/Role/session}) is billed to its role ({@code
 * arn:aws:iam::A:role/Role}), and so is the session-less form the job keys usage by with {@code
 * pipeline.caller-key=principal}; users and roles are kept as they are.
 */
public final class BilledPrincipals {

    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("^arn:([^:]+):sts::([0-9]{12}):assumed-role/([^/]+)(/.*)?$");

    private BilledPrincipals() {}

    public static String of(String arn) {
        if (arn == null || arn.isEmpty()) {
            return null;
        }
        Matcher m = ASSUMED_ROLE.matcher(arn);
        if (m.matches()) {
            return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
        }
        return arn;
    }
}
