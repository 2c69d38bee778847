package com.bedrockusage.local.generate;

/** A bad command line: the message says what is wrong; the tool exits with status 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
