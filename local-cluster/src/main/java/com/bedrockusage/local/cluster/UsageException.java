package com.bedrockusage.local.cluster;

/** A bad command line; the message says what to fix. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
