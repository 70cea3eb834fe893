package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.ticklist.testsupport.browser.Browser;
import dev.ticklist.testsupport.http.JsonHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard as a person uses it, in a real Chromium against the whole stack: what it shows
 * is checked against the API's own answers. Runs inside {@link EndToEndIT}'s stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DashboardInBrowser {

    static final int LEARNERS = 30;
    static final Duration PATIENCE = Duration.ofSeconds(30);

    Browser browser;
    WebDriver page;
    JsonHttp api;
    String readKey;
    String cohortId;
    String emptyCohortId;
    List<String> entryItems;

    /** The stack the scenarios run against. */
    abstract StackSettings settings();

    @BeforeAll
    void anOrganisationWithACohortSomeLearnersHaveWorkedThrough() {
        // Skipped, saying what to install, where no browser can run; never in CI, where .ci/run installs Chromium.
        if (!Browser.available() && System.getenv("CI") == null) {
            Assumptions.abort(Browser.MISSING);
        }
        var admin = JsonHttp.at(settings().gatewayUrl()).withBearer(settings().adminKey());
        var organisation = admin.post("/admin/v1/organisations", Map.of("name", "Dashboard Academy"));
        api = JsonHttp.at(settings().gatewayUrl()).withBearer(organisation.json().get("apiKey").asString());
        readKey = api.post("/api/v1/keys", Map.of("scopes", List.of("read"))).json().get("key").asString();
        cohortId = api.post("/api/v1/cohorts", Map.of("name", "Autumn 2026", "checklistId", "machine-learning"))
                .json().get("id").asString();
        emptyCohortId = api.post("/api/v1/cohorts", Map.of("name", "Not started", "checklistId", "data-science"))
                .json().get("id").asString();
        List<String> learners = IntStream.rangeClosed(1, LEARNERS).mapToObj(n -> "learner-" + n).toList();
        assertThat(api.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", learners)).status())
                .isEqualTo(200);
        entryItems = itemsOfFirstLevel(api.get("/api/v1/checklists/machine-learning").json());
        var lines = new StringBuilder();
        for (int n = 1; n <= LEARNERS; n++) {
            // Learner n ticked the first n Entry items (or all of them), each on a day of its own.
            for (int item = 0; item < Math.min(n, entryItems.size()); item++) {
                lines.append("{\"learnerId\":\"learner-").append(n)
                        .append("\",\"itemId\":\"").append(entryItems.get(item))
                        .append("\",\"action\":\"tick\",\"at\":\"2026-11-").append(String.format("%02d", 1 + item % 28))
                        .append("T09:00:00Z\"}\n");
            }
        }
        var imported = api.putRaw("/api/v1/cohorts/" + cohortId + "/imports/seed", lines.toString(),
                "application/x-ndjson");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> cohortProgress().get("overall").get("learners").asInt() == LEARNERS
                && rankingTotalTicked() == imported.json().get("ticks").asInt());
        browser = Browser.start(settings().gatewayPort());
        page = browser.driver();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void theConsoleStayedFreeOfErrors() {
        if (browser != null) {
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    @Order(1)
    void aPersonSignsInWithTheKeyboardAndTheKeyIsKeptNowhereAScriptOrTheNextUserCouldRead() {
        page.get(url("/dashboard/"));
        WebElement key = waitFor(By.id("key"));
        assertThat(page.switchTo().activeElement()).isEqualTo(key);

        new Actions(page).sendKeys(readKey).sendKeys(Keys.ENTER).perform();

        waitFor(By.cssSelector("table.cohorts"));
        assertThat(script("return document.cookie")).isEqualTo("");
        assertThat(script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")).isEqualTo("{}{}");
        assertThat(page.getPageSource()).doesNotContain(readKey);
        assertThat(page.findElement(By.id("who")).getText()).contains(readKey.substring(0, 8)).doesNotContain(readKey);
    }

    @Test
    @Order(2)
    void theCohortsListShowsEachCohortWithTheShareOfLearnersWhoFinishedEachLevel() {
        page.get(url("/dashboard/#/"));
        String row = textOf(By.xpath("//table[contains(@class,'cohorts')]//tr[th//a[text()='Autumn 2026']]"));
        JsonNode entry = cohortProgress().get("levels").get(0).get("standing");
        long finished = entry.get("finished").asLong();
        assertThat(row).contains("machine-learning v1", String.valueOf(LEARNERS),
                "Entry: " + percent(100.0 * finished / LEARNERS));
        // Rows fill in as each cohort's progress arrives: wait for this one's too.
        By notStarted = By.xpath("//tr[th//a[text()='Not started']]");
        new WebDriverWait(page, Duration.ofSeconds(15)).withMessage("the empty cohort's row says no learner yet")
                .until(driver -> textOf(notStarted).contains("no learner yet"));
    }

    @Test
    @Order(3)
    void theCohortPageShowsTheNumbersOfTheProjection() {
        openCohortWithTheKeyboard();
        JsonNode progress = cohortProgress();
        for (JsonNode level : progress.get("levels")) {
            String id = level.get("id").asString();
            assertThat(textOf(By.cssSelector("[data-finished='" + id + "']")))
                    .isEqualTo(String.valueOf(level.get("standing").get("finished").asLong()));
            assertThat(page.findElement(By.cssSelector("[data-average='" + id + "']")).getText())
                    .isEqualTo(percent(level.get("standing").get("averagePercent").asDouble()));
        }
        var cells = page.findElements(By.cssSelector("ul.heat li"));
        var items = new ArrayList<JsonNode>();
        progress.get("levels").forEach(level -> level.get("categories").forEach(category ->
                category.get("items").forEach(items::add)));
        assertThat(cells).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(cells.get(i).getAttribute("data-item")).isEqualTo(items.get(i).get("id").asString());
            assertThat(cells.get(i).getText()).endsWith(percent(100 * items.get(i).get("share").asDouble()));
        }
        JsonNode ranking = api.get("/api/v1/progress/cohorts/" + cohortId + "/learners?limit=50").json();
        var rows = page.findElements(By.cssSelector("table.ranking tbody tr"));
        assertThat(rows).hasSize(LEARNERS);
        for (int i = 0; i < LEARNERS; i++) {
            JsonNode learner = ranking.get("learners").get(i);
            assertThat(rows.get(i).getText()).isEqualTo(learner.get("rank").asInt() + " "
                    + learner.get("learnerId").asString() + " " + percent(learner.get("percent").asDouble()));
        }
        assertThat(page.findElements(By.cssSelector("figure.histogram canvas"))).hasSize(progress.get("levels").size());
        assertThat(burnUpRows()).isEqualTo(burnUpRowsOf(api.get("/api/v1/progress/cohorts/" + cohortId + "/burn-up")
                .json()));
        assertThat(page.findElements(By.cssSelector("figure.burn-up canvas"))).hasSize(1);
        assertThat(paceRows()).isEqualTo(paceRowsOf(api.get("/api/v1/progress/cohorts/" + cohortId + "/pace").json()));

        page.findElement(By.id("search")).sendKeys("ER-2");
        JsonNode found = api.get("/api/v1/progress/cohorts/" + cohortId + "/learners?search=ER-2").json();
        assertThat(found.get("total").asInt()).isEqualTo(11);
        new WebDriverWait(page, PATIENCE).until(driver -> textOf(By.cssSelector("table.ranking caption"))
                .contains("of 11 whose id contains"));
        var foundRows = page.findElements(By.cssSelector("table.ranking tbody tr"));
        for (int i = 0; i < foundRows.size(); i++) {
            JsonNode learner = found.get("learners").get(i);
            assertThat(foundRows.get(i).getText()).isEqualTo(learner.get("rank").asInt() + " "
                    + learner.get("learnerId").asString() + " " + percent(learner.get("percent").asDouble()));
        }
    }

    @Test
    @Order(4)
    void aTickAnywhereShowsOnTheOpenCohortPageWithoutAReload() {
        openCohort();
        String level = cohortProgress().get("levels").get(0).get("id").asString();
        long before = cohortProgress().get("levels").get(0).get("standing").get("finished").asLong();
        new WebDriverWait(page, PATIENCE).until(driver -> textOf(By.cssSelector("[data-finished='" + level + "']"))
                .equals(String.valueOf(before)));
        script("window.stillTheSamePage = true");

        // This learner lacks the last Entry item: ticking it finishes the level.
        int almost = entryItems.size() - 1;
        var tick = api.post("/api/v1/cohorts/" + cohortId + "/learners/learner-" + almost + "/ticks",
                Map.of("itemIds", List.of(entryItems.getLast())));
        assertThat(tick.status()).as(tick.toString()).isEqualTo(201);
        long ticked = System.nanoTime();

        new WebDriverWait(page, PATIENCE).until(driver -> textOf(By.cssSelector("[data-finished='" + level + "']"))
                .equals(String.valueOf(before + 1)));
        System.out.printf("dashboard: the tick showed on the open cohort page %d ms after its 201%n",
                (System.nanoTime() - ticked) / 1_000_000);
        // The burn-up's week of today counts the learner who just finished.
        new WebDriverWait(page, PATIENCE).until(driver -> burnUpRows().getLast().get(1).equals(String.valueOf(before + 1)));
        assertThat(burnUpRows()).isEqualTo(burnUpRowsOf(api.get("/api/v1/progress/cohorts/" + cohortId + "/burn-up")
                .json()));
        assertThat(script("return window.stillTheSamePage")).isEqualTo(true);
    }

    @Test
    @Order(5)
    void theLearnerPageShowsTheirChecklistTimelineAndCalendarAsTheApiHasThem() {
        String proved = api.get("/api/v1/progress/learners/learner-3").json().get("checklists").get(0)
                .get("tickedItems").propertyNames().iterator().next();
        String url = "https://github.com/learner-3/proof";
        String note = "Built it <b>twice</b>";
        var attached = api.put("/api/v1/cohorts/" + cohortId + "/learners/learner-3/ticks/" + proved + "/evidence",
                Map.of("url", url, "note", note));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> evidenceOf("learner-3", proved) != null);
        openCohort();
        page.findElement(By.linkText("learner-3")).click();
        waitFor(By.id("checklist-title"));
        awaitLiveAndSettled();
        JsonNode mine = api.get("/api/v1/progress/learners/learner-3").json().get("checklists").get(0);
        var ticked = page.findElements(By.cssSelector("ul.items li.ticked"));
        assertThat(ticked).hasSize(mine.get("ticked").asInt());
        assertThat(ticked).extracting(item -> item.getAttribute("data-item"))
                .containsExactlyInAnyOrderElementsOf(mine.get("tickedItems").propertyNames());
        assertThat(page.findElements(By.cssSelector("ol.timeline li"))).hasSize(mine.get("ticked").asInt());
        assertThat(page.findElement(By.cssSelector("section[aria-labelledby='calendar-title']")).getText())
                .contains(mine.get("ticked").asInt() + " items ticked");
        assertThat(paceRows()).isEqualTo(paceRowsOf(
                api.get("/api/v1/progress/cohorts/" + cohortId + "/learners/learner-3/pace").json()));
        // The learner's evidence: their link, never endorsed or given a referrer, and their note as text.
        var link = page.findElement(By.cssSelector("li[data-item='" + proved + "'] .evidence a"));
        assertThat(link.getAttribute("href")).isEqualTo(url);
        assertThat(link.getAttribute("rel")).isEqualTo("nofollow noopener noreferrer ugc");
        assertThat(page.findElement(By.cssSelector("li[data-item='" + proved + "'] .evidence .note")).getText())
                .isEqualTo(note);
        assertThat(page.findElements(By.cssSelector("li[data-item='" + proved + "'] .evidence b"))).isEmpty();
    }

    /** The learner's evidence for an item, as the API shows it, or null. */
    private JsonNode evidenceOf(String learner, String item) {
        for (JsonNode level : api.get("/api/v1/progress/learners/" + learner).json().get("checklists").get(0).get("levels")) {
            for (JsonNode category : level.get("categories")) {
                for (JsonNode each : category.get("items")) {
                    if (each.get("id").asString().equals(item) && !each.get("evidence").isNull()) {
                        return each.get("evidence");
                    }
                }
            }
        }
        return null;
    }

    /** The pace table's rows as shown: level id, items left, and whether a finish is projected. */
    private List<String> paceRows() {
        return page.findElements(By.cssSelector("table.pace tbody tr")).stream()
                .map(row -> row.getAttribute("data-level") + " " + row.findElement(By.cssSelector("td.number")).getText()
                        + " " + !row.findElements(By.cssSelector("time")).isEmpty())
                .toList();
    }

    private static List<String> paceRowsOf(JsonNode pace) {
        var rows = new ArrayList<String>();
        pace.get("levels").forEach(level -> rows.add(level.get("id").asString() + " "
                + String.format(Locale.ENGLISH, "%,d", level.get("remaining").asLong()) + " "
                + !level.get("projectedFinish").isNull()));
        return rows;
    }

    @Test
    @Order(6)
    void anEmptyCohortAndAMissingOneSaySoInSentences() {
        page.get(url("/dashboard/#/cohorts/" + emptyCohortId));
        assertThat(textOf(By.cssSelector("p.empty"))).contains("No learner has joined this cohort yet");

        page.get(url("/dashboard/#/cohorts/coh_doesnotexist"));
        assertThat(textOf(By.cssSelector("p.error"))).startsWith("Not found");
        browser.consoleErrors(); // the 404 itself is logged by the browser; the page showed it as a sentence
    }

    @Test
    @Order(7)
    void everyViewPassesAnAutomatedAccessibilityCheck() {
        List<String> views = List.of("/dashboard/#/", "/dashboard/#/cohorts/" + cohortId,
                "/dashboard/#/cohorts/" + cohortId + "/learners/learner-3", "/dashboard/#/cohorts/" + emptyCohortId);
        for (String view : views) {
            page.get(url(view));
            awaitSettled();
            var results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(page);
            assertThat(describe(results.getViolations())).as(view).isEmpty();
        }
    }

    @Test
    @Order(8)
    void onAPhonesWidthNothingRunsOffTheSide() {
        var size = page.manage().window().getSize();
        try {
            page.manage().window().setSize(new Dimension(390, 844));
            for (String view : List.of("/dashboard/#/", "/dashboard/#/cohorts/" + cohortId,
                    "/dashboard/#/cohorts/" + cohortId + "/learners/learner-3")) {
                page.get(url(view));
                awaitSettled();
                assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth"))
                        .as(view).isLessThanOrEqualTo(0L);
            }
        } finally {
            page.manage().window().setSize(size);
        }
    }

    @Test
    @Order(9)
    void signingOutLeavesNothingThatOpensTheDashboardAgain() {
        page.get(url("/dashboard/#/"));
        waitFor(By.id("sign-out")).click();
        waitFor(By.id("key"));
        page.get(url("/dashboard/#/cohorts/" + cohortId));
        waitFor(By.id("key"));
        assertThat(page.findElements(By.cssSelector("table.ranking"))).isEmpty();
    }

    @Test
    @Order(10)
    void aCohortLinkOpensThatCohortWithoutAKeyAndNothingElse() {
        var link = api.post("/api/v1/share-links", Map.of("cohortId", cohortId, "label", "coaches"));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        page.manage().deleteAllCookies();

        page.get(url(link.json().get("path").asString()));

        waitFor(By.cssSelector("table.ranking"));
        assertThat(page.getCurrentUrl()).endsWith("#/cohorts/" + cohortId).doesNotContain("tl_");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Autumn 2026");
        assertThat(fetchStatus("/api/v1/cohorts")).isEqualTo(403);
        assertThat(fetchStatus("/api/v1/progress/cohorts/" + emptyCohortId)).isEqualTo(403);
        assertThat(fetchStatus("/api/v1/progress/learners/learner-3")).isEqualTo(403);
        browser.consoleErrors(); // the refusals just asked for are logged by the browser
        page.get(url("/dashboard/#/"));
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().endsWith("#/cohorts/" + cohortId));
    }

    @Test
    @Order(11)
    void aLearnerTicksAndUnticksTheirOwnItemsThroughTheirLinkWithTheKeyboard() {
        String learner = "learner-5";
        var link = api.post("/api/v1/share-links",
                Map.of("cohortId", cohortId, "learnerId", learner, "access", "tick"));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        page.manage().deleteAllCookies();
        page.get(url(link.json().get("path").asString()));
        String item = entryItems.get(10);
        WebElement box = waitFor(By.id("tick-" + item));
        assertThat(box.isSelected()).isFalse();
        assertThat(page.findElements(By.id("timeline-title"))).as("a link shows one cohort only").isEmpty();

        for (int tabs = 0; tabs < 60 && !page.switchTo().activeElement().equals(box); tabs++) {
            new Actions(page).sendKeys(Keys.TAB).perform();
        }
        new Actions(page).sendKeys(Keys.SPACE).perform();

        await().atMost(PATIENCE).until(() -> tickedItemsOf(learner).contains(item));
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.id("tick-" + item)).isEnabled());
        page.findElement(By.id("tick-" + item)).click();
        await().atMost(PATIENCE).until(() -> !tickedItemsOf(learner).contains(item));
        assertThat(fetchStatus("/api/v1/progress/cohorts/" + cohortId + "/learners/learner-6")).isEqualTo(403);
        assertThat(fetchStatus("/api/v1/progress/cohorts/" + cohortId)).isEqualTo(403);
        browser.consoleErrors();
    }

    private List<String> tickedItemsOf(String learner) {
        var items = new ArrayList<String>();
        api.get("/api/v1/progress/learners/" + learner).json().get("checklists").get(0).get("tickedItems")
                .propertyNames().forEach(items::add);
        return items;
    }

    /** The status the page's own origin gets for a GET, with its session cookie. */
    private long fetchStatus(String path) {
        return (Long) ((JavascriptExecutor) page).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status), () => done(-1));",
                path);
    }

    /** A fresh load of the cohort page (an address that differs only after # would not load it again). */
    /** The burn-up's table as the page has it (inside a closed disclosure): week, then each level's count. */
    private List<List<String>> burnUpRows() {
        return page.findElements(By.cssSelector("figure.burn-up details tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getDomProperty("textContent")).toList())
                .toList();
    }

    private static List<List<String>> burnUpRowsOf(JsonNode burnUp) {
        var rows = new ArrayList<List<String>>();
        for (int week = 0; week < burnUp.get("weeks").size(); week++) {
            var row = new ArrayList<String>(List.of(burnUp.get("weeks").get(week).asString()));
            for (JsonNode level : burnUp.get("levels")) {
                row.add(String.valueOf(level.get("finished").get(week).asLong()));
            }
            rows.add(row);
        }
        return rows;
    }

    private void openCohort() {
        page.get("about:blank");
        page.get(url("/dashboard/#/cohorts/" + cohortId));
        waitFor(By.cssSelector("table.ranking"));
        awaitLiveAndSettled();
    }

    /** The page follows its stream and has no refresh due: what it shows stays put while it is read. */
    private void awaitLiveAndSettled() {
        new WebDriverWait(page, PATIENCE).until(driver -> (Boolean) script(
                "const flags = document.documentElement.dataset;"
                        + " return !flags.loading && flags.live === 'open' && !flags.refreshing"));
    }

    /** The page shows what it loaded: no stream connecting, no refresh due (pages that follow none settle at once). */
    private void awaitSettled() {
        new WebDriverWait(page, PATIENCE).until(driver -> (Boolean) script(
                "const flags = document.documentElement.dataset;"
                        + " return !flags.loading && flags.live !== 'connecting' && !flags.refreshing"));
    }

    /** From the cohorts list, by Tab and Enter only. */
    private void openCohortWithTheKeyboard() {
        page.get(url("/dashboard/#/"));
        waitFor(By.cssSelector("table.cohorts"));
        var link = page.findElement(By.linkText("Autumn 2026"));
        for (int tabs = 0; tabs < 20 && !page.switchTo().activeElement().equals(link); tabs++) {
            new Actions(page).sendKeys(Keys.TAB).perform();
        }
        assertThat(page.switchTo().activeElement()).as("the cohort's link is reached by Tab").isEqualTo(link);
        new Actions(page).sendKeys(Keys.ENTER).perform();
        waitFor(By.cssSelector("table.ranking"));
        awaitLiveAndSettled();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(15)).until(driver -> {
            var found = driver.findElements(locator);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    /** The element's text once it is there, read again if the page redrew it meanwhile. */
    private String textOf(By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    var found = driver.findElements(locator);
                    return found.isEmpty() ? null : found.getFirst().getText();
                });
    }

    private Object script(String script) {
        return ((JavascriptExecutor) page).executeScript(script);
    }

    private String url(String path) {
        return browser.url(settings().gatewayPort(), path);
    }

    private JsonNode cohortProgress() {
        return api.get("/api/v1/progress/cohorts/" + cohortId).json();
    }

    private int rankingTotalTicked() {
        JsonNode progress = cohortProgress();
        int ticked = 0;
        for (JsonNode level : progress.get("levels")) {
            for (JsonNode category : level.get("categories")) {
                for (JsonNode item : category.get("items")) {
                    ticked += item.get("tickedBy").asInt();
                }
            }
        }
        return ticked;
    }

    /** As the dashboard writes a percentage: at most one decimal, then " %". */
    static String percent(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded)) + " %";
    }

    private static List<String> describe(List<Rule> violations) {
        return violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).toList()).toList();
    }

    private static List<String> itemsOfFirstLevel(JsonNode checklist) {
        var items = new ArrayList<String>();
        checklist.get("levels").get(0).get("categories").forEach(category ->
                category.get("items").forEach(item -> items.add(item.get("id").asString())));
        return items;
    }
}
