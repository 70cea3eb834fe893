package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules of a rendering that no schema can express: how our pods must run, and references between
 * resources that must resolve.
 */
final class WorkloadRules {

    /** The one Secret the services read credentials from (created outside the manifests). */
    static final String SECRET = "ticklist-secrets";
    /** The identity's private key, apart: the gateway alone signs, so no other workload may read it. */
    static final String GATEWAY_IDENTITY_SECRET = "ticklist-gateway-identity";
    /** Strimzi's User Operator writes each KafkaUser's login into a Secret of this prefix (kafka.yaml). */
    static final String KAFKA_USER_SECRET_PREFIX = "kafka-user-";
    /** The Kafka cluster CA's certificate, which Strimzi publishes for clients. */
    static final String KAFKA_CLUSTER_CA_SECRET = "ticklist-cluster-ca-cert";
    /** A service's Redis password in ticklist-secrets: {@code redis-password-<service>}. */
    static final String REDIS_PASSWORD_KEY_PREFIX = "redis-password-";
    /** The one workload that reads every service's Redis password (to make their users). */
    private static final String REDIS = "redis";

    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

    private WorkloadRules() {
    }

    static List<String> problems(List<ObjectNode> rendering) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : rendering) {
            String kind = Manifests.kind(document);
            if (kind.equals("Deployment")) {
                deployment(document, problems);
            }
            if (kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("DaemonSet")) {
                secretReferences(document, problems);
                namedProbePorts(document, problems);
            }
            if (kind.equals("KafkaTopic") || kind.equals("KafkaNodePool") || kind.equals("KafkaUser")) {
                strimziCluster(document, rendering, problems);
            }
        }
        return problems;
    }

    /** Every container of a Deployment is probed, asks for resources, and runs as non-root on a read-only root. */
    private static void deployment(ObjectNode deployment, List<String> problems) {
        String label = Manifests.label(deployment);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            String where = label + " container " + container.path("name").asText();
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                if (!container.has(probe)) {
                    problems.add(where + ": has no " + probe);
                }
            }
            JsonNode requests = container.path("resources").path("requests");
            if (!requests.has("cpu") || !requests.has("memory")) {
                problems.add(where + ": resources.requests must set cpu and memory");
            }
            JsonNode security = container.path("securityContext");
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + ": securityContext.readOnlyRootFilesystem must be true");
            }
            // The container's setting overrides the pod's.
            JsonNode nonRoot = security.has("runAsNonRoot") ? security.get("runAsNonRoot") : podSecurity.get("runAsNonRoot");
            if (nonRoot == null || !nonRoot.asBoolean(false)) {
                problems.add(where + ": runAsNonRoot must be true (container or pod securityContext)");
            }
            JsonNode user = security.has("runAsUser") ? security.get("runAsUser") : podSecurity.get("runAsUser");
            if (user != null && user.asLong(-1) == 0) {
                problems.add(where + ": runAsUser is 0 (root)");
            }
        }
    }

    /**
     * Every secret a pod reads is the one Secret of Ticklist, with three exceptions, each read by its
     * owner alone: the identity's private key (the gateway), a service's Kafka login (the Secret
     * {@code kafka-user-<service>} that Strimzi's User Operator makes) and, within ticklist-secrets, a
     * service's Redis password ({@code redis-password-<service>}; the Redis pod reads them all). The
     * Kafka cluster CA's certificate is public and may be read by any.
     */
    private static void secretReferences(ObjectNode workload, List<String> problems) {
        String label = Manifests.label(workload);
        String owner = workload.path("metadata").path("name").asText();
        boolean gateway = owner.equals("gateway");
        for (JsonNode container : allContainers(workload)) {
            String where = label + " container " + container.path("name").asText();
            for (JsonNode env : container.path("env")) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                boolean privateKey = env.path("name").asText().equals("TICKLIST_IDENTITY_PRIVATE_KEY");
                if (privateKey && !gateway) {
                    problems.add(where + ": only the gateway may hold TICKLIST_IDENTITY_PRIVATE_KEY");
                    continue;
                }
                if (privateKey && ref.path("name").asText().equals(GATEWAY_IDENTITY_SECRET)) {
                    continue;
                }
                if (!ref.isMissingNode()) {
                    secretKey(where + ": env " + env.path("name").asText(), owner, ref.path("name").asText(),
                            ref.path("key").asText(), problems);
                }
            }
            for (JsonNode source : container.path("envFrom")) {
                JsonNode ref = source.path("secretRef");
                if (!ref.isMissingNode() && !ref.path("name").asText().equals(SECRET)) {
                    problems.add(where + ": envFrom reads Secret '" + ref.path("name").asText() + "', not " + SECRET);
                }
            }
        }
        for (JsonNode volume : workload.path("spec").path("template").path("spec").path("volumes")) {
            JsonNode secret = volume.path("secret");
            if (secret.isMissingNode()) {
                continue;
            }
            String where = label + " volume " + volume.path("name").asText();
            if (!secret.has("items")) {
                problems.add(where + ": mounts all of Secret '" + secret.path("secretName").asText()
                        + "'; name the keys it needs (items)");
            }
            for (JsonNode item : secret.path("items")) {
                secretKey(where, owner, secret.path("secretName").asText(), item.path("key").asText(), problems);
            }
        }
    }

    /** Whether the workload {@code owner} may read this key of this Secret. */
    private static void secretKey(String where, String owner, String secret, String key, List<String> problems) {
        if (secret.equals(KAFKA_CLUSTER_CA_SECRET)) {
            return;
        }
        if (secret.startsWith(KAFKA_USER_SECRET_PREFIX)) {
            if (!secret.equals(KAFKA_USER_SECRET_PREFIX + owner)) {
                problems.add(where + " reads Secret '" + secret + "', another workload's Kafka login");
            }
            return;
        }
        if (!secret.equals(SECRET)) {
            problems.add(where + " reads Secret '" + secret + "', not " + SECRET);
            return;
        }
        if (key.startsWith(REDIS_PASSWORD_KEY_PREFIX) && !owner.equals(REDIS)
                && !key.equals(REDIS_PASSWORD_KEY_PREFIX + owner)) {
            problems.add(where + " reads " + key + ", another workload's Redis password");
        }
    }

    /** A probe that names its port ({@code port: http}) names a port of its own container. */
    private static void namedProbePorts(ObjectNode workload, List<String> problems) {
        String label = Manifests.label(workload);
        for (JsonNode container : allContainers(workload)) {
            Set<String> names = new HashSet<>();
            container.path("ports").forEach(port -> names.add(port.path("name").asText()));
            for (String probe : PROBES) {
                for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                    JsonNode port = container.path(probe).path(handler).path("port");
                    if (port.isTextual() && !port.asText().matches("[0-9]+") && !names.contains(port.asText())) {
                        problems.add(label + " container " + container.path("name").asText() + ": " + probe + "."
                                + handler + ".port '" + port.asText() + "' is no port name of the container " + names);
                    }
                }
            }
        }
    }

    /** The Strimzi operators act only on resources labelled with the Kafka cluster they belong to. */
    private static void strimziCluster(ObjectNode document, List<ObjectNode> rendering, List<String> problems) {
        String cluster = document.path("metadata").path("labels").path("strimzi.io/cluster").asText("");
        String namespace = document.path("metadata").path("namespace").asText("");
        boolean exists = Manifests.ofKind(rendering, "Kafka").stream().anyMatch(kafka ->
                Manifests.name(kafka).equals(cluster)
                        && kafka.path("metadata").path("namespace").asText("").equals(namespace));
        if (!exists) {
            problems.add(Manifests.label(document) + ": label strimzi.io/cluster '" + cluster
                    + "' names no Kafka of the same namespace in the rendering");
        }
    }

    private static List<JsonNode> allContainers(JsonNode workload) {
        JsonNode pod = workload.path("spec").path("template").path("spec");
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        return containers;
    }
}
