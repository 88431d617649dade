package com.custmaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConsoleSettings;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.QueuedPair;
import com.custmaster.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end in Debian's headless Chromium ({@link HeadlessChromium}): sign in, open the first queued pair, decide "different" with a reason, look at the
 * left record's master page and search; then the database must hold what the steward did. A
 * screenshot of each page is kept under {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    private static final String USER = "stella";
    private static final String PASSWORD = "a long steward password";
    private static final String REASON = "different birth dates, checked with the branch";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @TempDir
    static Path temp;

    private static MatchedNight night;
    private static PerRequestSteward steward;
    private static ConsoleServer server;
    private static WebDriver browser;

    @BeforeAll
    static void startTheConsoleAndABrowser() throws Exception {
        night = MatchedNight.build(temp.resolve("var"));
        steward = new PerRequestSteward(night.dataSource(), night.config().matching(), Clock.systemDefaultZone());
        server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0, Duration.ofMinutes(5), List.of(
                new ConsoleSettings.User(USER, PasswordHashes.hash(PASSWORD.toCharArray())))), steward,
                Clock.systemDefaultZone());
        browser = HeadlessChromium.start(temp, 1280, 1100);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (night != null) {
            night.close();
        }
    }

    @Test
    void withoutSigningInAMasterPageLandsOnTheSignInPage() {
        browser.manage().deleteAllCookies();
        String masterId = night.jdbc().queryForObject("SELECT MIN(master_id) FROM customer_master", String.class);

        browser.get(url("/master/" + masterId));

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain(masterId);
    }

    @Test
    void aStewardSignsInRejectsTheFirstQueuedPairAndSeesItInTheMasterHistory() throws IOException {
        // given: signed in
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        screenshot("login");
        browser.findElement(By.id("user")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.urlToBe(url("/queue")));
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(USER);
        screenshot("queue");

        // when: the first pair of the queue is decided "different customers"
        browser.findElements(By.cssSelector("a.open-pair")).get(0).click();
        waitFor(ExpectedConditions.urlContains("/pair?left="));
        RecordPair pair = new RecordPair(SourceRecordKey.parse(hidden("left")), SourceRecordKey.parse(hidden("right")));
        assertThat(browser.findElements(By.cssSelector("#evidence tbody tr"))).isNotEmpty();
        String leftMaster = browser.findElement(By.cssSelector("#records tbody tr:last-child td:nth-child(2) a"))
                .getAttribute("href");
        screenshot("pair");
        browser.findElement(By.id("reason")).sendKeys(REASON);
        browser.findElement(By.id("different")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("flash")));

        // then: the next page says what was recorded, and the master page shows it in its history
        assertThat(browser.findElement(By.id("flash")).getText()).contains("reject " + pair + " by " + USER)
                .contains("next nightly run");
        browser.get(leftMaster);
        assertThat(browser.findElement(By.id("master-id")).getText()).startsWith("M");
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("reject " + pair + " (different customers)").contains(USER).contains(REASON);
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("reject " + pair + " by " + USER);
        screenshot("master");

        // and: search by the left record's name finds master records
        String name = browser.findElement(By.cssSelector("#golden tbody tr:first-child td:nth-child(2)")).getText();
        WebElement search = browser.findElement(By.cssSelector("header form.search input[name=q]"));
        search.sendKeys(name);
        search.submit();
        waitFor(ExpectedConditions.urlContains("/search?q="));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).isNotEmpty();
        screenshot("search");
        browser.findElement(By.id("sign-out")).click();
        waitFor(ExpectedConditions.urlToBe(url("/login")));

        // and: the database holds the decision, by the steward, audited, and the pair left the queue
        Map<String, Object> action = night.jdbc().queryForMap("SELECT * FROM steward_action WHERE action = 'reject' AND "
                + "left_source = ? AND left_record_id = ? AND right_source = ? AND right_record_id = ?", pair.left().source(),
                pair.left().sourceRecordId(), pair.right().source(), pair.right().sourceRecordId());
        assertThat(action).containsEntry("ACTOR", USER).containsEntry("REASON", REASON);
        assertThat(night.jdbc().queryForObject("SELECT verdict FROM steward_decision WHERE action_id = ?", String.class,
                action.get("ACTION_ID"))).isEqualTo("different");
        assertThat(night.jdbc().queryForObject("SELECT COUNT(*) FROM master_audit WHERE action = 'reject' AND actor = ? "
                + "AND reason = ? AND detail LIKE ?", Integer.class, USER, REASON, "reject " + pair + "%")).isEqualTo(1);
        List<QueuedPair> queue = steward.with(service -> service.queue(1000));
        assertThat(queue).isNotEmpty().noneMatch(queued -> queued.pair().equals(pair));
        for (String page : List.of("login", "queue", "pair", "master", "search")) {
            byte[] png = Files.readAllBytes(SCREENSHOTS.resolve(page + ".png"));
            assertThat(png).as(page).hasSizeGreaterThan(1000).startsWith(HeadlessChromium.PNG_SIGNATURE);
        }
    }

    /** Waits for a page a click started to load (sign-in takes a moment: the password hash is slow on purpose). */
    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private static String hidden(String name) {
        return browser.findElement(By.cssSelector("form.decide input[name=" + name + "]")).getAttribute("value");
    }

    private static String url(String path) {
        return server.uri().resolve(path).toString();
    }

    private static void screenshot(String page) throws IOException {
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(page + ".png"));
    }
}
