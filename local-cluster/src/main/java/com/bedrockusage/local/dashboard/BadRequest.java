package com.bedrockusage.local.dashboard;

/** A request the API cannot answer as asked: HTTP 400 with this message. */
public final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(message);
    }
}
