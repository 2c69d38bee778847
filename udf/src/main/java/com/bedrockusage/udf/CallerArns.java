package com.bedrockusage.udf;

/**
 * Reads the caller identity ARNs of Bedrock invocation logs: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION},
 * {@code arn:aws:iam::ACCOUNT:role/PATH/ROLE}, {@code arn:aws:iam::ACCOUNT:user/PATH/USER},
 * {@code arn:aws:iam::ACCOUNT:root} and {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. Every method returns
 * null for null, for anything that is not such an ARN, and for the parts an ARN does not have.
 */
public final class CallerArns {

    private static final String ASSUMED_ROLE = "assumed-role/";
    private static final String ROLE = "role/";
    private static final String USER = "user/";
    private static final String FEDERATED_USER = "federated-user/";

    private CallerArns() {}

    /** The role name (roles and assumed-role sessions), user name, federated user name, or {@code root}. */
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

    private static String roleName(String resource) {
        if (resource.startsWith(ASSUMED_ROLE)) {
            int slash = resource.indexOf('/', ASSUMED_ROLE.length());
            String name = slash < 0 ? resource.substring(ASSUMED_ROLE.length())
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
