package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Patches that change nothing. kustomize applies a patch whose target matches no resource without a
 * word, so a typo in a target (a kind, a name, a version) would leave the overlay silently unpatched.
 * Each patch is checked by rendering the overlay again without it, from a copy of the whole tree
 * (the overlay's relative paths still resolve), and comparing with the full rendering.
 */
final class InertPatches {

    private InertPatches() {
    }

    /**
     * One line per patch of {@code overlay} whose removal leaves the rendering as it was.
     *
     * @param tree    the folder holding the overlay and everything it refers to (k8s/)
     * @param scratch an empty folder for the copies
     */
    static List<String> of(Path tree, Path overlay, Path scratch) {
        Path file = overlay.resolve("kustomization.yaml");
        ObjectNode kustomization = YamlDocuments.object(YamlDocuments.read(file), file.toString());
        JsonNode patches = kustomization.path("patches");
        Map<String, ObjectNode> full = byId(Kustomize.render(overlay));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            Path copy = scratch.resolve("without-patch-" + i);
            copyTree(tree, copy);
            ObjectNode without = kustomization.deepCopy();
            ((ArrayNode) without.get("patches")).remove(i);
            Path copiedOverlay = copy.resolve(tree.relativize(overlay));
            try {
                // JSON is YAML: kustomize reads it as it reads the original.
                Files.writeString(copiedOverlay.resolve("kustomization.yaml"), YamlDocuments.JSON.writeValueAsString(without));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (byId(Kustomize.render(copiedOverlay)).equals(full)) {
                JsonNode patch = patches.get(i);
                problems.add(Repository.relative(file) + ": patches[" + i + "] ("
                        + patch.path("path").asText("inline") + ", target " + patch.path("target")
                        + ") changes nothing: its target matches no resource, or it leaves them as they were");
            }
        }
        return problems;
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> documents) {
        Map<String, ObjectNode> byId = new HashMap<>();
        documents.forEach(document -> byId.put(Manifests.id(document), document));
        return byId;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
