package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the renderer does with each field it supports, and that it refuses every other. */
class KustomizeTest {

    private final List<ObjectNode> overlay = Kustomize.render(Fixtures.kustomize("overlay"));

    @Test
    void namespaceGoesOnNamespacedKindsAndRenamesTheNamespace() {
        assertThat(overlay).allSatisfy(document -> {
            if (Manifests.kind(document).equals("Namespace")) {
                assertThat(Manifests.name(document)).isEqualTo("ticklist-prod");
                assertThat(document.path("metadata").has("namespace")).isFalse();
            } else {
                assertThat(document.path("metadata").path("namespace").asText()).isEqualTo("ticklist-prod");
            }
        });
    }

    @Test
    void labelsGoOnMetadataAndTemplatesButNotSelectors() {
        ObjectNode gateway = find("Deployment", "gateway");
        assertThat(gateway.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("ticklist");
        assertThat(gateway.at("/spec/template/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("ticklist");
        assertThat(gateway.at("/spec/selector/matchLabels").has("app.kubernetes.io/part-of")).isFalse();
        ObjectNode redis = find("StatefulSet", "redis");
        assertThat(redis.at("/spec/volumeClaimTemplates/0/metadata/labels/app.kubernetes.io~1part-of").asText())
                .isEqualTo("ticklist");
        assertThat(find("Service", "gateway").at("/spec/selector").has("app.kubernetes.io/part-of")).isFalse();
    }

    @Test
    void imagesAreRenamedAndRetaggedInContainersAndInitContainers() {
        JsonNode pod = find("Deployment", "gateway").at("/spec/template/spec");
        assertThat(pod.at("/containers/0/image").asText()).isEqualTo("registry.example/ticklist/gateway:0.1.1");
        assertThat(pod.at("/initContainers/0/image").asText()).isEqualTo("mirror.example/busybox:1.36");
        // A new tag replaces the digest too, as kustomize does.
        assertThat(find("StatefulSet", "redis").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("redis:7.4.3-alpine");
    }

    @Test
    void replicasAndJsonPatchesApply() {
        ObjectNode gateway = find("Deployment", "gateway");
        assertThat(gateway.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode container = gateway.at("/spec/template/spec/containers/0");
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
        assertThat(container.at("/resources").has("limits")).isFalse();
        assertThat(container.at("/env/2/name").asText()).isEqualTo("JAVA_TOOL_OPTIONS");
        assertThat(find("ConfigMap", "gateway-settings").at("/data/TICKLIST_GATEWAY_RATE_LIMIT_BURST_CAPACITY").asText())
                .isEqualTo("80");
        assertThat(find("KafkaNodePool", "dual").at("/metadata/annotations/note").asText()).isEqualTo("patched");
    }

    @Test
    void scalarsAreReadAsYaml12CoreLikeKubectlReadsThem() {
        JsonNode data = find("ConfigMap", "gateway-settings").get("data");
        assertThat(data.get("ports").isTextual()).isTrue();
        assertThat(data.get("flag").asText()).isEqualTo("yes");
        assertThat(YamlDocuments.parse("a: 22:22\nb: yes\nc: 0644\nd: 2024-01-01\ne: 1.5").toString())
                .isEqualTo("{\"a\":\"22:22\",\"b\":\"yes\",\"c\":420,\"d\":\"2024-01-01\",\"e\":1.5}");
    }

    /** Each kustomization beside one ConfigMap {@code cm}, and the words its refusal must hold. */
    static Stream<Arguments> refusedKustomizations() {
        return Stream.of(
                Arguments.of("an unsupported field, by name", """
                        resources: [cm.yaml]
                        configMapGenerator:
                          - name: settings
                            literals: [A=1]
                        """, "'configMapGenerator' is not supported"),
                Arguments.of("a strategic-merge patch", """
                        resources: [cm.yaml]
                        patches:
                          - target: {kind: ConfigMap}
                            patch: |-
                              apiVersion: v1
                              kind: ConfigMap
                              metadata: {name: cm}
                              data: {A: "2"}
                        """, "only RFC 6902 JSON patches"),
                Arguments.of("a patch target that matches nothing", """
                        resources: [cm.yaml]
                        patches:
                          - target: {kind: ConfigMap, name: cn}
                            patch: '[{"op": "add", "path": "/data", "value": {}}]'
                        """, "matches no resource"),
                Arguments.of("a failing patch, naming its resource", """
                        resources: [cm.yaml]
                        patches:
                          - target: {kind: ConfigMap}
                            patch: '[{"op": "remove", "path": "/data/B"}]'
                        """, "patch fails on v1 ConfigMap cm"),
                Arguments.of("labels on selectors", """
                        resources: [cm.yaml]
                        labels:
                          - pairs: {a: b}
                            includeSelectors: true
                        """, "includeSelectors: true"),
                Arguments.of("a resource listed twice", "resources: [cm.yaml, cm.yaml]\n", "listed twice"),
                Arguments.of("replicas for an unknown name",
                        "resources: [cm.yaml]\nreplicas: [{name: gateway, count: 2}]\n", "replicas names gateway"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKustomizations")
    void isRefusedWithAMessage(String what, String kustomization, String message, @TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", kustomization);
        write(dir, "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {A: a}\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining(message);
    }

    private ObjectNode find(String kind, String name) {
        return Manifests.find(overlay, kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
