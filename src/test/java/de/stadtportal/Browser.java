package de.stadtportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver (other paths via PORTAL_CHROMIUM and PORTAL_CHROMEDRIVER), given explicitly so Selenium never tries to download a
 * driver (machines here have no internet). In CI a missing browser fails the build; on a
 * developer's machine the browser tests are skipped with a hint.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PORTAL_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PORTAL_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Browser() {
    }

    public static WebDriver start() {
        return start(false);
    }

    /**
     * @param networkLog keep Chrome's DevTools network events ("performance" log) so a test can
     *                   name every request of a page that failed ({@link #failedRequests})
     */
    public static WebDriver start(boolean networkLog) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertThat(installed).as("Chromium and ChromeDriver must be installed in CI (see .ci/run)").isTrue();
        }
        assumeTrue(installed, "Browser tests skipped: apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=de-DE");
        if (networkLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Runs axe-core on the page the driver shows and fails with a readable list of WCAG 2.1 AA violations. */
    public static void assertNoAccessibilityViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.getViolations())
                .as(() -> "axe-core violations on " + driver.getCurrentUrl() + ":\n" + describe(results.getViolations()))
                .isEmpty();
    }

    /**
     * The requests to {@code origin} since the last call that answered 400 or more or failed in the
     * network (aborted, refused), as "status url" lines. Needs a driver from {@code start(true)}.
     * Requests to other hosts (map tiles from the internet) are left out: tests run offline.
     */
    public static List<String> failedRequests(WebDriver driver, String origin) {
        Map<String, String> urls = new HashMap<>();
        List<String> failed = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = asMap(asMap(new Json().toType(entry.getMessage(), Map.class)).get("message"));
            String method = String.valueOf(message.get("method"));
            Map<String, Object> params = asMap(message.get("params"));
            switch (method) {
                case "Network.requestWillBeSent" ->
                        urls.put(String.valueOf(params.get("requestId")), String.valueOf(asMap(params.get("request")).get("url")));
                case "Network.responseReceived" -> {
                    Map<String, Object> response = asMap(params.get("response"));
                    String url = String.valueOf(response.get("url"));
                    int status = ((Number) response.get("status")).intValue();
                    if (url.startsWith(origin) && status >= 400) {
                        failed.add(status + " " + url);
                    }
                }
                case "Network.loadingFailed" -> {
                    String url = urls.getOrDefault(String.valueOf(params.get("requestId")), "?");
                    if (url.startsWith(origin) && !Boolean.TRUE.equals(params.get("canceled"))) {
                        failed.add(params.get("errorText") + " " + url);
                    }
                }
                default -> { }
            }
        }
        return failed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
