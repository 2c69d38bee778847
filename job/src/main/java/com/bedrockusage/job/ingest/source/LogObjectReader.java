package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.ingest.Rejects;
import com.bedrockusage.job.ingest.parse.BedrockRecordParser;
import com.bedrockusage.job.ingest.parse.JsonScanner;
import com.bedrockusage.job.ingest.parse.LineSplitter;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one delivered log object, record by record: gzip (detected by its magic bytes, not the file
 * name) or plain, NDJSON or (when the content starts with '[') a JSON array of records. Every
 * non-blank line (array element) yields exactly one {@link IngestRecord}; nothing is dropped
 * silently and nothing bad in the data throws. Gzip objects up to {@link IsalGunzip#MAX_OUTPUT} are
 * inflated whole with ISA-L where it loads, others are streamed through the JDK; the output is the
 * same either way. A gzip stream that is truncated or corrupt yields the complete records before
 * the damage plus exactly one rejected record ({@code truncated-gzip} / {@code corrupt-gzip})
 * carrying the cut-off tail. I/O errors of the underlying stream still throw ({@link
 * RetryingLogObjectReader} retries the object). Damaged deflate data can inflate to garbage before
 * gzip notices (the CRC is only checked at the end): such lines are rejected one by one as what
 * they look like (usually {@code malformed-json}) before the {@code corrupt-gzip} reject.
 *
 * <p>Reject coordinates are {@code location:N}: N is the 1-based line (NDJSON) or element (array)
 * number. The output is deterministic, which is what makes "skip the N records already emitted" a
 * valid restore.
 */
public final class LogObjectReader implements LogRecords {

    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int READ_CHUNK = 64 * 1024;

    private static final int MODE_UNKNOWN = 0;
    private static final int MODE_NDJSON = 1;
    private static final int MODE_ARRAY = 2;
    private static final int MODE_DONE = 3;

    private final InputStream raw;
    private final String location;
    private final boolean isal;

    /**
     * The object's size when known (else 0): the ISA-L path reads it into one array of that size.
     */
    private final long size;

    private final BedrockRecordParser parser;
    private final JsonScanner elements = new JsonScanner();

    private InputStream in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int start;
    private int limit;

    /** NDJSON: bytes before this index (from start) hold no newline. */
    private int scanFrom;

    private boolean eof;
    private String streamError;
    private boolean streamErrorReported;
    private int mode = MODE_UNKNOWN;
    private long ordinal;
    private boolean arrayOpened;
    private boolean firstElement = true;

    public LogObjectReader(InputStream raw, String location) {
        this(raw, location, true, 0);
    }

    /**
     * @param isal inflate gzip objects with ISA-L when it loads (else always with the JDK)
     * @param size the object's size in bytes if known, else 0
     */
    public LogObjectReader(InputStream raw, String location, boolean isal, long size) {
        this.raw = raw;
        this.location = location;
        this.isal = isal;
        this.size = size;
        this.parser = new BedrockRecordParser(Invocation.SOURCE_S3);
    }

    /** The next record, or null at the end of the object. */
    @Override
    public IngestRecord next() throws IOException {
        if (in == null) {
            open();
        }
        if (mode == MODE_UNKNOWN) {
            detectMode();
        }
        switch (mode) {
            case MODE_NDJSON:
                return nextLine();
            case MODE_ARRAY:
                return nextElement();
            default:
                return pendingStreamError(start, start);
        }
    }

    private void open() throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, READ_CHUNK);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            in = buffered;
            return;
        }
        // an object larger than the cap compressed is larger inflated: it streams without being
        // read whole first
        boolean whole = isal && size <= IsalGunzip.MAX_OUTPUT && IsalGunzip.available();
        InputStream compressed = whole ? inflateWhole(buffered) : buffered;
        if (compressed == null) {
            in = buffered; // at its end: buf holds the whole content
            return;
        }
        try {
            in = new GZIPInputStream(compressed, READ_CHUNK);
        } catch (EOFException e) {
            in = compressed;
            failStream(RejectReason.TRUNCATED_GZIP);
        } catch (ZipException e) {
            in = compressed;
            failStream(RejectReason.CORRUPT_GZIP);
        }
    }

    /**
     * Reads the whole gzip object and inflates it with ISA-L into {@code buf}. Returns null when
     * that worked, else the stream of the same compressed bytes for the JDK path.
     */
    private InputStream inflateWhole(InputStream compressed) throws IOException {
        // one byte more than the size, so the read that finds the end needs no larger array
        byte[] gz = new byte[size > 0 ? (int) size + 1 : INITIAL_BUFFER];
        int n = 0;
        for (; ; ) {
            if (n == gz.length) {
                if (n > IsalGunzip.MAX_OUTPUT) { // the size was unknown or wrong
                    return new SequenceInputStream(new ByteArrayInputStream(gz, 0, n), compressed);
                }
                gz = Arrays.copyOf(gz, n * 2);
            }
            int read = compressed.read(gz, n, gz.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        byte[] content = IsalGunzip.inflate(gz, n);
        if (content == null) {
            return new ByteArrayInputStream(gz, 0, n);
        }
        buf = content;
        start = 0;
        limit = content.length;
        eof = true;
        return null;
    }

    private void detectMode() throws IOException {
        for (; ; ) {
            for (int p = start; p < limit; p++) {
                byte c = buf[p];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    mode = c == '[' ? MODE_ARRAY : MODE_NDJSON;
                    return;
                }
            }
            if (eof) {
                mode = MODE_NDJSON; // blank or empty: the NDJSON path reports a pending stream
                // error
                return;
            }
            fill();
        }
    }

    // ---------------------------------------------------------------- NDJSON

    private IngestRecord nextLine() throws IOException {
        for (; ; ) {
            int nl = LineSplitter.indexOfNewline(buf, Math.max(scanFrom, start), limit);
            if (nl >= 0) {
                int lineStart = start;
                start = nl + 1;
                ordinal++;
                if (JsonScanner.isBlank(buf, lineStart, nl)) {
                    continue;
                }
                return record(lineStart, nl);
            }
            scanFrom = limit;
            if (eof) {
                if (start < limit) {
                    int lineStart = start;
                    start = limit;
                    ordinal++;
                    if (streamError != null) {
                        // the last line was cut by the damage: it is the one reject for the stream
                        streamErrorReported = true;
                        return reject(streamError, lineStart, limit);
                    }
                    if (!JsonScanner.isBlank(buf, lineStart, limit)) {
                        return record(lineStart, limit);
                    }
                }
                mode = MODE_DONE;
                return pendingStreamError(start, start);
            }
            if (limit - start >= BedrockRecordParser.MAX_RECORD_BYTES) {
                return discardOversizeLine();
            }
            fill();
        }
    }

    /** Drops an over-long line up to its newline, keeping only the excerpt. */
    private IngestRecord discardOversizeLine() throws IOException {
        ordinal++;
        IngestRecord rejected = reject(RejectReason.OVERSIZE_RECORD, start, limit);
        for (; ; ) {
            int nl = LineSplitter.indexOfNewline(buf, start, limit);
            if (nl >= 0) {
                start = nl + 1;
                scanFrom = start;
                return rejected;
            }
            start = 0;
            limit = 0;
            scanFrom = 0;
            if (eof) {
                return rejected;
            }
            fill();
        }
    }

    // ---------------------------------------------------------------- JSON array

    private IngestRecord nextElement() throws IOException {
        for (; ; ) {
            JsonScanner s = elements;
            s.reset(buf, start, limit);
            try {
                if (!arrayOpened) {
                    s.peek();
                    s.pos++; // '[' seen by detectMode
                    arrayOpened = true;
                    start = s.pos;
                }
                int c = s.peek();
                if (c == ']') {
                    start = s.pos + 1;
                    mode = MODE_DONE;
                    return pendingStreamError(start, start);
                }
                if (!firstElement) {
                    if (c != ',') {
                        throw JsonScanner.MALFORMED;
                    }
                    s.pos++;
                    s.peek();
                }
                int elementStart = s.pos;
                s.skipValue();
                start = s.pos;
                firstElement = false;
                ordinal++;
                return record(elementStart, s.pos);
            } catch (JsonScanner.JsonException e) {
                if (e == JsonScanner.END_OF_INPUT && !eof) {
                    if (limit - start > BedrockRecordParser.MAX_RECORD_BYTES) {
                        mode = MODE_DONE;
                        ordinal++;
                        return reject(RejectReason.OVERSIZE_RECORD, start, limit);
                    }
                    fill();
                    continue;
                }
                // the rest cannot be split into records: one reject covers it
                mode = MODE_DONE;
                ordinal++;
                String reason = streamError != null ? streamError : RejectReason.MALFORMED_JSON;
                streamErrorReported = true;
                int from = start;
                start = limit;
                return reject(reason, from, limit);
            }
        }
    }

    // ---------------------------------------------------------------- shared

    private IngestRecord pendingStreamError(int from, int to) {
        if (streamError != null && !streamErrorReported) {
            streamErrorReported = true;
            ordinal++;
            return reject(streamError, from, to);
        }
        return null;
    }

    private IngestRecord record(int from, int to) {
        Invocation invocation = parser.parse(buf, from, to);
        if (invocation != null) {
            return IngestRecord.of(invocation);
        }
        return reject(parser.reason(), from, to);
    }

    private IngestRecord reject(String reason, int from, int to) {
        return IngestRecord.rejected(Rejects.of(reason, location + ":" + ordinal, buf, from, to));
    }

    /** Reads more bytes after {@code limit}, compacting or growing the buffer first. */
    private void fill() throws IOException {
        if (start > 0) {
            int live = limit - start;
            System.arraycopy(buf, start, buf, 0, live);
            scanFrom = Math.max(0, scanFrom - start);
            limit = live;
            start = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        try {
            n =
                    in.read(
                            buf,
                            limit,
                            Math.min(buf.length - limit, Math.max(READ_CHUNK, buf.length / 4)));
        } catch (EOFException e) {
            failStream(RejectReason.TRUNCATED_GZIP);
            return;
        } catch (ZipException e) {
            failStream(RejectReason.CORRUPT_GZIP);
            return;
        }
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void failStream(String reason) {
        streamError = reason;
        eof = true;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
