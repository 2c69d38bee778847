package com.bedrockusage.local.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/NAME}: one JSON answer per panel (CSV for {@code /api/top?format=csv}). */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Map<String, Function<Map<String, String>, Map<String, Object>>> endpoints;

    ApiHandler(Answers answers, QDeveloperAnswers qdeveloper) {
        this.endpoints =
                Map.of(
                        "summary", answers::summary,
                        "overview", answers::overview,
                        "timeseries", answers::timeseries,
                        "top", answers::top,
                        "models", answers::models,
                        "alerts", answers::alerts,
                        "rejected", answers::rejected,
                        "qdeveloper", qdeveloper::answer,
                        "meta", q -> answers.meta());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (!HttpExchanges.readOnly(ex)) {
                return;
            }
            String name = ex.getRequestURI().getPath().substring("/api/".length());
            Function<Map<String, String>, Map<String, Object>> endpoint = endpoints.get(name);
            if (endpoint == null) {
                HttpExchanges.error(
                        ex, 404, "no endpoint /api/" + name + "; see docs/dashboard.md");
                return;
            }
            Map<String, String> query = HttpExchanges.query(ex);
            Map<String, Object> answer = endpoint.apply(query);
            if (name.equals("top") && "csv".equals(query.get("format"))) {
                ex.getResponseHeaders()
                        .set(
                                "Content-Disposition",
                                "attachment; filename=\"top-"
                                        + answer.get("dim").toString().replace(':', '-')
                                        + ".csv\"");
                HttpExchanges.send(
                        ex,
                        200,
                        "text/csv; charset=utf-8",
                        TopCsv.render(answer).getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpExchanges.json(ex, 200, answer);
        } catch (BadRequest e) {
            HttpExchanges.error(ex, 400, e.getMessage());
        } catch (Sources.NotReady e) {
            ex.getResponseHeaders().set("Retry-After", "5");
            HttpExchanges.error(ex, 503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("API request {} failed", ex.getRequestURI(), e);
            HttpExchanges.error(ex, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }
}
