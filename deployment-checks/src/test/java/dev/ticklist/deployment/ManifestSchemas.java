package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Kubernetes and Strimzi documents against the schemas of the API server and the operator,
 * as compiled into the fabric8 and Strimzi model classes. Those classes accept unknown fields into
 * {@code additionalProperties}, so after a strict deserialization (no scalar coercion: the API server
 * refuses {@code replicas: "2"} and {@code value: 8080} too) the object graph is walked and every
 * field left over is reported with its path.
 */
final class ManifestSchemas {

    /** The kinds our manifests may use, by apiVersion and kind; any other is an error. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/ResourceQuota", ResourceQuota.class),
            Map.entry("v1/LimitRange", LimitRange.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("apps/v1/DaemonSet", DaemonSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final ObjectMapper STRICT = strictMapper();

    private static final Map<Class<?>, List<BeanPropertyDefinition>> PROPERTIES = new ConcurrentHashMap<>();

    private ManifestSchemas() {
    }

    /** Every schema violation of one document; empty when it is valid. */
    static List<String> problems(JsonNode document) {
        String label = Manifests.label(document);
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            return List.of(label + ": unknown apiVersion/kind " + key + " (known: "
                    + MODELS.keySet().stream().sorted().toList() + ")");
        }
        Object parsed;
        try {
            parsed = STRICT.treeToValue(document, model);
        } catch (JsonMappingException e) {
            return List.of(label + ": " + jsonPath(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (Exception e) {
            return List.of(label + ": " + firstLine(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        walk(parsed, "", label, problems);
        return problems;
    }

    /** Every violation in a whole rendering. */
    static List<String> problems(List<? extends JsonNode> rendering) {
        return rendering.stream().flatMap(document -> problems(document).stream()).toList();
    }

    private static void walk(Object value, String path, String label, List<String> problems) {
        switch (value) {
            case null -> {
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), path + "[" + i + "]", label, problems);
                }
            }
            case Map<?, ?> map -> map.forEach((key, item) -> walk(item, join(path, String.valueOf(key)), label, problems));
            case Quantity quantity -> checkQuantity(quantity, path, label, problems);
            case Enum<?> constant -> {
                // A value Jackson already matched (Strimzi's listener types, for one); nothing below it.
            }
            default -> {
                if (isModel(value.getClass())) {
                    walkModel(value, path, label, problems);
                }
            }
        }
    }

    private static void walkModel(Object model, String path, String label, List<String> problems) {
        Map<?, ?> unknown = additionalProperties(model);
        if (unknown != null) {
            for (Object field : unknown.keySet()) {
                problems.add(label + ": " + join(path, String.valueOf(field)) + " is not a field of "
                        + model.getClass().getSimpleName());
            }
        }
        for (BeanPropertyDefinition property : properties(model.getClass())) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                walk(accessor.getValue(model), join(path, property.getName()), label, problems);
            }
        }
    }

    private static void checkQuantity(Quantity quantity, String path, String label, List<String> problems) {
        try {
            Quantity.getAmountInBytes(quantity);
        } catch (RuntimeException e) {
            problems.add(label + ": " + path + " is not a quantity: " + quantity);
        }
    }

    private static Map<?, ?> additionalProperties(Object model) {
        try {
            Method getter = model.getClass().getMethod("getAdditionalProperties");
            return getter.invoke(model) instanceof Map<?, ?> map ? map : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BeanPropertyDefinition> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, key -> {
            BeanDescription description = STRICT.getSerializationConfig().introspect(STRICT.constructType(key));
            return description.findProperties();
        });
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Where in the document Jackson failed, as {@code spec.template.spec.containers[0].ports}. */
    private static String jsonPath(JsonMappingException e) {
        String path = "";
        for (JsonMappingException.Reference reference : e.getPath()) {
            path = reference.getFieldName() != null ? join(path, reference.getFieldName())
                    : path + "[" + reference.getIndex() + "]";
        }
        return path.isEmpty() ? "(document)" : path;
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        // The API server refuses a number or boolean where a string belongs (env values, ConfigMap data).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
