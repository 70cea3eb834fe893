package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The environment variables a deployment gives a service, each with where it is set. */
final class ConfiguredVariables {

    /** One variable, and the place that sets it (for the report). */
    record Variable(String name, String setBy) {
    }

    private ConfiguredVariables() {
    }

    /** What the compose file sets for the compose service of that name. */
    static List<Variable> fromCompose(ComposeFile compose, String service) {
        String setBy = compose.source() + " service " + service;
        return compose.environment(service).keySet().stream().map(name -> new Variable(name, setBy)).toList();
    }

    /**
     * What a rendering sets for the Deployment of that name: each container's env, and every key of
     * the ConfigMaps (and Secrets, when the rendering has them) it reads with envFrom. A ConfigMap
     * that is not in the rendering is a problem: its keys could not be checked.
     */
    static List<Variable> fromRendering(List<ObjectNode> rendering, String renderingName, String service,
                                        List<String> problems) {
        List<Variable> variables = new ArrayList<>();
        Optional<ObjectNode> deployment = Manifests.find(rendering, "Deployment", service);
        if (deployment.isEmpty()) {
            problems.add(renderingName + ": no Deployment " + service);
            return variables;
        }
        String setBy = renderingName + " Deployment " + service;
        for (JsonNode container : deployment.get().path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode env : container.path("env")) {
                variables.add(new Variable(env.path("name").asText(), setBy));
            }
            for (JsonNode source : container.path("envFrom")) {
                String prefix = source.path("prefix").asText("");
                if (source.has("configMapRef")) {
                    String name = source.path("configMapRef").path("name").asText();
                    Optional<ObjectNode> configMap = Manifests.find(rendering, "ConfigMap", name);
                    if (configMap.isEmpty()) {
                        if (!source.path("configMapRef").path("optional").asBoolean(false)) {
                            problems.add(setBy + ": envFrom ConfigMap " + name + " is not in the rendering");
                        }
                        continue;
                    }
                    addKeys(configMap.get(), prefix, setBy + " via ConfigMap " + name, variables);
                }
                if (source.has("secretRef")) {
                    // Secrets are usually made outside the manifests; check their keys when they are here.
                    String name = source.path("secretRef").path("name").asText();
                    Manifests.find(rendering, "Secret", name).ifPresent(secret ->
                            addKeys(secret, prefix, setBy + " via Secret " + name, variables));
                }
            }
        }
        return variables;
    }

    private static void addKeys(ObjectNode source, String prefix, String setBy, List<Variable> variables) {
        for (String field : List.of("data", "stringData", "binaryData")) {
            source.path(field).fieldNames().forEachRemaining(key -> variables.add(new Variable(prefix + key, setBy)));
        }
    }
}
