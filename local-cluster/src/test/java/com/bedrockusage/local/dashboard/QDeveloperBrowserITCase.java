package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.local.sql.SampleQDeveloper;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Q Developer page in a real headless Chromium: the chart drawn, headline numbers equal the
 * API's, filters in the URL, the empty states.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QDeveloperBrowserITCase {

    static final Duration WAIT = BrowserPages.WAIT;

    @RegisterExtension static final DashboardExtension DASHBOARD = new DashboardExtension(60, 500);
    static ChromeDriver browser;

    @BeforeAll
    static void openChromium() throws Exception {
        browser = BrowserPages.chromium();
    }

    @AfterAll
    static void closeChromium() {
        BrowserPages.quit(browser);
    }

    @Test
    @Order(1)
    void thePageDrawsItsChartAndTheApisNumbers() throws Exception {
        open(DASHBOARD.fixture(), "/qdeveloper?month=2026-11");

        JsonNode q = DASHBOARD.fixture().api("qdeveloper?month=2026-11");
        JsonNode t = q.get("totals");
        assertThat(BrowserPages.value(browser, "#q-users")).isEqualTo(t.get("users").asText());
        assertThat(BrowserPages.value(browser, "#q-chat")).isEqualTo(t.get("chat_events").asText());
        assertThat(BrowserPages.value(browser, "#q-inline"))
                .isEqualTo(t.get("inline_events").asText());
        assertThat(BrowserPages.value(browser, "#q-dev")).isEqualTo(t.get("dev_events").asText());
        assertThat(BrowserPages.value(browser, "#q-input"))
                .isEqualTo(t.get("input_tokens").asText());
        assertThat(BrowserPages.value(browser, "#q-output"))
                .isEqualTo(t.get("output_tokens").asText());
        assertThat(browser.findElements(By.id("chart-qdeveloper"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#q-table tbody tr")))
                .hasSize(q.get("rows").size());
        assertThat(
                        browser.findElement(By.cssSelector("#q-table td[data-key=dev_uses_pct]"))
                                .getAttribute("data-value"))
                .isEqualTo(q.get("rows").get(0).get("dev_uses_pct").asText());
        JsonNode first = q.get("rows").get(0);
        assertThat(
                        browser.findElement(By.cssSelector("#q-table td[data-key=dev_uses_pct]"))
                                .getText())
                .as("used / limit · share")
                .isEqualTo(
                        first.get("dev_uses").asText()
                                + " / "
                                + first.get("dev_uses_limit").asText()
                                + " · "
                                + first.get("dev_uses_pct").asText()
                                + " %");
        assertThat(
                        browser.findElement(By.cssSelector("#nav a[data-page=qdeveloper]"))
                                .getAttribute("class"))
                .contains("active");
        BrowserPages.assertScreenshotNotBlank(browser, "qdeveloper");
    }

    @Test
    @Order(2)
    void aFilterInTheUrlChangesTheNumbers() throws Exception {
        open(DASHBOARD.fixture(), "/qdeveloper?month=2026-11");
        String all = BrowserPages.value(browser, "#q-chat");

        new Select(browser.findElement(By.cssSelector("#q-filters [name=user]")))
                .selectByVisibleText("d-1.carol");
        browser.findElement(By.cssSelector("#q-filters button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("user=d-1.carol"));
        BrowserPages.waitForPage(browser);

        assertThat(BrowserPages.value(browser, "#q-chat"))
                .isNotEqualTo(all)
                .isEqualTo(
                        DASHBOARD
                                .fixture()
                                .api("qdeveloper?month=2026-11&user=d-1.carol")
                                .get("totals")
                                .get("chat_events")
                                .asText());
        assertThat(BrowserPages.value(browser, "#q-users")).isEqualTo("1");
    }

    @Test
    @Order(3)
    void aMonthOrAWarehouseWithoutQDataSaysSo() throws Exception {
        open(DASHBOARD.fixture(), "/qdeveloper?month=2026-10&account=" + SampleQDeveloper.ACCOUNT);
        assertThat(browser.findElement(By.cssSelector("[data-empty=true]")).getText())
                .contains("No Amazon Q Developer use in 2026-10");

        Path dir = Files.createTempDirectory("q-empty");
        try (DashboardServer empty = DashboardFixture.serve(dir, 60_000)) {
            browser.get(empty.url() + "qdeveloper");
            BrowserPages.waitForPage(browser);
            assertThat(browser.findElement(By.cssSelector("[data-empty=true]")).getText())
                    .contains("No Amazon Q Developer data in this warehouse");
            assertThat(browser.findElements(By.cssSelector("[data-error=true]"))).isEmpty();
        }
    }

    private static void open(DashboardFixture fixture, String path) {
        browser.get(fixture.url(path));
        BrowserPages.waitForPage(browser);
    }
}
