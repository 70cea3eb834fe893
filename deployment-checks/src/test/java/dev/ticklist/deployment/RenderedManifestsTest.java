package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k8s/: the base and every overlay render, and everything they render is valid and safe to run. */
class RenderedManifestsTest {

    @Test
    void everyKustomizationRendersToManifestsThatMatchTheirSchemas() {
        List<String> problems = new ArrayList<>();
        for (Path dir : Repository.kustomizations()) {
            String name = Repository.relative(dir);
            List<ObjectNode> rendering = Kustomize.render(dir);
            assertThat(rendering).as("%s renders nothing", name).isNotEmpty();
            ManifestSchemas.problems(rendering).forEach(problem -> problems.add(name + ": " + problem));
        }
        assertThat(problems).as("schema violations").isEmpty();
    }

    @Test
    void everyOverlayRunsItsWorkloadsSafely() {
        List<String> problems = new ArrayList<>();
        for (Path dir : Repository.overlays()) {
            String name = Repository.relative(dir);
            WorkloadRules.problems(Kustomize.render(dir)).forEach(problem -> problems.add(name + ": " + problem));
        }
        assertThat(problems).as("workload rules").isEmpty();
    }

    @Test
    void everyOverlayPinsEveryImage() {
        List<String> problems = new ArrayList<>();
        for (Path dir : Repository.overlays()) {
            for (ObjectNode document : Kustomize.render(dir)) {
                document.findValues("image").forEach(image -> {
                    String reason = image.isTextual() ? ImageReference.parse(image.asText()).unpinnedReason() : null;
                    if (reason != null) {
                        problems.add(Repository.relative(dir) + ": " + Manifests.label(document) + " image "
                                + image.asText() + " " + reason);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPatchOfAnOverlayChangesWhatItRenders(@TempDir Path scratch) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            problems.addAll(InertPatches.of(Repository.root().resolve("k8s"), overlay,
                    Files.createDirectory(scratch.resolve(overlay.getFileName()))));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aPatchWhoseTargetMatchesNothingIsFound(@TempDir Path scratch) throws IOException {
        Path tree = scratch.resolve("tree");
        Path overlay = tree.resolve("overlay");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {A: a}\n");
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources: [cm.yaml]
                patches:
                  - target: {kind: ConfigMap, name: cm}
                    patch: '[{"op": "replace", "path": "/data/A", "value": "b"}]'
                  - target: {kind: ConfigMap, name: cn}
                    patch: '[{"op": "replace", "path": "/data/A", "value": "c"}]'
                """);

        assertThat(InertPatches.of(tree, overlay, Files.createDirectory(scratch.resolve("copies"))))
                .singleElement().asString().contains("patches[1]", "changes nothing");
    }
}
