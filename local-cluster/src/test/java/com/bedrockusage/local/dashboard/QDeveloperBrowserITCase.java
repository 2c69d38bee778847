package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.local.sql.SampleQDeveloper;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Q Developer page in a real headless Chromium: the chart drawn, headline numbers equal the
 * API's, filters in the URL, the empty states.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QDeveloperBrowserITCase {

    static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");
    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension static final DashboardExtension DASHBOARD = new DashboardExtension(60, 500);
    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void thePageDrawsItsChartAndTheApisNumbers() throws Exception {
        open(DASHBOARD.fixture(), "/qdeveloper?month=2026-11");

        JsonNode q = DASHBOARD.fixture().api("qdeveloper?month=2026-11");
        JsonNode t = q.get("totals");
        assertThat(value("#q-users")).isEqualTo(t.get("users").asText());
        assertThat(value("#q-chat")).isEqualTo(t.get("chat_events").asText());
        assertThat(value("#q-inline")).isEqualTo(t.get("inline_events").asText());
        assertThat(value("#q-dev")).isEqualTo(t.get("dev_events").asText());
        assertThat(value("#q-input")).isEqualTo(t.get("input_tokens").asText());
        assertThat(value("#q-output")).isEqualTo(t.get("output_tokens").asText());
        assertThat(browser.findElements(By.id("chart-qdeveloper"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#q-table tbody tr")))
                .hasSize(q.get("rows").size());
        assertThat(
                        browser.findElement(By.cssSelector("#q-table td[data-key=dev_uses_pct]"))
                                .getAttribute("data-value"))
                .isEqualTo(q.get("rows").get(0).get("dev_uses_pct").asText());
        assertThat(
                        browser.findElement(By.cssSelector("#nav a[data-page=qdeveloper]"))
                                .getAttribute("class"))
                .contains("active");
        assertScreenshotNotBlank("qdeveloper");
    }

    @Test
    @Order(2)
    void aFilterInTheUrlChangesTheNumbers() throws Exception {
        open(DASHBOARD.fixture(), "/qdeveloper?month=2026-11");
        String all = value("#q-chat");

        new Select(browser.findElement(By.cssSelector("#q-filters [name=user]")))
                .selectByVisibleText("d-1.carol");
        browser.findElement(By.cssSelector("#q-filters button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("user=d-1.carol"));
        waitForPage();

        assertThat(value("#q-chat"))
                .isNotEqualTo(all)
                .isEqualTo(
                        DASHBOARD
                                .fixture()
                                .api("qdeveloper?month=2026-11&user=d-1.carol")
                                .get("totals")
                                .get("chat_events")
                                .asText());
        assertThat(value("#q-users")).isEqualTo("1");
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
            waitForPage();
            assertThat(browser.findElement(By.cssSelector("[data-empty=true]")).getText())
                    .contains("No Amazon Q Developer data in this warehouse");
            assertThat(browser.findElements(By.cssSelector("[data-error=true]"))).isEmpty();
        }
    }

    private static void open(DashboardFixture fixture, String path) {
        browser.get(fixture.url(path));
        waitForPage();
    }

    /** The page has loaded its data and every chart on it has finished drawing. */
    private static void waitForPage() {
        new WebDriverWait(browser, WAIT)
                .until(
                        d -> {
                            Object state =
                                    ((JavascriptExecutor) d)
                                            .executeScript(
                                                    "const b = document.body.dataset.loaded;"
                                                            + "const charts = [...document.querySelectorAll('.chart')];"
                                                            + "return b !== undefined && charts.every(c => c.dataset.rendered === 'true') ? b : null;");
                            return state != null;
                        });
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded"))
                .isNotEqualTo("error");
    }

    /** The exact value behind a card's formatted number. */
    private static String value(String card) {
        return (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const v = document.querySelector(arguments[0] + ' .value'); return v ? v.dataset.value : null;",
                                card);
    }

    private static void assertScreenshotNotBlank(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(target.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size())
                .as("distinct colours in " + target + " (a blank page has a handful)")
                .isGreaterThan(50);
    }
}
