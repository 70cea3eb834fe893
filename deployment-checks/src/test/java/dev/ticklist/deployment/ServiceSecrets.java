package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a service's own logins (Kafka, Redis) come from, in compose and in a rendering. */
final class ServiceSecrets {

    private ServiceSecrets() {
    }

    /** docker/create-secrets.sh, which makes every secret of the Docker stack. */
    static String script() {
        try {
            return Files.readString(Repository.root().resolve("docker/create-secrets.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A compose service reads its logins from its own volume, {@code <service>-secrets} at
     * /run/secrets/<service>, as a configtree; no other service mounts that volume.
     */
    static List<String> ownFolderProblems(ComposeFile compose, String service) {
        List<String> problems = new ArrayList<>();
        String where = compose.source() + " service " + service;
        String volume = service + "-secrets";
        String folder = "/run/secrets/" + service;
        compose.services().forEach((name, definition) -> {
            for (JsonNode mount : definition.path("volumes")) {
                String text = mount.asText();
                boolean mountsIt = text.startsWith(volume + ":");
                if (mountsIt && name.equals(service) && !text.equals(volume + ":" + folder + ":ro")) {
                    problems.add(where + ": mounts " + text + ", expected " + volume + ":" + folder + ":ro");
                } else if (mountsIt && !name.equals(service) && !name.equals("secrets")) {
                    problems.add(compose.source() + " service " + name + " mounts " + service + "'s logins (" + volume + ")");
                }
            }
        });
        boolean mounted = false;
        for (JsonNode mount : compose.services().get(service).path("volumes")) {
            mounted |= mount.asText().startsWith(volume + ":");
        }
        if (!mounted) {
            problems.add(where + ": does not mount its logins, volume " + volume);
        }
        String imports = String.valueOf(compose.environment(service).get("SPRING_CONFIG_IMPORT"));
        if (!imports.contains("configtree:" + folder + "/")) {
            problems.add(where + ": SPRING_CONFIG_IMPORT does not read " + folder + "/ as a configtree: " + imports);
        }
        return problems;
    }

    /**
     * A Deployment's environment by name: its container's env entries, and the keys of ConfigMaps it
     * reads with envFrom as {@code {value: ...}}; the container's own entries win, as in Kubernetes.
     */
    static Map<String, JsonNode> deploymentEnvironment(List<ObjectNode> rendering, String service) {
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        ObjectNode deployment = Manifests.find(rendering, "Deployment", service)
                .orElseThrow(() -> new IllegalStateException("no Deployment " + service));
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        for (JsonNode source : container.path("envFrom")) {
            String name = source.path("configMapRef").path("name").asText();
            Manifests.find(rendering, "ConfigMap", name).ifPresent(configMap ->
                    configMap.path("data").properties().forEach(entry -> environment.put(entry.getKey(),
                            YamlDocuments.JSON.createObjectNode().put("value", entry.getValue().asText()))));
        }
        for (JsonNode env : container.path("env")) {
            environment.put(env.path("name").asText(), env);
        }
        return environment;
    }
}
