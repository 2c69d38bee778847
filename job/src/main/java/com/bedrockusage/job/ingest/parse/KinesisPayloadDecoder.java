package com.bedrockusage.job.ingest.parse;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.ingest.Rejects;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decodes the payload of one Kinesis record into {@link IngestRecord}s. The payload is either a
 * CloudWatch Logs subscription envelope (gzip JSON with {@code messageType}, {@code
 * logEvents[].message}) or a plain, optionally gzip, Bedrock record. {@code message} is a JSON
 * string holding the Bedrock record: it is unescaped once into a reusable buffer and parsed from
 * bytes. {@code CONTROL_MESSAGE} envelopes yield nothing.
 *
 * <p>Reject coordinates: {@code coordinates} for the payload ({@code shardId:sequenceNumber}), plus
 * {@code /i} (0-based index in {@code logEvents}) for a log event. Never throws. Not thread-safe.
 */
public final class KinesisPayloadDecoder {

    /**
     * Decompressed payloads above this are rejected (a Kinesis record is at most 10 MiB
     * compressed).
     */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private static final byte[] K_MESSAGE_TYPE = ascii("messageType");
    private static final byte[] K_LOG_EVENTS = ascii("logEvents");
    private static final byte[] K_MESSAGE = ascii("message");
    static final String DATA_MESSAGE = "DATA_MESSAGE";
    static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";

    private final BedrockRecordParser parser = new BedrockRecordParser(Invocation.SOURCE_KINESIS);
    private final JsonScanner envelope = new JsonScanner();
    private final ByteSink inflated = new ByteSink(64 * 1024);
    private final ByteSink message = new ByteSink(16 * 1024);
    private final byte[] chunk = new byte[16 * 1024];

    private final ArrayList<IngestRecord> pending = new ArrayList<>();
    private long controlMessages;

    /** Envelopes of type CONTROL_MESSAGE seen so far. */
    public long controlMessages() {
        return controlMessages;
    }

    public void decode(byte[] data, String coordinates, Consumer<IngestRecord> out) {
        // Results are gathered first so that an exception downstream of `out` is never mistaken for
        // ours.
        pending.clear();
        decodeInto(data, coordinates);
        for (int i = 0; i < pending.size(); i++) {
            out.accept(pending.get(i));
        }
        pending.clear();
    }

    private void decodeInto(byte[] data, String coordinates) {
        Consumer<IngestRecord> out = pending::add;
        try {
            byte[] json = data;
            int length = data.length;
            if (length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
                String failure = gunzip(data);
                if (failure != null) {
                    out.accept(
                            IngestRecord.rejected(
                                    Rejects.of(
                                            failure,
                                            coordinates,
                                            inflated.bytes(),
                                            0,
                                            inflated.length())));
                    return;
                }
                json = inflated.bytes();
                length = inflated.length();
            }
            decodeJson(json, length, coordinates, out);
        } catch (RuntimeException e) {
            // A bug must not loop the job through restarts: surface it as one reject instead.
            pending.clear();
            pending.add(
                    IngestRecord.rejected(
                            Rejects.of(
                                    RejectReason.PARSER_ERROR + e.getClass().getSimpleName(),
                                    coordinates,
                                    data,
                                    0,
                                    data.length)));
        }
    }

