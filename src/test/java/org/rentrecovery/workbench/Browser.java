package org.rentrecovery.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own headless Chromium (Debian's chromium and chromium-driver), driven by Selenium
 * with the driver path set, so Selenium Manager never downloads a browser or a driver. Screenshots
 * go to target/workbench-screenshots; every page visited is checked with axe-core (from the npm
 * packages the workbench build installs).
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "workbench-screenshots");
    private static final Path AXE = Path.of("src", "main", "webui", "node_modules", "axe-core", "axe.min.js");
    private static final Path PAGES = Path.of("src", "main", "webui", "src", "pages");
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** The workbench pages (file names) axe-core has checked in this test run, in any browser session. */
    private static final Set<String> CHECKED = new ConcurrentSkipListSet<>();

    final ChromeDriver driver;
    private final URL base;

    Browser(URL base) {
        this.base = base;
        System.setProperty("webdriver.chrome.driver", System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    WebElement waitFor(By locator) {
        return waitFor(locator, Duration.ofSeconds(20));
    }

    WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition::apply);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void signIn(String user, String password) {
        open("/workbench/signin.html?signout=1");
        waitFor(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin")).click();
        waitFor(By.id("signed-in-user"));
    }

    /**
     * A screenshot of the whole page (not only the window: Chromium's DevTools capture beyond the
     * viewport, up to 6000 pixels down) under target/workbench-screenshots/{name}.png.
     */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, wholePage());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private byte[] wholePage() {
        driver.switchTo().defaultContent();
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        if (size == null) {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Every page the workbench has (src/main/webui/src/pages), by file name. */
    static Set<String> workbenchPages() {
        try (Stream<Path> pages = Files.list(PAGES)) {
            return pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> checkedPages() {
        return Set.copyOf(CHECKED);
    }

    /**
     * Runs axe-core on the page (the editor's own frame excluded) and fails on any serious or
     * critical violation, or if axe checked nothing (so a page where it failed to run cannot pass).
     */
    void assertAccessible(String page) {
        try {
            script(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the workbench build (src/main/webui)", e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run({ exclude: [["#dmn-editor"]] }, { resultTypes: ["violations"] })
                    .then(r => done({ passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ") })) }))
                    .catch(e => done({ passes: 0, violations: [{ id: "axe-failed", impact: "critical", help: String(e), targets: "" }] }));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        assertThat(((Number) result.get("passes")).intValue()).as("axe-core's rules that passed on the %s page", page).isPositive();
        List<String> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("targets"))
                .collect(Collectors.toList());
        assertThat(serious).as("serious accessibility violations on the %s page", page).isEmpty();
        String path = URI.create(driver.getCurrentUrl()).getPath();
        CHECKED.add(path.endsWith("/") ? "index.html" : path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
