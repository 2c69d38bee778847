package com.bedrockusage.local.sql;

/** A problem the user can fix (bad option, missing warehouse): printed as one line, exit code 2. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    /**
     * The value after {@code option} at {@code args[i]}; missing or empty is the user's mistake.
     */
    public static String valueOf(String[] args, int i, String option) {
        if (i >= args.length || args[i].isEmpty()) {
            throw new CliException(option + " needs a value (see --help)");
        }
        return args[i];
    }
}
