package com.bedrockusage.local.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts Bedrock log records into a Kinesis stream the way a CloudWatch Logs subscription filter
 * does: records are grouped per (owner account, region) into gzip {@link CloudWatchEnvelope}s of
 * several log events, and the envelopes are sent with {@code PutRecords} in batches, retrying
 * throttled entries with backoff.
 *
 * <p>Talks the Kinesis JSON protocol over {@link HttpClient} with SigV4 (credentials from the AWS_*
 * environment variables, dummies otherwise). Not thread-safe. Records handed to {@link #write} are
 * sent by the time {@link #flush()} or {@link #close()} returns.
 */
public final class KinesisEnvelopeWriter implements AutoCloseable {

    /** PutRecords limits are 500 entries and 5 MiB per call; stay under them. */
    static final int MAX_BATCH_RECORDS = 500;

    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    static final int MAX_ATTEMPTS = 12;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final String stream;
    private final String logGroup;
    private final List<String> subscriptionFilters;
    private final int maxEventsPerEnvelope;
    private final int maxEnvelopeBytes;
    private final SigV4 signer;
    private final HttpClient http;
    private final List<byte[]> pending = new ArrayList<>();
    private long pendingBytes;
    private long eventSequence;
    private long envelopesSent;
    private long eventsSent;
    private long retries;

    private KinesisEnvelopeWriter(Builder b) {
        this.endpoint = b.endpoint;
        this.stream = b.stream;
        this.logGroup = b.logGroup;
        this.subscriptionFilters = List.copyOf(b.subscriptionFilters);
        this.maxEventsPerEnvelope = b.maxEventsPerEnvelope;
        this.maxEnvelopeBytes = b.maxEnvelopeBytes;
        this.signer =
                b.accessKey != null
                        ? new SigV4(b.accessKey, b.secretKey, null, b.region, "kinesis")
                        : SigV4.fromEnvironment(b.region, "kinesis");
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /**
     * @param stream a stream ARN (sent as StreamARN) or a stream name (sent as StreamName)
     */
    public static Builder builder(URI endpoint, String stream) {
        return new Builder(endpoint, stream);
    }

    /**
     * Envelopes records as their own accounts' log events (owner and region read from each record)
     * and queues them.
     */
    public void write(List<String> records) throws IOException {
        Map<String, List<CloudWatchEnvelope.LogEvent>> byOwner = new LinkedHashMap<>();
        for (String record : records) {
            RecordHead head = RecordHead.of(record);
            byOwner.computeIfAbsent(head.accountId + "\u0000" + head.region, k -> new ArrayList<>())
                    .add(
                            new CloudWatchEnvelope.LogEvent(
                                    nextEventId(head.timestamp), head.timestamp, record));
        }
        for (Map.Entry<String, List<CloudWatchEnvelope.LogEvent>> e : byOwner.entrySet()) {
            String owner = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            envelope(owner, e.getValue());
        }
    }

    private void envelope(String owner, List<CloudWatchEnvelope.LogEvent> events)
            throws IOException {
        List<CloudWatchEnvelope.LogEvent> batch = new ArrayList<>();
        long bytes = 0;
        for (CloudWatchEnvelope.LogEvent event : events) {
            int size = event.message().length() + 96;
            if (!batch.isEmpty()
                    && (batch.size() >= maxEventsPerEnvelope || bytes + size > maxEnvelopeBytes)) {
                queue(owner, batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(event);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            queue(owner, batch);
        }
    }

    /** Queues the CONTROL_MESSAGE envelope CloudWatch Logs sends first on a new subscription. */
    public void writeControlMessage(long timestamp) throws IOException {
        queue(CloudWatchEnvelope.controlMessage(timestamp), 0);
    }

    private void queue(String owner, List<CloudWatchEnvelope.LogEvent> events) throws IOException {
        queue(
                CloudWatchEnvelope.encode(
                        owner,
                        logGroup,
                        CloudWatchEnvelope.BEDROCK_LOG_STREAM,
                        subscriptionFilters,
                        events),
                events.size());
    }

    private void queue(byte[] data, int events) throws IOException {
        if (pending.size() >= MAX_BATCH_RECORDS || pendingBytes + data.length > MAX_BATCH_BYTES) {
            flush();
        }
        pending.add(data);
        pendingBytes += data.length;
        eventsSent += events;
    }

    /** Sends every queued envelope. */
    public void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<byte[]> batch = new ArrayList<>(pending);
        pending.clear();
        pendingBytes = 0;
        putRecords(batch);
        envelopesSent += batch.size();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Envelopes sent, a control message included. */
    public long envelopesSent() {
        return envelopesSent;
    }

    public long eventsQueued() {
        return eventsSent;
    }

    /** PutRecords calls or entries that were throttled and sent again. */
    public long retries() {
        return retries;
    }

    private void putRecords(List<byte[]> batch) throws IOException {
        List<byte[]> toSend = batch;
        for (int attempt = 1; ; attempt++) {
            PutResult result = send(toSend);
            if (result.failedIndexes.isEmpty()) {
                return;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IOException(
                        "PutRecords: "
                                + result.failedIndexes.size()
                                + " of "
                                + toSend.size()
                                + " records still failing after "
                                + attempt
                                + " attempts, last error "
                                + result.lastError);
            }
            List<byte[]> again = new ArrayList<>();
            for (int i : result.failedIndexes) {
                again.add(toSend.get(i));
            }
            retries += again.size();
            toSend = again;
            sleep(Math.min(5_000L, 50L << Math.min(attempt, 7)));
        }
    }

    private record PutResult(List<Integer> failedIndexes, String lastError) {}

    private PutResult send(List<byte[]> records) throws IOException {
        byte[] body = requestBody(records);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("x-amz-target", "Kinesis_20131202.PutRecords");
        String host =
                endpoint.getPort() < 0
                        ? endpoint.getHost()
                        : endpoint.getHost() + ":" + endpoint.getPort();
        String path =
                endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
                        ? "/"
                        : endpoint.getRawPath();
        HttpRequest.Builder req =
                HttpRequest.newBuilder(endpoint.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign(host, path, headers, body, Instant.now()).forEach(req::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling PutRecords", e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            all.add(i);
        }
        if (response.statusCode() != 200) {
            String type = errorType(text);
            if (response.statusCode() >= 500
                    || type.contains("ProvisionedThroughputExceeded")
                    || type.contains("LimitExceeded")
                    || type.contains("Throttling")) {
                return new PutResult(all, type.isEmpty() ? "HTTP " + response.statusCode() : type);
            }
            throw new IOException(
                    "PutRecords to "
                            + endpoint
                            + " failed: HTTP "
                            + response.statusCode()
                            + " "
                            + text);
        }
        JsonNode reply = MAPPER.readTree(text);
        if (reply.path("FailedRecordCount").asInt(0) == 0) {
            return new PutResult(List.of(), null);
        }
        List<Integer> failed = new ArrayList<>();
        String lastError = null;
        JsonNode entries = reply.path("Records");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (entry.hasNonNull("ErrorCode")) {
                String code = entry.get("ErrorCode").asText();
                if (!code.contains("ProvisionedThroughputExceeded")
                        && !code.contains("InternalFailure")) {
                    throw new IOException(
                            "PutRecords entry "
                                    + i
                                    + " failed: "
                                    + code
                                    + " "
                                    + entry.path("ErrorMessage").asText());
                }
                failed.add(i);
                lastError = code;
            }
        }
        return new PutResult(failed, lastError);
    }

    private byte[] requestBody(List<byte[]> records) {
        long size = 128;
        for (byte[] r : records) {
            size += r.length * 4L / 3 + 64;
        }
        JsonBytes out = new JsonBytes((int) Math.min(Integer.MAX_VALUE - 64, size));
        out.raw('{')
                .key(stream.startsWith("arn:") ? "StreamARN" : "StreamName")
                .str(stream)
                .raw(",\"Records\":[");
        Base64.Encoder b64 = Base64.getEncoder();
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            byte[] data = b64.encode(records.get(i));
            out.raw("{\"Data\":\"")
                    .bytes(data, 0, data.length)
                    .raw("\",\"PartitionKey\":\"")
                    .hex(mix(envelopesSent + i + 1), 16)
                    .raw("\"}");
        }
        out.raw("]}");
        return out.toByteArray();
    }

    private static String errorType(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            String type = n.path("__type").asText("");
            return type.isEmpty() ? n.path("message").asText("") : type;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A 56-digit event id like CloudWatch Logs', unique per writer. */
    private String nextEventId(long timestamp) {
        long seq = ++eventSequence;
        return String.format(
                "%020d%018d%018d",
                timestamp, seq, Math.floorMod(mix(seq), 1_000_000_000_000_000_000L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during PutRecords backoff", e);
        }
    }

    /** The fields an envelope needs from a record, read without parsing its bodies. */
    private record RecordHead(String accountId, String region, long timestamp) {

        static RecordHead of(String record) throws IOException {
            String account = null;
            String region = null;
            long timestamp = -1;
            try (JsonParser p = JSON.createParser(record)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object: " + abbreviate(record));
                }
                while (p.nextToken() == JsonToken.FIELD_NAME
                        && (account == null || region == null || timestamp < 0)) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING && name.equals("accountId")) {
                        account = p.getText();
                    } else if (t == JsonToken.VALUE_STRING && name.equals("region")) {
                        region = p.getText();
                    } else if (t == JsonToken.VALUE_STRING && name.equals("timestamp")) {
                        try {
                            timestamp = Instant.parse(p.getText()).toEpochMilli();
                        } catch (RuntimeException e) {
                            timestamp = System.currentTimeMillis();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (account == null) {
                throw new IOException("record has no accountId: " + abbreviate(record));
            }
            return new RecordHead(
                    account,
                    region == null ? "" : region,
                    timestamp < 0 ? System.currentTimeMillis() : timestamp);
        }

        private static String abbreviate(String s) {
            return s.length() <= 120 ? s : s.substring(0, 120) + "...";
        }
    }

    /** Settings for {@link KinesisEnvelopeWriter}. */
    public static final class Builder {
        private final URI endpoint;
        private final String stream;
        private String region = "us-east-1";
        private String logGroup = "/aws/bedrock/invocation-logs";
        private List<String> subscriptionFilters = List.of("bedrock-usage-to-kinesis");
        private int maxEventsPerEnvelope = 50;
        private int maxEnvelopeBytes = 512 * 1024;
        private String accessKey;
        private String secretKey;

        private Builder(URI endpoint, String stream) {
            this.endpoint = endpoint;
            this.stream = stream;
        }

        /** Signing region (default us-east-1). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder logGroup(String logGroup) {
            this.logGroup = logGroup;
            return this;
        }

        public Builder subscriptionFilters(List<String> names) {
            this.subscriptionFilters = names;
            return this;
        }

        /** Log events per envelope (default 50). */
        public Builder maxEventsPerEnvelope(int n) {
            this.maxEventsPerEnvelope = n;
            return this;
        }

        /**
         * Uncompressed bytes of messages per envelope (default 512 KiB); a single larger event
         * still goes alone.
         */
        public Builder maxEnvelopeBytes(int n) {
            this.maxEnvelopeBytes = n;
            return this;
        }

        /** Fixed credentials instead of the AWS_* environment variables. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        public KinesisEnvelopeWriter build() {
            return new KinesisEnvelopeWriter(this);
        }
    }
}
