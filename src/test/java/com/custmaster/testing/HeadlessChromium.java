package com.custmaster.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium, for the tests that look at our pages in a real
 * browser (the steward console, the run report): installs {@code chromium} and
 * {@code chromium-driver} with src/test/scripts/install-chromium when missing, starts the browser
 * with the browser log kept (so a test can check there was no script error) and saves screenshots.
 */
public final class HeadlessChromium {

    /** The PNG file signature, for checking a saved screenshot. */
    public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private HeadlessChromium() {
    }

    /**
     * A new headless browser of the given window size, its profile in a folder under {@code temp}.
     * Quit it when done.
     */
    public static WebDriver start(Path temp, int width, int height) throws IOException, InterruptedException {
        install();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Saves a PNG screenshot of the browser's window. */
    public static void screenshot(WebDriver browser, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return;
        }
        Process install = new ProcessBuilder("src/test/scripts/install-chromium").redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(10, TimeUnit.MINUTES)).as("install-chromium finished").isTrue();
        assertThat(install.exitValue()).as(output).isZero();
    }
}
