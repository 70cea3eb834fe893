package dev.ticklist.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Nobody reaches Kafka without logging in, and an unlisted grant is a refusal: the brokers of compose
 * and of every overlay authenticate every listener other clients can reach and authorize with ACLs,
 * and every service connects with SASL (over TLS on Kubernetes) as its own user.
 */
class KafkaAuthenticationTest {

    @Test
    void composesBrokerAuthenticatesEveryListenerButItsLoopbackControllerAndAuthorizes() {
        Properties broker = brokerConfig();
        assertThat(listenerProblems(broker)).isEmpty();
        assertThat(broker.getProperty("authorizer.class.name"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(broker.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        // The broker's own login is added at start (docker/kafka/start.sh); no service is a super user.
        assertThat(List.of(broker.getProperty("super.users").split(";"))).containsExactlyInAnyOrder("User:admin", "User:ANONYMOUS");
    }

    @Test
    void aPlaintextListenerOthersCanReachIsRefused() {
        Properties broker = new Properties();
        broker.putAll(brokerConfig());
        broker.setProperty("listeners", "INTERNAL://:19092,CONTROLLER://:9093");
        broker.setProperty("listener.security.protocol.map", "INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(listenerProblems(broker)).containsExactly(
                "listener INTERNAL://:19092 is PLAINTEXT: clients must log in (SASL)",
                "listener CONTROLLER://:9093 is PLAINTEXT and not on loopback");
    }

    @Test
    void everyComposeServiceLogsInToKafkaAsItself() {
        ComposeFile compose = ComposeFile.read(Repository.composeFile());
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            Map<String, String> environment = compose.environment(service);
            String where = compose.source() + " service " + service;
            expect(problems, where, environment, "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            expect(problems, where, environment, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
            problems.addAll(ServiceSecrets.ownFolderProblems(compose, service));
        }
        assertThat(problems).isEmpty();
        // Each service's folder gets its own JAAS line, with its user name and the password made for it.
        assertThat(ServiceSecrets.script()).contains(
                "write spring.kafka.properties.sasl.jaas.config \"org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\\\"$service\\\" password=\\\"$(cat \"$kafka/$service\")\\\";\"");
    }

    @Test
    void everyOverlaysKafkaListenerUsesTlsAndScramAndEveryServiceLogsInAsItself() {
        List<String> problems = new ArrayList<>();
        for (Path overlay : Repository.overlays()) {
            String where = Repository.relative(overlay);
            List<ObjectNode> rendering = Kustomize.render(overlay);
            for (ObjectNode kafka : Manifests.ofKind(rendering, "Kafka")) {
                JsonNode spec = kafka.path("spec").path("kafka");
                for (JsonNode listener : spec.path("listeners")) {
                    String name = where + " Kafka " + Manifests.name(kafka) + " listener " + listener.path("name").asText();
                    if (!listener.path("tls").asBoolean(false)) {
                        problems.add(name + " has no TLS");
                    }
                    if (!listener.path("authentication").path("type").asText().equals("scram-sha-512")) {
                        problems.add(name + " does not authenticate with scram-sha-512");
                    }
                }
                if (!spec.path("authorization").path("type").asText().equals("simple")) {
                    problems.add(where + " Kafka " + Manifests.name(kafka) + " has no simple authorization");
                }
            }
            for (String service : Repository.SERVICES) {
                Map<String, JsonNode> env = ServiceSecrets.deploymentEnvironment(rendering, service);
                String name = where + " Deployment " + service;
                expectValue(problems, name, env, "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
                expectValue(problems, name, env, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
                expectSecret(problems, name, env, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                        WorkloadRules.KAFKA_USER_SECRET_PREFIX + service, "sasl.jaas.config");
                expectSecret(problems, name, env, "SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES",
                        WorkloadRules.KAFKA_CLUSTER_CA_SECRET, "ca.crt");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every listener is SASL, but the controller's if it listens on loopback only (its one client is the broker). */
    static List<String> listenerProblems(Properties broker) {
        Map<String, String> protocols = new java.util.HashMap<>();
        for (String entry : broker.getProperty("listener.security.protocol.map", "").split(",")) {
            String[] parts = entry.split(":");
            protocols.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
        }
        List<String> problems = new ArrayList<>();
        for (String listener : broker.getProperty("listeners", "").split(",")) {
            String name = listener.substring(0, listener.indexOf(':')).strip();
            String protocol = protocols.getOrDefault(name, name);
            boolean loopback = listener.contains("//127.0.0.1:") || listener.contains("//[::1]:") || listener.contains("//localhost:");
            if (protocol.startsWith("SASL_")) {
                continue;
            }
            if (name.equals(broker.getProperty("controller.listener.names")) && loopback) {
                continue;
            }
            problems.add(name.equals(broker.getProperty("controller.listener.names"))
                    ? "listener " + listener + " is " + protocol + " and not on loopback"
                    : "listener " + listener + " is " + protocol + ": clients must log in (SASL)");
        }
        return problems;
    }

    private static Properties brokerConfig() {
        Path file = Repository.root().resolve("docker/kafka/server.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void expect(List<String> problems, String where, Map<String, String> environment, String name, String value) {
        if (!value.equals(environment.get(name))) {
            problems.add(where + ": " + name + " must be " + value + ", is " + environment.get(name));
        }
    }

    private static void expectValue(List<String> problems, String where, Map<String, JsonNode> env, String name, String value) {
        JsonNode variable = env.get(name);
        if (variable == null || !variable.path("value").asText().equals(value)) {
            problems.add(where + ": " + name + " must be " + value + ", is " + (variable == null ? null : variable.path("value")));
        }
    }

    static void expectSecret(List<String> problems, String where, Map<String, JsonNode> env, String name,
                             String secret, String key) {
        JsonNode ref = env.containsKey(name) ? env.get(name).path("valueFrom").path("secretKeyRef") : null;
        if (ref == null || !ref.path("name").asText().equals(secret) || !ref.path("key").asText().equals(key)) {
            problems.add(where + ": " + name + " must come from Secret " + secret + " key " + key);
        }
    }
}
