package com.bedrockusage.pricing;

/** Invalid price data; the message names the source (file), the line and the problem. */
public class PriceCatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PriceCatalogException(String message) {
        super(message);
    }

    public PriceCatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{source}:{line}: {problem}" — the one format every loader uses. */
    static PriceCatalogException at(String source, int line, String problem) {
        return new PriceCatalogException(source + ":" + line + ": " + problem);
    }
}
