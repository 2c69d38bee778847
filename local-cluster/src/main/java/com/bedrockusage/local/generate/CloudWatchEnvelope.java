package com.bedrockusage.local.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The CloudWatch Logs subscription envelope a Kinesis record carries: gzip-compressed JSON with
 * {@code messageType} DATA_MESSAGE, the owner account, log group and stream, the subscription
 * filter names and {@code logEvents[{id, timestamp, message}]}, where each message is a Bedrock log
 * record as a JSON string.
 */
public final class CloudWatchEnvelope {

    /** The log stream Bedrock writes invocation logs to. */
    public static final String BEDROCK_LOG_STREAM = "aws/bedrock/modelinvocations";

    /** One log event; {@code message} is the raw JSON text of the record. */
    public record LogEvent(String id, long timestamp, String message) {}

    private CloudWatchEnvelope() {}

    /** The uncompressed envelope JSON. */
    public static byte[] json(
            String owner,
            String logGroup,
            String logStream,
            List<String> subscriptionFilters,
            List<LogEvent> events) {
        int size = 256;
        for (LogEvent e : events) {
            size += e.message().length() + 96;
        }
        JsonBytes out = new JsonBytes(size + size / 8);
        out.raw("{\"messageType\":\"DATA_MESSAGE\",\"owner\":")
                .str(owner)
                .raw(",\"logGroup\":")
                .str(logGroup)
                .raw(",\"logStream\":")
                .str(logStream)
                .raw(",\"subscriptionFilters\":[");
        for (int i = 0; i < subscriptionFilters.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.str(subscriptionFilters.get(i));
        }
        out.raw("],\"logEvents\":[");
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            if (i > 0) {
                out.raw(',');
            }
            out.raw("{\"id\":")
                    .str(e.id())
                    .raw(",\"timestamp\":")
                    .num(e.timestamp())
                    .raw(",\"message\":");
            byte[] utf8 = e.message().getBytes(StandardCharsets.UTF_8);
            out.strOfUtf8(utf8, 0, utf8.length);
            out.raw('}');
        }
        out.raw("]}");
        return out.toByteArray();
    }

    /**
     * The health-check envelope CloudWatch Logs sends when a subscription is created ({@code
     * messageType} CONTROL_MESSAGE, owner {@code CloudwatchLogs}): consumers must skip it.
     */
    public static byte[] controlMessage(long timestamp) {
        JsonBytes out = new JsonBytes(256);
        out.raw(
                        "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                                + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":")
                .num(timestamp)
                .raw(
                        ",\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"}]}");
        return gzip(out.toByteArray());
    }

    /** The envelope as Kinesis record data: gzip of {@link #json}. */
    public static byte[] encode(
            String owner,
            String logGroup,
            String logStream,
            List<String> subscriptionFilters,
            List<LogEvent> events) {
        return gzip(json(owner, logGroup, logStream, subscriptionFilters, events));
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
            gz.write(json);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
        return bytes.toByteArray();
    }
}
