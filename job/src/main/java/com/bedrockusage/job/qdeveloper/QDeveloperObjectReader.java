package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.ingest.source.LogRecords;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.RejectedRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one Q Developer object: a prompt log ({@code {"records": [...]}}, gzip or plain) or a
 * user-activity report (CSV). Q Developer objects are small (an hour of one log type), so the
 * object is inflated whole, up to {@link #MAX_OBJECT_BYTES}, and its records handed out one by one.
 * Each record becomes a {@link QDeveloperRecord} or a reject whose excerpt holds no text ({@link
 * RedactedExcerpt}); an object that is damaged (gzip), too large or not a prompt log becomes one
 * reject. Reject coordinates are {@code path:N}, N the 1-based record (CSV: line) number.
 * Deterministic, as a restore needs.
 */
public final class QDeveloperObjectReader implements LogRecords {

    /**
     * Inflated bytes of one object: 64 MiB. Larger ones are rejected ({@code oversize-record})
     * unread.
     */
    public static final int MAX_OBJECT_BYTES = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream raw;
    private final String location;
    private final QDeveloperPath path;
    private Iterator<IngestRecord> records;

    public QDeveloperObjectReader(InputStream raw, String location, QDeveloperPath path) {
        this.raw = raw;
        this.location = location;
        this.path = path;
    }

    @Override
    public IngestRecord next() throws IOException {
        if (records == null) {
            records = readAll().iterator();
        }
        return records.hasNext() ? records.next() : null;
    }

    private List<IngestRecord> readAll() throws IOException {
        List<IngestRecord> out = new ArrayList<>();
        byte[] content;
        try {
            content = inflate();
        } catch (EOFException e) {
            out.add(reject(RejectReason.TRUNCATED_GZIP, 1, "gzip stream ends early"));
            return out;
        } catch (ZipException e) {
            out.add(reject(RejectReason.CORRUPT_GZIP, 1, "bad gzip data: " + e.getMessage()));
            return out;
        }
        if (content == null) {
            out.add(
                    reject(
                            RejectReason.OVERSIZE_RECORD,
                            1,
                            "object inflates to more than " + MAX_OBJECT_BYTES + " bytes"));
            return out;
        }
        if (path.isActivityReport()) {
            new ActivityReportCsv(path, location).read(content, out);
        } else {
            readPromptLog(content, out);
        }
        return out;
    }

    /** The object's bytes, gunzipped if gzip (by magic bytes); null when above the bound. */
    private byte[] inflate() throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in =
                b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            if (bytes.size() + n > MAX_OBJECT_BYTES) {
                return null;
            }
            bytes.write(chunk, 0, n);
        }
        return bytes.toByteArray();
    }

    private void readPromptLog(byte[] content, List<IngestRecord> out) {
        QDeveloperLogParser parser = new QDeveloperLogParser();
        int ordinal = 0;
        try (JsonParser p = JSON.getFactory().createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                out.add(
                        reject(
                                RejectReason.FOREIGN_JSON,
                                1,
                                "not a {\"records\": [...]} prompt log"));
                return;
            }
            boolean sawRecords = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"records".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                sawRecords = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    ordinal++;
                    JsonNode record = JSON.readTree(p);
                    QDeveloperEvent event = parser.parse(record, path, location);
                    out.add(
                            event != null
                                    ? IngestRecord.of(QDeveloperRecord.of(event))
                                    : reject(parser.reason(), ordinal, RedactedExcerpt.of(record)));
                }
            }
            if (!sawRecords) {
                out.add(reject(RejectReason.FOREIGN_JSON, 1, "no records array"));
            }
        } catch (JsonProcessingException e) {
            // the rest cannot be split into records: one reject covers it (its text is not quoted)
            out.add(
                    reject(
                            RejectReason.MALFORMED_JSON,
                            ordinal + 1,
                            "at "
                                    + e.getLocation()
                                    + ": "
                                    + e.getOriginalMessage()
                                            .replaceAll("\\s+", " ")
                                            .substring(
                                                    0,
                                                    Math.min(
                                                            200,
                                                            e.getOriginalMessage().length()))));
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    private IngestRecord reject(String reason, int ordinal, String excerpt) {
        return IngestRecord.rejected(
                new RejectedRecord(
                        reason, location + ":" + ordinal, System.currentTimeMillis(), excerpt));
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
