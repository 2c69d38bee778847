package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests ask of a dashboard page: loaded, a card's value, a screenshot. */
final class BrowserPages {

    static final Path SCREENSHOTS = Paths.get("target", "dashboard-screenshots");
    static final Duration WAIT = Duration.ofSeconds(90);

    private BrowserPages() {}

    /** A headless Chromium with a fresh profile; the test is skipped where none is installed. */
    static ChromeDriver chromium() throws java.io.IOException {
        Chromium.assumeInstalled();
        return Chromium.start(Files.createTempDirectory("chromium-profile"));
    }

    static void quit(ChromeDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The page has loaded its data and every chart on it has finished drawing. */
    static void waitForPage(ChromeDriver browser) {
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

    /** The exact value behind a card's formatted number; null while the page redraws. */
    static String value(ChromeDriver browser, String card) {
        return (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "const v = document.querySelector(arguments[0] + ' .value'); return v ? v.dataset.value : null;",
                                card);
    }

    static void assertScreenshotNotBlank(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
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
