package com.bedrockusage.pricing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the caller identity ARNs of Bedrock invocation logs: {@code
 * arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}, {@code arn:aws:iam::ACCOUNT:role/PATH/ROLE},
 * {@code arn:aws:iam::ACCOUNT:user/PATH/USER}, {@code arn:aws:iam::ACCOUNT:root} and {@code
 * arn:aws:sts::ACCOUNT:federated-user/NAME}. Every method returns null for null, for anything that
 * is not such an ARN, and for the parts an ARN does not have. One implementation for the job (alert
 * scopes) and the SQL functions, so an "app" means the same everywhere.
 */
public final class CallerArns {

    private static final String ASSUMED_ROLE = "assumed-role/";
    private static final String ROLE = "role/";
    private static final String USER = "user/";
    private static final String FEDERATED_USER = "federated-user/";

    private CallerArns() {}

    /**
     * The role name (roles and assumed-role sessions), user name, federated user name, or {@code
     * root}.
     */
    public static String principal(String arn) {
        String resource = resource(arn);
        if (resource == null) {
            return null;
        }
        if (resource.equals("root")) {
            return "root";
        }
        String role = roleName(resource);
        if (role != null) {
            return role;
        }
        if (resource.startsWith(USER)) {
            return lastSegment(resource, USER.length());
        }
        if (resource.startsWith(FEDERATED_USER)) {
            return lastSegment(resource, FEDERATED_USER.length());
        }
        return null;
    }

    /** The role name of a role or assumed-role ARN; null for users and anything else. */
    public static String role(String arn) {
        String resource = resource(arn);
        return resource == null ? null : roleName(resource);
    }

    /** The session name of an assumed-role ARN; null otherwise. */
    public static String session(String arn) {
        String resource = resource(arn);
        if (resource == null || !resource.startsWith(ASSUMED_ROLE)) {
            return null;
        }
        int slash = resource.indexOf('/', ASSUMED_ROLE.length());
        if (slash < 0 || slash == resource.length() - 1) {
            return null;
        }
        return resource.substring(slash + 1);
    }

    /**
     * The app of a role or assumed-role ARN, from {@code appPattern} found in the role name: the
     * group named {@code app} when the pattern has one and it matched, else the first group that
     * matched ({@code ChatbotApp-BedrockRole} → {@code ChatbotApp} with {@code
     * ^(.+)-BedrockRole$}), else the whole match when the pattern has no group; null when there is
     * no role or no match. The first-matched rule lets one pattern cover several conventions:
     * {@code ^(?:AWSReservedSSO_(.+)_[0-9a-f]+|(.+)-BedrockRole)$}.
     */
    public static String app(String arn, Pattern appPattern) {
        String role = role(arn);
        if (role == null) {
            return null;
        }
        Matcher m = appPattern.matcher(role);
        if (!m.find()) {
            return null;
        }
        if (m.groupCount() == 0) {
            return nonEmpty(m.group());
        }
        String named = namedApp(m);
        if (named != null) {
            return named;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            String app = nonEmpty(m.group(g));
            if (app != null) {
                return app;
            }
        }
        return null;
    }

    /** The group named {@code app}, or null when the pattern has none or it did not match. */
    private static String namedApp(Matcher m) {
        try {
            return nonEmpty(m.group("app"));
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * A short form for messages: what follows the account id, without {@code assumed-role/} ({@code
     * NAME/session}, {@code user/bob}).
     */
    public static String shortForm(String arn) {
        if (arn == null) {
            return null;
        }
        int colon = arn.lastIndexOf(':');
        String tail =
                arn.startsWith("arn:") && colon >= 0 && colon < arn.length() - 1
                        ? arn.substring(colon + 1)
                        : arn;
        return tail.startsWith(ASSUMED_ROLE) ? tail.substring(ASSUMED_ROLE.length()) : tail;
    }

    private static String roleName(String resource) {
        if (resource.startsWith(ASSUMED_ROLE)) {
            int slash = resource.indexOf('/', ASSUMED_ROLE.length());
            String name =
                    slash < 0
                            ? resource.substring(ASSUMED_ROLE.length())
                            : resource.substring(ASSUMED_ROLE.length(), slash);
            return name.isEmpty() ? null : name;
        }
        if (resource.startsWith(ROLE)) {
            return lastSegment(resource, ROLE.length());
        }
        return null;
    }

    /** The part after the last slash (IAM paths come before the name); null when empty. */
    private static String lastSegment(String resource, int from) {
        String name = resource.substring(Math.max(from, resource.lastIndexOf('/') + 1));
        return name.isEmpty() ? null : name;
    }

    /** The resource of {@code arn:PARTITION:iam|sts:REGION:ACCOUNT:RESOURCE}, or null. */
    private static String resource(String arn) {
        if (arn == null) {
            return null;
        }
        String trimmed = arn.trim();
        if (!trimmed.startsWith("arn:")) {
            return null;
        }
        String[] parts = trimmed.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[5].isEmpty()) {
            return null;
        }
        if (!parts[2].equals("sts") && !parts[2].equals("iam")) {
            return null;
        }
        return parts[5];
    }
}
