package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules schemas cannot express catch a pod that would run unprobed, as root, or with a stray secret. */
class WorkloadRulesTest {

    private static final String SAFE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway}
            spec:
              template:
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: gateway
                      ports: [{name: http, containerPort: 8080}]
                      env:
                        - name: TICKLIST_IDENTITY_PUBLIC_KEY
                          valueFrom: {secretKeyRef: {name: ticklist-secrets, key: identity-public-key}}
                        - name: TICKLIST_IDENTITY_PRIVATE_KEY
                          valueFrom: {secretKeyRef: {name: ticklist-gateway-identity, key: identity-private-key}}
                        - name: SPRING_DATA_REDIS_PASSWORD
                          valueFrom: {secretKeyRef: {name: ticklist-secrets, key: redis-password-gateway}}
                        - name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
                          valueFrom: {secretKeyRef: {name: kafka-user-gateway, key: sasl.jaas.config}}
                        - name: SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES
                          valueFrom: {secretKeyRef: {name: ticklist-cluster-ca-cert, key: ca.crt}}
                      livenessProbe: {httpGet: {path: /live, port: http}}
                      readinessProbe: {httpGet: {path: /ready, port: 8080}}
                      resources: {requests: {cpu: 100m, memory: 256Mi}}
                      securityContext: {readOnlyRootFilesystem: true}
            """;

    @Test
    void aSafeDeploymentPasses() {
        assertThat(problems(SAFE)).isEmpty();
    }

    @Test
    void eachUnsafeSettingIsReported() {
        assertThat(problems(SAFE.replace("readinessProbe", "startupProbe")))
                .containsExactly("Deployment gateway container gateway: has no readinessProbe");
        assertThat(problems(SAFE.replace("cpu: 100m, ", "")))
                .containsExactly("Deployment gateway container gateway: resources.requests must set cpu and memory");
        assertThat(problems(SAFE.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .containsExactly("Deployment gateway container gateway: securityContext.readOnlyRootFilesystem must be true");
        assertThat(problems(SAFE.replace("{runAsNonRoot: true}", "{runAsUser: 0}")))
                .containsExactly("Deployment gateway container gateway: runAsNonRoot must be true (container or pod securityContext)",
                        "Deployment gateway container gateway: runAsUser is 0 (root)");
        assertThat(problems(SAFE.replace("name: ticklist-secrets, key: identity", "name: gateway-secrets, key: identity")))
                .containsExactly("Deployment gateway container gateway: env TICKLIST_IDENTITY_PUBLIC_KEY reads Secret"
                        + " 'gateway-secrets', not ticklist-secrets");
        assertThat(problems(SAFE.replace("name: gateway}", "name: checklist-service}")
                .replace("- name: gateway\n", "- name: checklist-service\n")
                .replace("redis-password-gateway", "redis-password-checklist-service")
                .replace("kafka-user-gateway", "kafka-user-checklist-service")))
                .containsExactly("Deployment checklist-service container checklist-service: only the gateway may hold"
                        + " TICKLIST_IDENTITY_PRIVATE_KEY");
        assertThat(problems(SAFE.replace("port: http}", "port: web}")))
                .containsExactly("Deployment gateway container gateway: livenessProbe.httpGet.port 'web' is no port"
                        + " name of the container [http]");
    }

    @Test
    void aWorkloadReadsOnlyItsOwnKafkaLoginAndRedisPassword() {
        assertThat(problems(SAFE.replace("name: kafka-user-gateway", "name: kafka-user-progress-service")))
                .containsExactly("Deployment gateway container gateway: env SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"
                        + " reads Secret 'kafka-user-progress-service', another workload's Kafka login");
        assertThat(problems(SAFE.replace("key: redis-password-gateway", "key: redis-password-progress-service")))
                .containsExactly("Deployment gateway container gateway: env SPRING_DATA_REDIS_PASSWORD reads"
                        + " redis-password-progress-service, another workload's Redis password");
        String volumes = """
                      volumes:
                        - name: passwords
                          secret:
                            secretName: ticklist-secrets
                            items: [{key: redis-password-progress-service, path: p}]
                        - name: everything
                          secret: {secretName: ticklist-secrets}
                """;
        assertThat(problems(SAFE + volumes)).containsExactly(
                "Deployment gateway volume passwords reads redis-password-progress-service, another workload's Redis password",
                "Deployment gateway volume everything: mounts all of Secret 'ticklist-secrets'; name the keys it needs (items)");
    }

    @Test
    void aStrimziResourceMustNameAKafkaOfItsNamespace() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: ticklist}}
                """;
        String kafka = "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: ticklist}\n";
        assertThat(problems(topic + "---\n" + kafka)).isEmpty();
        assertThat(problems(topic)).containsExactly(
                "KafkaTopic t: label strimzi.io/cluster 'ticklist' names no Kafka of the same namespace in the rendering");
    }

    private static List<String> problems(String yaml) {
        List<ObjectNode> rendering = YamlDocuments.parseAll(yaml).stream()
                .map(document -> YamlDocuments.object(document, "test"))
                .toList();
        return WorkloadRules.problems(rendering);
    }
}