    private String gunzip(byte[] data) {
        inflated.clear();
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(data), chunk.length)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (inflated.length() + n > MAX_PAYLOAD_BYTES) {
                    return RejectReason.OVERSIZE_RECORD;
                }
                inflated.append(chunk, 0, n);
            }
            return null;
        } catch (EOFException e) {
            return RejectReason.TRUNCATED_GZIP;
        } catch (ZipException e) {
            return RejectReason.CORRUPT_GZIP;
        } catch (IOException e) {
            return RejectReason.CORRUPT_GZIP; // in-memory stream: only the data can be at fault
        }
    }

    private void decodeJson(
            byte[] json, int length, String coordinates, Consumer<IngestRecord> out) {
        JsonScanner s = envelope;
        s.reset(json, 0, length);
        String messageType = null;
        int deferredEvents = -1;
        int deferredEnd = -1;
        boolean sawEvents = false;
        try {
            if (!s.enterObject()) {
                parseRecord(json, 0, length, coordinates, out);
                return;
            }
            while (s.nextField()) {
                if (s.keyIs(K_MESSAGE_TYPE)) {
                    messageType = s.readStringRange() ? s.lastString() : "";
                } else if (s.keyIs(K_LOG_EVENTS)) {
                    sawEvents = true;
                    if (DATA_MESSAGE.equals(messageType)) {
                        readEvents(coordinates, out);
                    } else {
                        s.peek();
                        deferredEvents = s.pos;
                        s.skipValue();
                        deferredEnd = s.pos;
                    }
                } else {
                    s.skipValue();
                }
            }
            s.expectEnd();
        } catch (JsonScanner.JsonException e) {
            if (messageType == null && !sawEvents) {
                parseRecord(
                        json,
                        0,
                        length,
                        coordinates,
                        out); // not an envelope: let the parser say why
            } else {
                out.accept(
                        IngestRecord.rejected(
                                Rejects.of(
                                        RejectReason.MALFORMED_JSON,
                                        coordinates,
                                        json,
                                        0,
                                        length)));
            }
            return;
        }
        if (messageType == null && !sawEvents) {
            parseRecord(json, 0, length, coordinates, out); // a plain Bedrock record
            return;
        }
        if (CONTROL_MESSAGE.equals(messageType)) {
            controlMessages++;
            return;
        }
        if (!DATA_MESSAGE.equals(messageType) || !sawEvents) {
            out.accept(
                    IngestRecord.rejected(
                            Rejects.of(
                                    RejectReason.INVALID_ENVELOPE, coordinates, json, 0, length)));
            return;
        }
        if (deferredEvents >= 0) {
            // messageType came after logEvents: walk them now (already validated)
            s.reset(json, deferredEvents, deferredEnd);
            readEvents(coordinates, out);
        }
    }

    /** Reads a {@code logEvents} array at the cursor, emitting one record per event. */
    private void readEvents(String coordinates, Consumer<IngestRecord> out) {
        JsonScanner s = envelope;
        if (!s.enterArray()) {
            s.skipValue();
            out.accept(
                    IngestRecord.rejected(
                            Rejects.of(
                                    RejectReason.INVALID_ENVELOPE,
                                    coordinates,
                                    s.buf,
                                    0,
                                    Math.min(s.end, 256))));
            return;
        }
        int index = 0;
        while (s.nextElement()) {
            int eventStart = s.pos;
            boolean found = false;
            message.clear();
            if (s.enterObject()) {
                while (s.nextField()) {
                    if (s.keyIs(K_MESSAGE) && s.readStringRange()) {
                        message.clear();
                        s.lastStringBytes(message);
                        found = true;
                    } else {
                        s.skipValue();
                    }
                }
            } else {
                s.skipValue();
            }
            String eventCoordinates = coordinates + "/" + index;
            if (found) {
                parseRecord(message.bytes(), 0, message.length(), eventCoordinates, out);
            } else {
                out.accept(
                        IngestRecord.rejected(
                                Rejects.of(
                                        RejectReason.INVALID_ENVELOPE,
                                        eventCoordinates,
                                        s.buf,
                                        eventStart,
                                        s.pos)));
            }
            index++;
        }
    }

    private void parseRecord(
            byte[] buf, int from, int to, String coordinates, Consumer<IngestRecord> out) {
        Invocation invocation = parser.parse(buf, from, to);
        if (invocation != null) {
            out.accept(IngestRecord.of(invocation));
        } else {
            out.accept(
                    IngestRecord.rejected(Rejects.of(parser.reason(), coordinates, buf, from, to)));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
