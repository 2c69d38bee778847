package com.bedrockusage.local.generate;

/** What a run wrote: log files, offloaded-body objects, log lines and their sizes. */
final class WriteStats {
    long files;
    long payloadObjects;
    long lines;
    long bytesUncompressed;
    long bytesCompressed;

    synchronized void add(
            long files, long payloads, long lines, long uncompressed, long compressed) {
        this.files += files;
        this.payloadObjects += payloads;
        this.lines += lines;
        this.bytesUncompressed += uncompressed;
        this.bytesCompressed += compressed;
    }
}
