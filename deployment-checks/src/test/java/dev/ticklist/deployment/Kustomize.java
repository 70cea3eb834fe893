package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization as {@code kubectl kustomize} (kustomize v5) does, for exactly the fields our
 * manifests use. Any other field is refused with a message rather than ignored: a renderer that skipped
 * a generator or a strategic-merge patch would validate something other than what gets deployed.
 * KustomizeAgreesWithKubectlTest compares the output with kubectl's wherever kubectl is installed.
 */
final class Kustomize {

    /** Fields of a Kustomization this renderer implements; anything else fails the rendering. */
    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "images", "labels", "replicas", "patches");

    private static final List<String> KUSTOMIZATION_FILES =
            List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /**
     * Kinds kustomize treats as cluster-scoped (its resid scope list, narrowed to kinds we could meet):
     * they get no metadata.namespace. Everything else, custom resources included, is namespaced.
     */
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass", "Node", "APIService",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "CSIDriver", "CSINode",
            "VolumeAttachment", "CertificateSigningRequest", "PodSecurityPolicy", "FlowSchema",
            "PriorityLevelConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");

    /** Kinds whose spec.replicas kustomize's replicas field sets. */
    private static final Set<String> REPLICATED_KINDS =
            Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet");

    /**
     * Where {@code labels[].includeTemplates} puts labels besides metadata.labels (kustomize's
     * templateLabels field specs), by kind.
     */
    private static final Map<String, List<String>> TEMPLATE_LABEL_PATHS = Map.of(
            "Deployment", List.of("spec/template/metadata/labels"),
            "ReplicaSet", List.of("spec/template/metadata/labels"),
            "DaemonSet", List.of("spec/template/metadata/labels"),
            "StatefulSet", List.of("spec/template/metadata/labels", "spec/volumeClaimTemplates[]/metadata/labels"),
            "Job", List.of("spec/template/metadata/labels"),
            "CronJob", List.of("spec/jobTemplate/metadata/labels", "spec/jobTemplate/spec/template/metadata/labels"));

    // kustomize (evanphx/json-patch) refuses to remove a key that is not there; zjsonpatch allows it unless told.
    private static final EnumSet<CompatibilityFlags> PATCH_FLAGS =
            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private Kustomize() {
    }

    /** The documents {@code kubectl kustomize dir} would print, in no particular order. */
    static List<ObjectNode> render(Path dir) {
        return render(dir.toAbsolutePath().normalize(), new HashSet<>());
    }

    private static List<ObjectNode> render(Path dir, Set<Path> visiting) {
        if (!visiting.add(dir)) {
            throw new IllegalArgumentException("kustomization cycle through " + dir);
        }
        Path file = kustomizationFile(dir);
        ObjectNode kustomization = YamlDocuments.object(YamlDocuments.read(file), file.toString());
        String where = file.toString();
        refuseUnsupported(kustomization, where);

        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode entry : list(kustomization, "resources", where)) {
            Path resource = dir.resolve(entry.asText()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(resource)
                    ? render(resource, visiting)
                    : loadResourceFile(resource, where);
            for (ObjectNode document : loaded) {
                if (byId.put(Manifests.id(document), document) != null) {
                    throw new IllegalArgumentException(where + ": resource " + Manifests.id(document)
                            + " is listed twice (kustomize refuses an already registered id)");
                }
            }
        }
        visiting.remove(dir);
        List<ObjectNode> resources = new ArrayList<>(byId.values());

        // The order of kustomize's built-in transformers: patches, namespace, labels, replicas, images.
        resources = applyPatches(dir, kustomization, resources, where);
        if (kustomization.hasNonNull("namespace")) {
            setNamespace(resources, kustomization.get("namespace").asText());
        }
        for (JsonNode label : list(kustomization, "labels", where)) {
            addLabels(resources, YamlDocuments.object(label, where + " labels[]"), where);
        }
        for (JsonNode replica : list(kustomization, "replicas", where)) {
            setReplicas(resources, YamlDocuments.object(replica, where + " replicas[]"), where);
        }
        for (JsonNode image : list(kustomization, "images", where)) {
            setImages(resources, YamlDocuments.object(image, where + " images[]"), where);
        }
        return resources;
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : KUSTOMIZATION_FILES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalArgumentException(dir + " holds no kustomization.yaml");
    }

    private static void refuseUnsupported(ObjectNode kustomization, String where) {
        for (String field : iterable(kustomization.fieldNames())) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": the kustomization field '" + field
                        + "' is not supported by this renderer (supported: " + SUPPORTED_FIELDS.stream().sorted().toList()
                        + "); extend Kustomize or use a supported field");
            }
        }
        String kind = kustomization.path("kind").asText("Kustomization");
        if (!kind.equals("Kustomization")) {
            throw new IllegalArgumentException(where + ": kind " + kind + " is not supported (only Kustomization)");
        }
    }

    private static List<ObjectNode> loadResourceFile(Path file, String where) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + ": resource " + file + " does not exist");
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode document : YamlDocuments.readAll(file)) {
            ObjectNode object = YamlDocuments.object(document, file.toString());
            if (!object.hasNonNull("apiVersion") || !object.hasNonNull("kind")
                    || !object.path("metadata").hasNonNull("name")) {
                throw new IllegalArgumentException(file + ": a document lacks apiVersion, kind or metadata.name");
            }
            documents.add(object);
        }
        return documents;
    }

    // ---- patches: RFC 6902 only, each with a target

    private static List<ObjectNode> applyPatches(Path dir, ObjectNode kustomization, List<ObjectNode> resources,
                                                 String where) {
        for (JsonNode entry : list(kustomization, "patches", where)) {
            ObjectNode patchEntry = YamlDocuments.object(entry, where + " patches[]");
            onlyFields(patchEntry, Set.of("patch", "path", "target"), where + " patches[]");
            if (patchEntry.has("patch") == patchEntry.has("path")) {
                throw new IllegalArgumentException(where + ": a patch needs exactly one of 'patch' and 'path'");
            }
            String source = patchEntry.has("path") ? dir.resolve(patchEntry.get("path").asText()).toString()
                    : where + " (inline patch)";
            JsonNode operations = patchEntry.has("path")
                    ? YamlDocuments.read(dir.resolve(patchEntry.get("path").asText()))
                    : YamlDocuments.parse(patchEntry.get("patch").asText());
            if (!operations.isArray()) {
                throw new IllegalArgumentException(source + ": only RFC 6902 JSON patches (a list of operations)"
                        + " are supported, not strategic-merge patches");
            }
            if (!(patchEntry.get("target") instanceof ObjectNode target)) {
                throw new IllegalArgumentException(source + ": a JSON patch needs a target");
            }
            onlyFields(target, Set.of("group", "version", "kind", "name", "namespace"), source + " target");
            JsonPatch.validate(operations);

            List<ObjectNode> patched = new ArrayList<>();
            int matched = 0;
            for (ObjectNode resource : resources) {
                if (matches(target, resource)) {
                    matched++;
                    try {
                        patched.add((ObjectNode) JsonPatch.apply(operations, resource, PATCH_FLAGS));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(source + ": patch fails on " + Manifests.id(resource)
                                + ": " + e.getMessage(), e);
                    }
                } else {
                    patched.add(resource);
                }
            }
            // Stricter than kustomize, which quietly patches nothing: a target that matches nothing is a typo.
            if (matched == 0) {
                throw new IllegalArgumentException(source + ": the patch target " + target + " matches no resource");
            }
            resources = patched;
        }
        return resources;
    }

    /** kustomize's selector: every given field is an anchored regular expression. */
    private static boolean matches(ObjectNode target, ObjectNode resource) {
        String apiVersion = resource.get("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return fieldMatches(target, "group", group)
                && fieldMatches(target, "version", version)
                && fieldMatches(target, "kind", resource.get("kind").asText())
                && fieldMatches(target, "name", resource.path("metadata").path("name").asText())
                && fieldMatches(target, "namespace", resource.path("metadata").path("namespace").asText(""));
    }

    private static boolean fieldMatches(ObjectNode target, String field, String value) {
        String wanted = target.path(field).asText("");
        return wanted.isEmpty() || Pattern.matches(wanted, value);
    }

    // ---- namespace

    private static void setNamespace(List<ObjectNode> resources, String namespace) {
        for (ObjectNode resource : resources) {
            String kind = resource.get("kind").asText();
            if (kind.endsWith("RoleBinding")) {
                throw new IllegalArgumentException("namespace with " + Manifests.id(resource)
                        + ": kustomize also rewrites subjects' namespaces, which this renderer does not do");
            }
            ObjectNode metadata = (ObjectNode) resource.get("metadata");
            if (kind.equals("Namespace") && resource.get("apiVersion").asText().equals("v1")) {
                // kustomize renames Namespace objects to the namespace it sets (kubectl kustomize confirms).
                metadata.put("name", namespace);
            } else if (!CLUSTER_SCOPED_KINDS.contains(kind)) {
                metadata.put("namespace", namespace);
            }
        }
    }

    // ---- labels

    private static void addLabels(List<ObjectNode> resources, ObjectNode label, String where) {
        onlyFields(label, Set.of("pairs", "includeSelectors", "includeTemplates"), where + " labels[]");
        if (label.path("includeSelectors").asBoolean(false)) {
            throw new IllegalArgumentException(where + ": labels with includeSelectors: true are not supported"
                    + " (selectors are immutable; keep them out of common labels)");
        }
        ObjectNode pairs = YamlDocuments.object(label.get("pairs"), where + " labels[].pairs");
        boolean templates = label.path("includeTemplates").asBoolean(false);
        for (ObjectNode resource : resources) {
            addPairs(resource, "metadata/labels", pairs);
            if (templates) {
                for (String path : TEMPLATE_LABEL_PATHS.getOrDefault(resource.get("kind").asText(), List.of())) {
                    addPairs(resource, path, pairs);
                }
            }
        }
    }

    /** Adds the pairs at a slash-separated path, creating maps on the way; {@code name[]} means every item. */
    private static void addPairs(ObjectNode node, String path, ObjectNode pairs) {
        int slash = path.indexOf('/');
        String head = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? null : path.substring(slash + 1);
        if (head.endsWith("[]")) {
            if (node.get(head.substring(0, head.length() - 2)) instanceof ArrayNode items) {
                for (JsonNode item : items) {
                    if (item instanceof ObjectNode object) {
                        addPairs(object, rest, pairs);
                    }
                }
            }
            return;
        }
        ObjectNode child = node.get(head) instanceof ObjectNode existing ? existing : node.putObject(head);
        if (rest == null) {
            pairs.properties().forEach(pair -> child.put(pair.getKey(), pair.getValue().asText()));
        } else {
            addPairs(child, rest, pairs);
        }
    }

    // ---- replicas

    private static void setReplicas(List<ObjectNode> resources, ObjectNode replica, String where) {
        onlyFields(replica, Set.of("name", "count"), where + " replicas[]");
        if (!replica.path("count").canConvertToExactIntegral()) {
            throw new IllegalArgumentException(where + ": replicas[].count " + replica.get("count") + " is not an integer");
        }
        String name = replica.path("name").asText();
        boolean found = false;
        for (ObjectNode resource : resources) {
            if (REPLICATED_KINDS.contains(resource.get("kind").asText())
                    && resource.path("metadata").path("name").asText().equals(name)) {
                found = true;
                ObjectNode spec = resource.get("spec") instanceof ObjectNode existing ? existing : resource.putObject("spec");
                spec.set("replicas", replica.get("count"));
            }
        }
        if (!found) {
            // kustomize fails here too.
            throw new IllegalArgumentException(where + ": replicas names " + name + ", which is no "
                    + REPLICATED_KINDS.stream().sorted().toList());
        }
    }

    // ---- images

    private static void setImages(List<ObjectNode> resources, ObjectNode image, String where) {
        onlyFields(image, Set.of("name", "newName", "newTag", "digest"), where + " images[]");
        for (String field : List.of("name", "newName", "newTag", "digest")) {
            if (image.has(field) && !image.get(field).isTextual()) {
                // kustomize keeps the text as written (1.10 stays 1.10); a YAML number here would not.
                throw new IllegalArgumentException(where + ": images[]." + field + " " + image.get(field)
                        + " is not a YAML string; quote it");
            }
        }
        for (ObjectNode resource : resources) {
            setImages(resource, image);
        }
    }

    /**
     * Like kustomize's image transformer (its legacy filter): every item of any {@code containers} or
     * {@code initContainers} list anywhere in the resource, so CronJobs and pod templates alike.
     */
    private static void setImages(JsonNode node, ObjectNode image) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean containers = field.getKey().equals("containers") || field.getKey().equals("initContainers");
                if (containers && field.getValue() instanceof ArrayNode items) {
                    for (JsonNode item : items) {
                        if (item instanceof ObjectNode container && container.path("image").isTextual()) {
                            String updated = updatedImage(container.get("image").asText(), image);
                            if (updated != null) {
                                container.put("image", updated);
                            }
                        }
                    }
                } else {
                    setImages(field.getValue(), image);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> setImages(item, image));
        }
    }

    /** The new reference, or null when the image is not the one named. */
    private static String updatedImage(String current, ObjectNode image) {
        ImageReference reference = ImageReference.parse(current);
        if (!reference.name().equals(image.path("name").asText())) {
            return null;
        }
        String name = image.path("newName").asText(reference.name());
        String newTag = image.hasNonNull("newTag") ? image.get("newTag").asText() : null;
        String digest = image.hasNonNull("digest") ? image.get("digest").asText() : null;
        if (newTag != null || digest != null) {
            return new ImageReference(name, newTag, digest).toString();
        }
        return new ImageReference(name, reference.tag(), reference.digest()).toString();
    }

    // ---- helpers

    private static List<JsonNode> list(ObjectNode kustomization, String field, String where) {
        JsonNode value = kustomization.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static void onlyFields(ObjectNode node, Set<String> allowed, String where) {
        for (String field : iterable(node.fieldNames())) {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": field '" + field + "' is not supported (supported: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
