package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.DaemonThreads;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's HTTP server: pages, the JSON API and the event stream, over one {@link
 * Refresher}.
 */
public record DashboardServer(HttpServer http, ExecutorService threads, Refresher refresher)
        implements AutoCloseable {

    /** Request threads: each open event stream holds one while it lasts. */
    static final int THREADS = EventsHandler.MAX_STREAMS + 8;

    /**
     * Reads the tables once, then serves.
     *
     * @param refreshMillis how often to look for new snapshots
     */
    public static DashboardServer start(
            WarehouseLoader loader,
            Budgets budgets,
            String bind,
            int port,
            long refreshMillis,
            Clock clock)
            throws IOException {
        Refresher refresher = new Refresher(loader);
        refresher.start(refreshMillis);
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 64);
        ExecutorService threads =
                Executors.newFixedThreadPool(THREADS, DaemonThreads.named("dashboard-http"));
        http.setExecutor(threads);
        http.createContext("/api/events", new EventsHandler(refresher));
        http.createContext(
                "/api/",
                new ApiHandler(
                        new Answers(refresher, clock, budgets), new QDeveloperAnswers(refresher)));
        http.createContext("/", new StaticHandler());
        http.start();
        return new DashboardServer(http, threads, refresher);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        String host =
                http.getAddress().getAddress().isAnyLocalAddress()
                        ? "127.0.0.1"
                        : http.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
        refresher.close();
    }
}
