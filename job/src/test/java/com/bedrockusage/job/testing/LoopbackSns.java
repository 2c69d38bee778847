package com.bedrockusage.job.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A loopback HTTP server that speaks enough of the SNS query protocol for {@code Publish}:
 * form-encoded requests in, SNS's XML out. Replies are chosen per request number (1-based), e.g.
 * the first one throttled.
 */
public final class LoopbackSns implements AutoCloseable {

    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:111122223333:bedrock-alerts";

    /** What the server answers to one request. */
    public enum Reply {
        OK,
        THROTTLE,
        SERVER_ERROR,
        NOT_FOUND
    }

    /** One received request. */
    public static final class Request {
        public final int number;
        public final long receivedNanos;
        public final long receivedMillis;
        public final Map<String, String> form;
        public final Map<String, String> attributes;
        public final Map<String, String> attributeTypes;
        public final Reply reply;
        public final String messageId;

        Request(int number, Map<String, String> form, Reply reply, String messageId) {
            this.number = number;
            this.receivedNanos = System.nanoTime();
            this.receivedMillis = System.currentTimeMillis();
            this.form = form;
            this.reply = reply;
            this.messageId = messageId;
            Map<String, String> attrs = new TreeMap<>();
            Map<String, String> types = new TreeMap<>();
            for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                String p = "MessageAttributes.entry." + i;
                attrs.put(form.get(p + ".Name"), form.get(p + ".Value.StringValue"));
                types.put(form.get(p + ".Name"), form.get(p + ".Value.DataType"));
            }
            this.attributes = Collections.unmodifiableMap(attrs);
            this.attributeTypes = Collections.unmodifiableMap(types);
        }

        public String action() {
            return form.get("Action");
        }

        public String subject() {
            return form.get("Subject");
        }

        public String message() {
            return form.get("Message");
        }

        public String topicArn() {
            return form.get("TopicArn");
        }

        public String alertId() {
            return attributes.get("alert_id");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final IntFunction<Reply> replies;
    private final long delayMillis;
    private volatile Consumer<Request> listener = r -> {};

    private LoopbackSns(IntFunction<Reply> replies, long delayMillis) throws IOException {
        this.replies = replies;
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Replies chosen by request number (1-based). */
    public static LoopbackSns start(IntFunction<Reply> replies) throws IOException {
        return new LoopbackSns(replies, 0);
    }

    public static LoopbackSns alwaysOk() throws IOException {
        return new LoopbackSns(n -> Reply.OK, 0);
    }

    /**
     * A browned-out SNS: takes every request at once, answers each with OK only after {@code
     * delayMillis}.
     */
    public static LoopbackSns slow(long delayMillis) throws IOException {
        return new LoopbackSns(n -> Reply.OK, delayMillis);
    }

    /** Publishes answered so far. */
    public long answered() {
        return answered.get();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void onRequest(Consumer<Request> l) {
        this.listener = l;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Map<String, String> form =
                    parseForm(
                            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int n = counter.incrementAndGet();
            Reply reply = replies.apply(n);
            String messageId = reply == Reply.OK ? UUID.randomUUID().toString() : null;
            Request r = new Request(n, form, reply, messageId);
            requests.add(r);
            listener.accept(r);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String requestId = UUID.randomUUID().toString();
            switch (reply) {
                case OK:
                    send(
                            ex,
                            200,
                            "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                                    + "<PublishResult><MessageId>"
                                    + messageId
                                    + "</MessageId></PublishResult>"
                                    + "<ResponseMetadata><RequestId>"
                                    + requestId
                                    + "</RequestId></ResponseMetadata>"
                                    + "</PublishResponse>");
                    break;
                case THROTTLE:
                    send(ex, 400, error("Sender", "Throttling", "Rate exceeded", requestId));
                    break;
                case SERVER_ERROR:
                    send(
                            ex,
                            500,
                            error("Receiver", "InternalError", "Internal failure", requestId));
                    break;
                default:
                    send(ex, 404, error("Sender", "NotFound", "Topic does not exist", requestId));
                    break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
            answered.incrementAndGet();
        }
    }

    private static String error(String type, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
                + type
                + "</Type>"
                + "<Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error>"
                + "<RequestId>"
                + requestId
                + "</RequestId></ErrorResponse>";
    }

    private static void send(HttpExchange ex, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(
                    URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
