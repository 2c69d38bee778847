package com.bedrockusage.local.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * {@code /api/events}: server-sent events. Each open page gets {@code event: version} with the data
 * version now and after every refresh that saw a new snapshot, and reloads its panels then. A
 * comment every 15 s keeps proxies from closing the stream and finds pages that went away.
 */
final class EventsHandler implements HttpHandler {

    static final int MAX_STREAMS = 32;
    static final long KEEPALIVE_MILLIS = 15_000;

    private final Refresher refresher;
    private final AtomicInteger open = new AtomicInteger();

    EventsHandler(Refresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!HttpExchanges.readOnly(ex)) {
            return;
        }
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            HttpExchanges.error(ex, 503, "too many open event streams");
            return;
        }
        LinkedBlockingQueue<Long> versions = new LinkedBlockingQueue<>();
        LongConsumer listener = versions::offer;
        refresher.onChange(listener);
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "retry: 3000\n\n" + event(refresher.data().version()));
            while (!Thread.currentThread().isInterrupted()) {
                Long v = versions.poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
                if (v == null) {
                    write(out, ": keep-alive\n\n");
                } else {
                    versions.clear();
                    write(out, event(refresher.data().version()));
                }
            }
        } catch (IOException e) {
            // the page went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refresher.removeListener(listener);
            open.decrementAndGet();
            ex.close();
        }
    }

    private static String event(long version) {
        return "event: version\ndata: " + version + "\n\n";
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
