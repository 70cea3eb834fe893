package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema check catches what the API server or the Strimzi operator would refuse, and passes the rest. */
class ManifestSchemasTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
            spec:
              replicas: 2
              selector:
                matchLabels: {app: gateway}
              template:
                metadata:
                  labels: {app: gateway}
                spec:
                  containers:
                    - name: gateway
                      image: ticklist/gateway:0.1.0
                      ports: [{name: http, containerPort: 8080}]
                      env: [{name: SERVER_PORT, value: "8080"}]
                      livenessProbe:
                        httpGet: {path: /actuator/health/liveness, port: http}
                      resources:
                        requests: {cpu: 100m, memory: 256Mi}
            """;

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(problems(DEPLOYMENT)).isEmpty();
    }

    @Test
    void misspelledFieldsAreReportedWithTheirPath() {
        assertThat(problems(DEPLOYMENT.replace("  replicas: 2", "  replica: 2")))
                .containsExactly("Deployment gateway: spec.replica is not a field of DeploymentSpec");
        assertThat(problems(DEPLOYMENT.replace("      image:", "      imagee:")))
                .containsExactly("Deployment gateway: spec.template.spec.containers[0].imagee is not a field of Container");
        assertThat(problems(DEPLOYMENT.replace("port: http}", "portt: http}")))
                .containsExactly("Deployment gateway: spec.template.spec.containers[0].livenessProbe.httpGet.portt"
                        + " is not a field of HTTPGetAction");
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: two")))
                .singleElement().asString().startsWith("Deployment gateway: spec.replicas: ");
        // The API server refuses a quoted number for an integer and a number for a string.
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\""))).hasSize(1);
        assertThat(problems(DEPLOYMENT.replace("value: \"8080\"", "value: 8080")))
                .singleElement().asString().startsWith("Deployment gateway: spec.template.spec.containers[0].env[0].value: ");
        assertThat(problems(DEPLOYMENT.replace("ports: [{", "ports: {")
                .replace("8080}]", "8080}")))
                .singleElement().asString().startsWith("Deployment gateway: spec.template.spec.containers[0].ports: ");
        assertThat(problems(DEPLOYMENT.replace("cpu: 100m", "cpu: 100x")))
                .containsExactly("Deployment gateway: spec.template.spec.containers[0].resources.requests.cpu"
                        + " is not a quantity: 100x");
    }

    @Test
    void unknownKindsAndVersionsAreReported() {
        assertThat(problems(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")))
                .singleElement().asString().startsWith("Deploymnet gateway: unknown apiVersion/kind apps/v1/Deploymnet");
        assertThat(problems(DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v1beta1")))
                .singleElement().asString().contains("unknown apiVersion/kind apps/v1beta1/Deployment");
    }

    @Test
    void strimziResourcesAreCheckedAgainstTheOperatorsSchema() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: ticklist.catalog
                  labels: {strimzi.io/cluster: ticklist}
                spec:
                  partitions: 3
                  replicas: 1
                  config: {cleanup.policy: delete, retention.ms: -1}
                """;
        assertThat(problems(topic)).isEmpty();
        assertThat(problems(topic.replace("partitions:", "partition:")))
                .containsExactly("KafkaTopic ticklist.catalog: spec.partition is not a field of KafkaTopicSpec");
        assertThat(problems(topic.replace("partitions: 3", "partitions: three"))).hasSize(1);
    }

    @Test
    void theFixtureRendersToValidManifests() {
        assertThat(ManifestSchemas.problems(Kustomize.render(Fixtures.kustomize("overlay")))).isEmpty();
    }

    private static List<String> problems(String yaml) {
        return ManifestSchemas.problems(YamlDocuments.parse(yaml));
    }
}
