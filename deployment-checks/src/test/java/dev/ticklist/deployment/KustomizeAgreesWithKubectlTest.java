package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our renderer against the real kubectl kustomize (v5), where kubectl is installed: the same set of
 * documents, byte for byte as trees, for the fixture and for k8s/ base and every overlay. Without
 * kubectl (CI has only a JDK) the test is skipped; developers' machines with kubectl keep it honest.
 */
class KustomizeAgreesWithKubectlTest {

    @Test
    void theFixtureRendersAsKubectlRendersIt() throws Exception {
        Path kubectl = kubectl();
        for (Path dir : List.of(Fixtures.kustomize("base"), Fixtures.kustomize("overlay"))) {
            assertSameDocuments(dir, kubectl);
        }
    }

    @Test
    void theRepositoryKustomizationsRenderAsKubectlRendersThem() throws Exception {
        Path kubectl = kubectl();
        for (Path dir : Repository.kustomizations()) {
            assertSameDocuments(dir, kubectl);
        }
    }

    private static Path kubectl() {
        Optional<Path> kubectl = Kubectl.find();
        assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: the renderer is not compared with kubectl kustomize");
        return kubectl.get();
    }

    private static void assertSameDocuments(Path dir, Path kubectl) throws Exception {
        Map<String, ObjectNode> ours = byId(Kustomize.render(dir));
        Map<String, ObjectNode> theirs = byId(Kubectl.kustomize(kubectl, dir));
        assertThat(ours.keySet()).as("resources rendered from %s", dir).isEqualTo(theirs.keySet());
        for (String id : theirs.keySet()) {
            assertThat(ours.get(id)).as("%s rendered from %s", id, dir).isEqualTo(theirs.get(id));
        }
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> documents) {
        Map<String, ObjectNode> byId = new TreeMap<>();
        documents.forEach(document -> byId.put(Manifests.id(document), document));
        assertThat(byId).hasSameSizeAs(documents);
        return byId;
    }
}
