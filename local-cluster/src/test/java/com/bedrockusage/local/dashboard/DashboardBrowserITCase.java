package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.local.sql.SampleCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page in a real headless Chromium: charts drawn, headline numbers equal the API's, filters
 * and live updates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserITCase {

    static final String RANGE = "from=2026-11-02&to=2026-11-05";
    static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");
    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension static final DashboardExtension DASHBOARD = new DashboardExtension(600, 500);
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

    @ParameterizedTest
    @ValueSource(strings = {"overview", "spend", "top", "models", "alerts"})
    @Order(1)
    void everyPageDrawsItsChartsAndTheApisNumbers(String page) throws Exception {
        open((page.equals("overview") ? "/" : "/" + page) + "?" + RANGE);

        switch (page) {
            case "overview" -> {
                JsonNode o = fixture().api("overview?" + RANGE);
                assertThat(value("#spend-today"))
                        .isEqualTo(o.get("today").get("cost_usd").asText());
                assertThat(value("#spend-month"))
                        .isEqualTo(o.get("month_to_date").get("cost_usd").asText());
                assertThat(value("#forecast"))
                        .isEqualTo(o.get("forecast").get("month_end_usd").asText());
                assertThat(value("#range-cost")).isEqualTo(o.get("range").get("cost_usd").asText());
                assertThat(value("#range-calls"))
                        .isEqualTo(o.get("range").get("invocations").asText());
                assertThat(value("#range-rejected")).isEqualTo("2");
                assertThat(value("#data-up-to")).isEqualTo("2026-11-05T00:00:00Z");
                assertThat(browser.findElements(By.id("chart-overview"))).hasSize(1);
            }
            case "spend" -> {
                assertThat(value("#spend-total"))
                        .isEqualTo(fixture().api("timeseries?" + RANGE).get("cost_usd").asText());
                assertThat(browser.findElements(By.id("chart-spend"))).hasSize(1);
            }
            case "top" -> {
                JsonNode t = fixture().api("top?dim=caller&" + RANGE);
                assertThat(value("#top-total")).isEqualTo(t.get("cost_usd").asText());
                assertThat(browser.findElements(By.cssSelector("#top-table tbody tr")))
                        .hasSize(t.get("rows").size());
                assertThat(browser.findElement(By.id("csv")).getAttribute("href"))
                        .contains("format=csv");
            }
            case "models" -> {
                JsonNode m = fixture().api("models?" + RANGE);
                assertThat(value("#models-cost")).isEqualTo(m.get("cost_usd").asText());
                assertThat(browser.findElements(By.cssSelector("#models-table tbody tr")))
                        .hasSize(m.get("rows").size());
            }
            default -> {
                assertThat(value("#alerts-count")).isEqualTo("3");
                assertThat(browser.findElements(By.cssSelector("#alerts-feed li"))).hasSize(3);
                assertThat(
                                browser.findElement(By.cssSelector("#alerts-feed li.failed a"))
                                        .getAttribute("href"))
                        .contains("/spend?")
                        .contains("model=anthropic.claude-sonnet-4-5");
            }
        }
        assertScreenshotNotBlank(page);
    }

    @Test
    @Order(2)
    void filtersLiveInTheUrlAndChangeTheNumbers() throws Exception {
        open("/?" + RANGE);
        String all = value("#range-cost");

        new Select(browser.findElement(By.name("account"))).selectByVisibleText("222222222222");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        new WebDriverWait(browser, WAIT)
                .until(d -> d.getCurrentUrl().contains("account=222222222222"));
        waitForPage();

        String filtered = value("#range-cost");
        assertThat(filtered)
                .isNotEqualTo(all)
                .isEqualTo(
                        fixture()
                                .api("overview?" + RANGE + "&account=222222222222")
                                .get("range")
                                .get("cost_usd")
                                .asText());
        open("/top?" + RANGE + "&tag=team:search&dim=app");
        assertThat(value("#top-total"))
                .isEqualTo(
                        fixture()
                                .api("top?dim=app&tag=team:search&" + RANGE)
                                .get("cost_usd")
                                .asText());
    }

    @Test
    @Order(3)
    void aRangeWithoutDataSaysSo() {
        for (String page : List.of("/", "/spend", "/top", "/models", "/alerts")) {
            open(page + "?from=2020-01-01&to=2020-01-02");
            assertThat(browser.findElements(By.cssSelector("[data-empty=true]")))
                    .as(page)
                    .isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-error=true]")))
                    .as(page)
                    .isEmpty();
        }
    }

    @Test
    @Order(4)
    void topTableSortsByAClickedColumn() {
        open("/top?" + RANGE + "&dim=caller");
        browser.findElement(By.cssSelector("#top-table th[data-key=invocations]")).click();

        List<WebElement> calls =
                browser.findElements(By.cssSelector("#top-table td[data-key=invocations]"));
        long first = Long.parseLong(calls.get(0).getAttribute("data-value"));
        for (WebElement c : calls) {
            assertThat(Long.parseLong(c.getAttribute("data-value"))).isLessThanOrEqualTo(first);
        }
    }

    @Test
    @Order(5)
    void fitsAPhoneScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/?" + RANGE);
            Number overflow =
                    (Number)
                            ((JavascriptExecutor) browser)
                                    .executeScript(
                                            "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(1);
            assertScreenshotNotBlank("overview-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(6)
    void aNewSnapshotUpdatesTheOpenPageWithoutReload() throws Exception {
        open("/?" + RANGE);
        String before = value("#range-cost");
        ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");

        fixture().appendDailyUsage(SampleCalls.generate(30, 7));

        // the dashboard finds the new snapshot by itself (it looks every 500 ms here) ...
        String[] expected = new String[1];
        new WebDriverWait(browser, WAIT)
                .until(
                        d -> {
                            expected[0] = apiRangeCost();
                            return !expected[0].equals(before);
                        });
        // ... and pushes it to the open page
        new WebDriverWait(browser, WAIT).until(d -> expected[0].equals(value("#range-cost")));
        assertThat(
                        ((JavascriptExecutor) browser)
                                .executeScript("return window.__notReloaded === true;"))
                .isEqualTo(true);
    }

    private static String apiRangeCost() {
        try {
            return fixture().api("overview?" + RANGE).get("range").get("cost_usd").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void open(String path) {
        browser.get(fixture().url(path));
        waitForPage();
    }

    private static void waitForPage() {
        BrowserPages.waitForPage(browser);
    }

    private static String value(String card) {
        return BrowserPages.value(browser, card);
    }

    private static void assertScreenshotNotBlank(String name) throws Exception {
        BrowserPages.assertScreenshotNotBlank(browser, name);
    }

    private static DashboardFixture fixture() {
        return DASHBOARD.fixture();
    }
}
