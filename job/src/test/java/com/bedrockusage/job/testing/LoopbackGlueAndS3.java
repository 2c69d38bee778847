package com.bedrockusage.job.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server with just enough of Glue ({@code GetDatabases}: no databases) and S3
 * (path-style {@code PUT} and {@code HEAD} of objects) to prove an AWS client can build, sign and
 * send its requests.
 */
public final class LoopbackGlueAndS3 implements AutoCloseable {

    /**
     * One received request: method, path, the Glue operation (X-Amz-Target) and the Authorization
     * header.
     */
    public static final class Request {
        public final String method;
        public final String path;
        public final String target;
        public final String authorization;

        Request(String method, String path, String target, String authorization) {
            this.method = method;
            this.path = path;
            this.target = target;
            this.authorization = authorization;
        }

        @Override
        public String toString() {
            return method + " " + path + (target == null ? "" : " " + target);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> objectSizes = new ConcurrentHashMap<>();

    public LoopbackGlueAndS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(
                    new Request(
                            method,
                            path,
                            target,
                            ex.getRequestHeaders().getFirst("Authorization")));
            if ("AWSGlue.GetDatabases".equals(target)) {
                send(ex, 200, "application/x-amz-json-1.1", "{\"DatabaseList\":[]}");
            } else if (method.equals("PUT")) {
                // a streamed upload arrives aws-chunked: the header carries the object's own length
                String decoded = ex.getRequestHeaders().getFirst("x-amz-decoded-content-length");
                objectSizes.put(path, decoded != null ? Long.parseLong(decoded) : body.length);
                ex.getResponseHeaders().set("ETag", "\"0\"");
                send(ex, 200, "application/xml", "");
            } else if (method.equals("HEAD") && objectSizes.containsKey(path)) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(objectSizes.get(path)));
                ex.getResponseHeaders().set("Last-Modified", "Tue, 01 Dec 2026 00:00:00 GMT");
                ex.sendResponseHeaders(200, -1);
            } else if (method.equals("HEAD")) {
                ex.sendResponseHeaders(404, -1);
            } else {
                send(ex, 400, "application/xml", "<Error><Code>NotImplemented</Code></Error>");
            }
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, String text)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
