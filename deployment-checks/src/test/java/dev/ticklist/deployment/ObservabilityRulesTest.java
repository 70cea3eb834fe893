package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the Grafana dashboard in observability/, checked by Prometheus' promtool:
 * the rules load, each alert fires on the series it is for and not on the others (the unit tests
 * in ticklist-alerts.test.yml), and every dashboard query is valid PromQL. Without promtool these
 * are skipped locally, and fail in CI (CI=true), where .ci/run installs it. That every metric named
 * here is exposed by the services is checked against the running stack by devstack's EndToEndIT.
 */
class ObservabilityRulesTest {

    private static final Path PROMETHEUS = Repository.root().resolve("observability/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("ticklist-alerts.yml");
    private static final Path RULE_TESTS = PROMETHEUS.resolve("ticklist-alerts.test.yml");
    private static final Path DASHBOARD = Repository.root().resolve("observability/grafana/ticklist-dashboard.json");
    private static final Path OPERATIONS = Repository.root().resolve("docs/operations.md");
    private static final String RUNBOOK = "docs/operations.md#watching-it";

    @Test
    void theAlertRulesAndTheLocalPrometheusConfigurationLoad() {
        Promtool promtool = promtool();
        assertSucceeds(promtool.run(PROMETHEUS, "check", "rules", RULES.getFileName().toString()), promtool);
        // Loads ticklist-alerts.yml again, as the rule file the configuration names.
        assertSucceeds(promtool.run(PROMETHEUS, "check", "config", "prometheus.yml"), promtool);
    }

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen() {
        Promtool promtool = promtool();
        assertSucceeds(promtool.run(PROMETHEUS, "test", "rules", RULE_TESTS.getFileName().toString()), promtool);
    }

    @Test
    void everyDashboardQueryIsValidPromQL(@TempDir Path dir) throws IOException {
        Promtool promtool = promtool();
        List<GrafanaDashboard.Query> queries = GrafanaDashboard.read(DASHBOARD).queries();
        assertThat(queries).hasSizeGreaterThan(10);
        // promtool parses queries only as rules: one recording rule per query, in a group named after its panel.
        Path asRules = dir.resolve("dashboard-queries.yml");
        writeAsRecordingRules(queries, asRules);
        assertSucceeds(promtool.run(dir, "check", "rules", asRules.getFileName().toString()), promtool);

        Path broken = dir.resolve("broken-query.yml");
        writeAsRecordingRules(List.of(new GrafanaDashboard.Query("a broken query", "sum(rate(up[5m])")), broken);
        assertThat(promtool.run(dir, "check", "rules", broken.getFileName().toString()).succeeded())
                .as("promtool refuses a query that does not parse").isFalse();
    }

    @Test
    void everyAlertIsTestedFiringAndStayingQuiet() {
        List<AlertRules.Expectation> expectations = AlertRules.expectations(RULE_TESTS);
        for (AlertRules.Alert alert : AlertRules.alerts(RULES)) {
            assertThat(expectations).as("%s: a case in %s where it fires", alert.name(), RULE_TESTS.getFileName())
                    .contains(new AlertRules.Expectation(alert.name(), true));
            assertThat(expectations).as("%s: a case in %s where it stays quiet", alert.name(), RULE_TESTS.getFileName())
                    .contains(new AlertRules.Expectation(alert.name(), false));
        }
    }

    @Test
    void everyAlertSaysWhatItMeansAndWhereItsRunbookIs() throws IOException {
        List<AlertRules.Alert> alerts = AlertRules.alerts(RULES);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        String operations = Files.readString(OPERATIONS);
        assertThat(operations).as("the runbook's section in docs/operations.md").contains("\n## Watching it\n");
        Set<String> names = new HashSet<>();
        for (AlertRules.Alert alert : alerts) {
            assertThat(names.add(alert.name())).as("%s is defined once", alert.name()).isTrue();
            assertThat(alert.label("severity")).as("%s severity", alert.name()).isIn("warning", "critical");
            assertThat(alert.annotation("summary")).as("%s summary", alert.name()).isNotBlank();
            assertThat(alert.annotation("description")).as("%s description", alert.name()).isNotBlank();
            assertThat(alert.annotation("runbook")).as("%s runbook", alert.name()).isEqualTo(RUNBOOK);
            assertThat(operations).as("docs/operations.md says what %s means", alert.name())
                    .contains("`" + alert.name() + "`");
        }
    }

    @Test
    void theDashboardTakesItsDataSourceFromAVariable() {
        GrafanaDashboard dashboard = GrafanaDashboard.read(DASHBOARD);
        JsonNode model = dashboard.model();
        assertThat(model.path("uid").asText()).isNotBlank();
        assertThat(model.path("schemaVersion").asInt()).as("schemaVersion").isGreaterThanOrEqualTo(39);
        assertThat(model.path("templating").path("list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(panel.path("id").asInt())).as("panel %s has an id of its own", title).isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).as("panel %s data source", title)
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as("panel %s queries", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).as("panel %s query data source", title)
                        .isEqualTo("${datasource}");
            }
        }
    }

    private static void writeAsRecordingRules(List<GrafanaDashboard.Query> queries, Path file) throws IOException {
        ObjectNode rules = YamlDocuments.JSON.createObjectNode();
        ArrayNode groups = rules.putArray("groups");
        int n = 0;
        for (GrafanaDashboard.Query query : queries) {
            ObjectNode group = groups.addObject().put("name", query.source());
            group.putArray("rules").addObject().put("record", "dashboard:query_" + n++).put("expr", query.expr());
        }
        // JSON is YAML: promtool reads it as a rule file.
        YamlDocuments.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rules);
    }

    private static void assertSucceeds(Promtool.Result result, Promtool promtool) {
        if (!result.succeeded()) {
            fail(promtool.version() + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
    }

    /** promtool, or the test is skipped (locally) or failed (in CI, which installs it). */
    private static Promtool promtool() {
        Optional<Promtool> promtool = Promtool.find();
        if (promtool.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("promtool is missing, and CI must check the alert rules and the dashboard: " + Promtool.INSTALL_HINT);
        }
        assumeTrue(promtool.isPresent(), "promtool not found, the alert rules and dashboard queries are not checked: "
                + Promtool.INSTALL_HINT);
        return promtool.get();
    }
}
