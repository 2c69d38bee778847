package com.bedrockusage.job.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.DeliveredAlert;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJsonTest {

    @TempDir Path dir;

    @Test
    void shouldAppendOneJsonLinePerAlertAndPrintASummary() throws Exception {
        Path file = dir.resolve("out/alerts.jsonl");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DeliveredAlert delivered =
                DeliveredAlert.of(
                        TestAlerts.dailyBudget(), DeliveredAlert.DELIVERED, 2, "msg-1", null);
        DeliveredAlert failed =
                DeliveredAlert.of(
                        TestAlerts.dailyBudget(),
                        DeliveredAlert.FAILED,
                        6,
                        null,
                        "Throttling (HTTP 400): Rate exceeded");

        try (AlertJsonLinesSink.LineWriter w =
                new AlertJsonLinesSink.LineWriter(file, new PrintStream(console, true, "UTF-8"))) {
            w.write(delivered, null);
        }
        try (AlertJsonLinesSink.LineWriter w =
                new AlertJsonLinesSink.LineWriter(file, new PrintStream(console, true, "UTF-8"))) {
            w.write(failed, null);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("alert_id").asText()).isEqualTo(TestAlerts.dailyBudget().alertId);
        assertThat(first.get("observed_value").asText()).isEqualTo("52.104");
        assertThat(first.get("window_start").asText()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(first.get("delivery_status").asText()).isEqualTo("DELIVERED");
        assertThat(first.get("delivery_attempts").asInt()).isEqualTo(2);
        assertThat(first.get("top_contributors").get(1).get("cost_usd").asText())
                .isEqualTo("12.004");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("delivery_error").asText())
                .startsWith("Throttling");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "ALERT [HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50 -> DELIVERED (2 attempts) id="
                                + TestAlerts.dailyBudget().alertId
                                + System.lineSeparator()
                                + "ALERT [HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50 -> FAILED (6 attempts)"
                                + " Throttling (HTTP 400): Rate exceeded id="
                                + TestAlerts.dailyBudget().alertId
                                + System.lineSeparator());
    }
}
