package dev.ticklist.testsupport.browser;

import dev.ticklist.testsupport.TestTier;
import dev.ticklist.testsupport.docker.ContainerInfrastructure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.testcontainers.Testcontainers;
import org.testcontainers.selenium.BrowserWebDriverContainer;

/**
 * A real Chromium for the dashboard's tests and benchmark: Debian's {@code chromium} and
 * {@code chromium-driver} where installed, otherwise the Selenium Chromium container where a
 * Docker engine answers ({@link #available()} says whether either is there).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String CONTAINER_IMAGE = "selenium/standalone-chromium:latest";
    public static final String MISSING = "the dashboard's browser tests need Chromium: install Debian's chromium and"
            + " chromium-driver (apt-get install chromium chromium-driver), or run a Docker engine";

    private final WebDriver driver;
    private final String host;
    private final AutoCloseable container;

    private Browser(WebDriver driver, String host, AutoCloseable container) {
        this.driver = driver;
        this.host = host;
        this.container = container;
    }

    /** A browser that can reach the gateway at {@code 127.0.0.1:gatewayPort}. */
    public static Browser start(int gatewayPort) {
        TestTier.requireIntegration("a browser");
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .withLogFile(new File(System.getProperty("java.io.tmpdir"), "ticklist-chromedriver.log")).build();
            var options = options();
            options.setBinary(CHROMIUM.toFile());
            return new Browser(new ChromeDriver(service, options), "127.0.0.1", () -> { });
        }
        if (ContainerInfrastructure.dockerAvailable()) {
            Testcontainers.exposeHostPorts(gatewayPort);
            var container = new BrowserWebDriverContainer(CONTAINER_IMAGE);
            container.start();
            return new Browser(new RemoteWebDriver(container.getSeleniumAddress(), options()),
                    "host.testcontainers.internal", container::stop);
        }
        throw new IllegalStateException(MISSING);
    }

    /** Whether a browser can be started here: Chromium and its driver installed, or a Docker engine. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                || ContainerInfrastructure.dockerAvailable();
    }

    /**
     * Headless, with the switches that keep Chromium off the network: on a machine whose network
     * is closed its background services would otherwise fail to connect, many at a time.
     */
    private static ChromeOptions options() {
        var options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return options;
    }

    public WebDriver driver() {
        return driver;
    }

    /** The gateway's address as the browser reaches it. */
    public String url(int gatewayPort, String path) {
        return "http://" + host + ":" + gatewayPort + path;
    }

    /** What the pages wrote to the console at level SEVERE (errors) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException("the browser's container did not stop", e);
            }
        }
    }
}
