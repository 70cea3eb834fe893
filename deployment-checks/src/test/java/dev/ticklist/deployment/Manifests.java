package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Small accessors for Kubernetes documents held as JSON trees. */
final class Manifests {

    private Manifests() {
    }

    /** What identifies a resource in a rendering: apiVersion, kind, namespace and name. */
    static String id(JsonNode document) {
        String namespace = document.path("metadata").path("namespace").asText("");
        return document.path("apiVersion").asText() + " " + document.path("kind").asText() + " "
                + (namespace.isEmpty() ? "" : namespace + "/") + name(document);
    }

    static String kind(JsonNode document) {
        return document.path("kind").asText();
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    /** "Deployment gateway": how problems name a resource. */
    static String label(JsonNode document) {
        return kind(document) + " " + name(document);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> rendering, String kind) {
        return rendering.stream().filter(document -> kind(document).equals(kind)).toList();
    }

    static Optional<ObjectNode> find(List<ObjectNode> rendering, String kind, String name) {
        return rendering.stream()
                .filter(document -> kind(document).equals(kind) && name(document).equals(name))
                .findFirst();
    }
}
