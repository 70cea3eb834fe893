package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.testsupport.http.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * The metrics that the alert rules and the Grafana dashboard in observability/ query, against the
 * metrics the running services serve: a renamed meter would leave an alert silent for ever.
 */
final class ObservabilityQueries {

    /** Queried, but not served by any service in the end-to-end test, and why that is right. */
    static final Map<String, String> NOT_SERVED = Map.of(
            "up", "Prometheus adds it for every scrape target");

    private ObservabilityQueries() {
    }

    /** Every metric name in the alert rules' expressions and the dashboard's queries. */
    static Set<String> metricNames(Path projectRoot) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(projectRoot)) {
            names.addAll(PromqlMetricNames.of(expr));
        }
        return names;
    }

    /** Scrapes every service's /actuator/prometheus: each queried metric must be among the names served. */
    static void assertEveryQueriedMetricIsServed(Path projectRoot, List<String> managementUrls)
            throws IOException, InterruptedException {
        Set<String> queried = metricNames(projectRoot);
        assertThat(queried).as("metrics the rules and dashboard query").hasSizeGreaterThan(20)
                .containsAll(NOT_SERVED.keySet());
        Set<String> missing = new TreeSet<>(queried);
        for (String url : managementUrls) {
            missing.removeAll(served(url));
        }
        missing.removeAll(NOT_SERVED.keySet());
        assertThat(missing).as("metrics queried by observability/ that no running service serves "
                + "(renamed? registered only on first use? then list it in NOT_SERVED with the reason)").isEmpty();
    }

    /** The names a service serves, without their samples. */
    private static Set<String> served(String managementUrl) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(managementUrl + "/actuator/prometheus").isEqualTo(200);
        Set<String> names = new TreeSet<>();
        response.body().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }

    private static List<String> expressions(Path projectRoot) throws IOException {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(projectRoot.resolve("observability/prometheus/ticklist-alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add((String) ((Map<?, ?>) rule).get("expr"));
            }
        }
        JsonNode dashboard = JsonHttp.Response.parse(
                Files.readString(projectRoot.resolve("observability/grafana/ticklist-dashboard.json")));
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode inner : panel.path("panels")) {
                inner.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
            }
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString().equals("query")) {
                expressions.add(variable.path("query").path("query").asString()
                        .replaceAll("^label_values\\((.+),\\s*\\w+\\)$", "$1"));
            }
        }
        return expressions;
    }
}
