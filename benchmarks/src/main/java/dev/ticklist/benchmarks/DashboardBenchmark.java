package dev.ticklist.benchmarks;

import static dev.ticklist.benchmarks.Benchmark.say;

import dev.ticklist.testsupport.browser.Browser;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.local.LocalRedisServer;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard in a real Chromium against the whole stack: how long a cohort of
 * {@code --learners} takes to open with its charts drawn, from a fresh page load and from the
 * cohorts list, timed by the page itself ({@code performance} marks: from the navigation's start,
 * or from the route's start, to the frame after the view was drawn). Reference of the same run:
 * the API reads the cohort page makes, timed from outside the browser.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar dashboard [--learners=10000]
 * [--import-lines=200000] [--opens=20]}
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = ModeOptions.of(args);
        int learners = options.number("learners", 10_000);
        int lines = options.number("import-lines", 200_000);
        int opens = options.number("opens", 20);
        Path root = BenchmarkSettings.findProjectRoot();
        StartedResources.runAndExit(started -> run(root, learners, lines, opens, started));
    }

    private static void run(Path root, int learners, int lines, int opens, StartedResources started) throws Exception {
        if (!Browser.available()) {
            throw new IllegalStateException(Browser.MISSING);
        }
        say("starting Redis, a Kafka broker and the four services");
        var redis = started.add(LocalRedisServer.start());
        var broker = started.add(LocalKafkaBroker.start());
        var admin = started.add(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        TopicSetup.createAll(admin);
        int progressPort = FreePorts.next();
        var stack = GatewayStack.of(broker, redis, Map.of("PROGRESS_SERVICE_URL", "http://127.0.0.1:" + progressPort,
                // Lifted: the run opens the page again and again, far beyond what one person would.
                "TICKLIST_GATEWAY_RATE_LIMIT_REPLENISH_RATE", "1000000",
                "TICKLIST_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "1000000"));
        var environment = stack.environment();
        Path logs = root.resolve("benchmarks").resolve("target").resolve("dashboard");
        List<String> jvm = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        var checklist = started.add(ServiceProcess.start(root, "checklist-service", stack.checklistPort(), environment, logs, jvm));
        var progress = started.add(ServiceProcess.start(root, "progress-service", progressPort, environment, logs, jvm));
        var gateway = started.add(ServiceProcess.start(root, "gateway", FreePorts.next(), environment, logs, jvm));
        for (var process : List.of(checklist, progress, gateway)) {
            process.awaitReady(Duration.ofMinutes(5));
        }
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            var organisation = stack.newOrganisation(http, gateway.url(), "Dashboard Benchmark Academy");
            var api = new GatewayStack.Api(http, gateway.url(), "X-Api-Key", organisation.apiKey());
            var items = GatewayStack.itemsOf(api.call("GET", "/api/v1/checklists/machine-learning", null, 200));
            String cohort = StackBenchmark.newCohort(api, "Dashboard");
            GatewayStack.enrol(api, cohort, learners);
            StackBenchmark.importAndAwaitView(api, cohort, new StackBenchmark.Import(lines, learners,
                    GatewayStack.LEARNER, "dashboard-benchmark"), items, "import");
            String readKey = api.call("POST", "/api/v1/keys", GatewayStack.json(Map.of("scopes", List.of("read"))), 201)
                    .get("key").asString();

            var results = new ArrayList<String>();
            results.add(line("reference: the page's API reads, outside the browser", apiReads(api, cohort, opens)));
            int port = Integer.parseInt(gateway.url().substring(gateway.url().lastIndexOf(':') + 1));
            try (var browser = Browser.start(port)) {
                WebDriver page = browser.driver();
                signIn(page, browser.url(port, "/dashboard/"), readKey);
                String cohortPage = browser.url(port, "/dashboard/#/cohorts/" + cohort);
                var loads = new ArrayList<Double>();
                var switches = new ArrayList<Double>();
                for (int i = 0; i < opens + 2; i++) {
                    page.get("about:blank"); // else a URL that differs only after # does not load the page again
                    page.get(cohortPage);
                    double load = drawn(page, "view-drawn");
                    script(page, "performance.clearMarks(); location.hash = '#/'");
                    drawn(page, "view-drawn");
                    script(page, "performance.clearMarks(); location.hash = '#/cohorts/" + cohort + "'");
                    double opened = drawn(page, "view-drawn") - mark(page, "view-start");
                    if (i >= 2) { // the first two warm the browser's cache and the JIT of our services
                        loads.add(load);
                        switches.add(opened);
                    }
                }
                results.add(line("cohort page, a fresh page load", loads));
                results.add(line("cohort page, from the cohorts list", switches));
                if (!browser.consoleErrors().isEmpty()) {
                    throw new IllegalStateException("the page logged errors: " + browser.consoleErrors());
                }
            }
            System.out.println();
            say("a cohort of %,d learners (%,d ticks), %d opens each, in Chromium:", learners, lines, opens);
            results.forEach(System.out::println);
        }
    }

    private static void signIn(WebDriver page, String url, String key) {
        page.get(url);
        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.id("key")).isEmpty());
        page.findElement(By.id("key")).sendKeys(key);
        page.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(page, Duration.ofSeconds(30))
                .until(driver -> !driver.findElements(By.cssSelector("table.cohorts")).isEmpty());
    }

    /** When (ms from the navigation's start) the page last set this mark, once it has. */
    private static double drawn(WebDriver page, String name) {
        new WebDriverWait(page, Duration.ofSeconds(60)).until(driver -> (Boolean) script(driver,
                "return !document.documentElement.dataset.loading && performance.getEntriesByName('" + name
                        + "').length > 0 && document.querySelectorAll('main h1').length > 0"));
        return mark(page, name);
    }

    private static double mark(WebDriver page, String name) {
        return ((Number) script(page, "const marks = performance.getEntriesByName('" + name + "');"
                + " return marks[marks.length - 1].startTime")).doubleValue();
    }

    private static Object script(WebDriver page, String script) {
        return ((JavascriptExecutor) page).executeScript(script);
    }

    /**
     * The reads the cohort page makes, as it makes them: the cohort, then its progress, first
     * ranking page and burn-up at once.
     */
    private static List<Double> apiReads(GatewayStack.Api api, String cohort, int times) throws Exception {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < times + 2; i++) {
            long start = System.nanoTime();
            ok(api, "/api/v1/cohorts/" + cohort).join();
            CompletableFuture.allOf(ok(api, "/api/v1/progress/cohorts/" + cohort),
                    ok(api, "/api/v1/progress/cohorts/" + cohort + "/learners?offset=0&limit=50"),
                    ok(api, "/api/v1/progress/cohorts/" + cohort + "/burn-up")).join();
            if (i >= 2) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static CompletableFuture<Void> ok(GatewayStack.Api api, String path) {
        return api.http().sendAsync(StackBenchmark.get(api, path), HttpResponse.BodyHandlers.discarding())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                });
    }

    private static String line(String label, List<Double> millis) {
        var sorted = millis.stream().sorted().toList();
        return String.format("%-56s p50 %6.0f ms, p95 %6.0f ms, max %6.0f ms (%d)", label,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast(), sorted.size());
    }
}
