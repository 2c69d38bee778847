package com.bedrockusage.local.sql;

/** A problem the user can fix (bad option, missing warehouse): printed as one line, exit code 2. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }
}
