package com.bedrockusage.local.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The pages and their assets, from the jar: no CDN, so the dashboard works offline and inside a
 * VPC. Every page path serves the same shell; the script draws the page the path names.
 */
final class StaticHandler implements HttpHandler {

    static final Map<String, String> PAGES =
            Map.of(
                    "/",
                    "overview",
                    "/spend",
                    "spend",
                    "/top",
                    "top",
                    "/models",
                    "models",
                    "/alerts",
                    "alerts",
                    "/qdeveloper",
                    "qdeveloper");
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final Map<String, String> ASSETS =
            Map.of(
                    "/static/app.js", "dashboard/app.js",
                    "/static/app.css", "dashboard/app.css",
                    "/static/echarts.min.js", ECHARTS);

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!HttpExchanges.readOnly(ex)) {
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (PAGES.containsKey(path)) {
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            String html =
                    new String(
                                    resource("dashboard/index.html"),
                                    java.nio.charset.StandardCharsets.UTF_8)
                            .replace("{{page}}", PAGES.get(path));
            HttpExchanges.send(
                    ex,
                    200,
                    "text/html; charset=utf-8",
                    html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        String resource = ASSETS.get(path);
        if (resource == null) {
            HttpExchanges.error(ex, 404, "not found: " + path);
            return;
        }
        ex.getResponseHeaders().set("Cache-Control", "max-age=300");
        String type =
                path.endsWith(".css")
                        ? "text/css; charset=utf-8"
                        : "text/javascript; charset=utf-8";
        HttpExchanges.send(ex, 200, type, resource(resource));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticHandler.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(
                        "missing resource " + name + " (is the echarts WebJar on the classpath?)");
            }
            return in.readAllBytes();
        }
    }
}
