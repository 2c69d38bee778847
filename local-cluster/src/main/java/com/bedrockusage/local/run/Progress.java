package com.bedrockusage.local.run;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.job.pricing.DedupAndPrice;
import com.bedrockusage.local.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a progress line from the job's REST API: records read, their rate, rejected records and
 * how far event time has got ("data up to", the lowest watermark of the calls entering the
 * dedup-and-price operator).
 */
final class Progress {

    private final String webUi;
    private final String jobId;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("run-local-progress"));
    private long lastRecords;
    private long lastNanos = System.nanoTime();

    Progress(String webUi, String jobId) {
        this.webUi = webUi;
        this.jobId = jobId;
    }

    void start(Duration every) {
        timer.scheduleAtFixedRate(
                this::printOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void printOnce() {
        try {
            JsonNode job = get("/jobs/" + jobId);
            long records = 0;
            long rejected = 0;
            String watermark = "-";
            for (JsonNode v : job.path("vertices")) {
                String name = v.path("name").asText();
                if (name.startsWith("Source:")) {
                    records += v.path("metrics").path("write-records").asLong();
                }
                if (name.contains("split rejected")) {
                    rejected = rejectedCount(v.path("id").asText());
                }
                if (name.startsWith(DedupAndPrice.NAME)) {
                    watermark = lowestWatermark(v.path("id").asText());
                }
            }
            long now = System.nanoTime();
            double rate = (records - lastRecords) / ((now - lastNanos) / 1e9);
            lastRecords = records;
            lastNanos = now;
            System.out.printf(
                    "run-local: %s  records %,d (%,.0f/s)  rejected %,d  data up to %s%n",
                    job.path("state").asText(), records, rate, rejected, watermark);
        } catch (Exception e) {
            // the UI may not be up yet or the job may just have finished; the next tick will tell
        }
    }

    /**
     * The operator's counter is listed with its operator-name prefix, e.g. {@code
     * split_rejected.kinesisanalytics.rejectedRecords}.
     */
    private long rejectedCount(String vertexId) throws Exception {
        String base = "/jobs/" + jobId + "/vertices/" + vertexId + "/subtasks/metrics";
        for (JsonNode m : get(base)) {
            String id = m.path("id").asText();
            if (id.endsWith(MetricNames.GROUP + "." + MetricNames.REJECTED_RECORDS)) {
                for (JsonNode v : get(base + "?get=" + id + "&agg=sum")) {
                    return (long) v.path("sum").asDouble();
                }
            }
        }
        return 0;
    }

    /**
     * The operator's first input (the calls), not the task's input watermark: that is the minimum
     * over both inputs, and the idle price-update input never reports one.
     */
    private String lowestWatermark(String vertexId) throws Exception {
        long min = Long.MAX_VALUE;
        for (JsonNode w :
                get(
                        "/jobs/"
                                + jobId
                                + "/vertices/"
                                + vertexId
                                + "/subtasks/metrics?get="
                                + DedupAndPrice.NAME.replace(' ', '_')
                                + ".currentInput1Watermark&agg=min")) {
            min = Math.min(min, (long) w.path("min").asDouble());
        }
        if (min == Long.MAX_VALUE || min <= 0) {
            return "-";
        }
        return Instant.ofEpochMilli(min).toString();
    }

    private JsonNode get(String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(webUi + path).openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(2000);
        try (InputStream in = c.getInputStream()) {
            return json.readTree(in);
        } finally {
            c.disconnect();
        }
    }
}
