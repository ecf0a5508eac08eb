package com.balcao.app.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Debian Chromium on a fresh profile, driven through the Debian chromedriver, for
 * the panel's journeys. Both come from the distribution (scripts/services.sh --chromium): a
 * missing one fails the test, because a skipped browser test would hide a broken panel.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Debian's Chromium is newer than Selenium's DevTools bindings, so every start warns that
     * no CDP version matches. These tests use WebDriver only: the warning is noise. Held in
     * fields because java.util.logging forgets the level of a logger nobody references.
     */
    private static final List<Logger> QUIET = List.of(
        quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
        quiet("org.openqa.selenium.chromium.ChromiumDriver"));

    /**
     * Chromium logs every 4xx answer as a console error; these are the panel's own answers to
     * a refused sign-in, a lost race or invalid input, which the page then shows.
     */
    private static final java.util.regex.Pattern ANSWERED = java.util.regex.Pattern.compile(
        "Failed to load resource: the server responded with a status of (401|403|409|413|422|429)");
    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final List<String> unread = new java.util.ArrayList<>();
    private boolean consoleErrorsExpected;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts a browser that speaks pt-BR (the panel's default) to the app on this port. */
    public static Browser start(int port) {
        requireExecutable(CHROMIUM, "Chromium");
        requireExecutable(CHROMEDRIVER, "chromedriver");
        // With the driver's path given, Selenium Manager never runs, so nothing is downloaded.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile = temporaryProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options(profile));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, "http://localhost:" + port, profile);
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--lang=pt-BR", "--window-size=1366,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "pt-BR,pt"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return options;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void requireExecutable(Path path, String what) {
        if (!Files.isExecutable(path)) {
            fail(what + " not found at " + path + ". The browser tests need Debian's chromium"
                + " and chromium-driver: run scripts/services.sh --chromium (./test.sh does).");
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("balcao-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a panel path such as {@code /login}. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** Forgets cookies (so nobody is signed in) and the console of earlier pages. */
    public void reset() {
        // WebDriver deletes only the cookies of the site now shown.
        if (driver.getCurrentUrl().startsWith(base)) {
            driver.manage().deleteAllCookies();
        }
        driver.get("about:blank");
        if (!consoleErrorsExpected) {
            unread.addAll(consoleErrors());
        }
    }

    /** Signs in through the login form and waits for the page it leads to. */
    public void signIn(String email, String password) {
        open("/login");
        type("input[name=email]", email);
        type("input[name=password]", password);
        clickAndWaitForNewPage("form[action='/login'] button[type=submit]");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** The path (and query) of the page now shown. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** What a person reads on the page. */
    public String text() {
        return find("body").getText();
    }

    /** Types into a field, replacing what it held. */
    public void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Clicks an element of a live page; when a refresh replaces it under the click, the click
     * goes to its replacement.
     */
    public void click(String css) {
        waitUntil(driver -> {
            find(css).click();
            return true;
        });
    }

    /** Clicks and waits until the page a form post or link leads to has loaded. */
    public void clickAndWaitForNewPage(String css) {
        WebElement old = find("html");
        find(css).click();
        waitUntil(ignored -> isStale(old)
            && "complete".equals(script("return document.readyState")));
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        // Checked often, so a wait measures the page rather than the polling; live fragments
        // are replaced while a condition reads them, and a stale read just means "not yet".
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
            .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Console errors of the pages shown since the last call, CSP violations among them. */
    public List<String> consoleErrors() {
        List<String> errors = new java.util.ArrayList<>(unread);
        unread.clear();
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage).filter(message -> !ANSWERED.matcher(message).find())
            .forEach(errors::add);
        return errors;
    }

    /**
     * For a journey that breaks things on purpose (a cut connection logs a network error): the
     * browser then does not fail on console errors when it closes.
     */
    public void expectConsoleErrors() {
        consoleErrorsExpected = true;
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            // Chromium may report the old page's node as "not in the document" instead.
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /**
     * Quits the browser. Every journey ends without a console error (an htmx target that was
     * missing, a script refused by the CSP…) unless it said it expects some.
     */
    @Override
    public void close() {
        List<String> errors = List.of();
        try {
            errors = consoleErrorsExpected ? List.of() : consoleErrors();
        } catch (WebDriverException e) {
            // A browser that already died has nothing more to tell.
        } finally {
            try {
                driver.quit();
            } finally {
                deleteProfile();
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("console errors during the journey: " + errors);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temp folder harms nothing; the test result matters more.
        }
    }
}
