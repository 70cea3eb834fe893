package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each service's own OpenAPI document is served on its management port only (springdoc's
 * {@code use-management-port}), and the gateway reads it there: nothing but the gateway's
 * whole-API document is on a port clients could reach.
 */
class ApiDocumentsOnManagementPortsTest {

    private static final List<String> SERVICES = List.of("checklist-service", "progress-service", "notification-service");

    @Test
    void theComposeStackServesEachServicesDocumentOnItsManagementPortAndTheGatewayReadsItThere() {
        var compose = ComposeFile.read(Repository.composeFile());
        assertThat(problems(service -> compose.environment(service))).isEmpty();
    }

    @Test
    void everyKubernetesOverlayServesEachServicesDocumentOnItsManagementPortAndTheGatewayReadsItThere() {
        var problems = new ArrayList<String>();
        for (Path overlay : Repository.overlays()) {
            var rendering = Kustomize.render(overlay);
            problems(service -> Manifests.find(rendering, "Deployment", service).map(ApiDocumentsOnManagementPortsTest::env)
                    .orElse(Map.of())).forEach(problem -> problems.add(Repository.relative(overlay) + ": " + problem));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> problems(Function<String, Map<String, String>> environmentOf) {
        var problems = new ArrayList<String>();
        for (String service : SERVICES) {
            if (!"true".equals(environmentOf.apply(service).get("SPRINGDOC_USE_MANAGEMENT_PORT"))) {
                problems.add(service + " serves its API document on its service port (SPRINGDOC_USE_MANAGEMENT_PORT is not true)");
            }
            String variable = service.replace("-service", "").toUpperCase() + "_SERVICE_API_DOCS_URL";
            String expected = "http://" + service + ":9090/actuator/openapi";
            String url = environmentOf.apply("gateway").get(variable);
            if (!expected.equals(url)) {
                problems.add("the gateway reads " + service + "'s document at " + url + ", not " + expected);
            }
        }
        return problems;
    }

    /** The first container's plain environment variables. */
    private static Map<String, String> env(JsonNode deployment) {
        var env = new HashMap<String, String>();
        for (JsonNode variable : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
            if (variable.has("value")) {
                env.put(variable.get("name").asText(), variable.get("value").asText());
            }
        }
        return env;
    }
}
