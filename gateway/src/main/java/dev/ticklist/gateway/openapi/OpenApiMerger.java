package dev.ticklist.gateway.openapi;

import dev.ticklist.gateway.apikey.ApiKeyAuthenticationConverter;
import dev.ticklist.platform.openapi.DocumentedProblems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the parts' OpenAPI 3 documents into the one document of the whole public API, as the
 * gateway serves it. Of each part it takes the paths under {@code /api/v1/} (never
 * {@code /internal/**} or anything else the gateway does not route), the components those paths
 * use (directly or through other components), and the tags they use. A component two parts
 * define differently keeps its name in the first part; in the others it becomes
 * {@code <part>.<name>} ({@code progress-service.Cohort}) and that part's {@code $ref}s follow.
 * Identical components are shared. The parts' servers, info and security schemes are dropped:
 * the whole document is served from the gateway ({@code servers: [{url: /}]}) and every
 * operation takes an organisation's API key (as a bearer token or in {@code X-Api-Key}).
 * Pure: no Spring, no I/O, the parts are not changed.
 */
public final class OpenApiMerger {

    /** Top-level extension naming the parts that could not be fetched; absent when none is missing. */
    public static final String MISSING_SERVICES = "x-ticklist-missing-services";
    public static final String BEARER_API_KEY = "bearerApiKey";
    public static final String HEADER_API_KEY = "headerApiKey";
    public static final String TITLE = "Ticklist API";
    static final String OPENAPI_VERSION = "3.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiMerger.class);
    private static final String PUBLIC_PATHS = "/api/v1/";
    private static final String COMPONENTS = "#/components/";
    private static final String SECURITY_SCHEMES = "securitySchemes";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> OUR_SCHEMES = Set.of(BEARER_API_KEY, HEADER_API_KEY);

    private final String apiVersion;

    /** @param apiVersion the document's {@code info.version} */
    public OpenApiMerger(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** One part's document, named after the service (or {@code gateway}) it describes. */
    public record Part(String name, ObjectNode document) {
    }

    /**
     * @param parts   the documents fetched, in order of precedence
     * @param missing the names of the parts that could not be fetched
     */
    public ObjectNode merge(List<Part> parts, Collection<String> missing) {
        ObjectNode whole = OpenApiJson.object();
        whole.put("openapi", OPENAPI_VERSION);
        ObjectNode info = whole.putObject("info");
        info.put("title", TITLE);
        info.put("version", apiVersion);
        info.put("description", "The whole public Ticklist API, as the gateway serves it. Every request takes an "
                + "organisation's API key, as 'Authorization: Bearer tk_…' or 'X-Api-Key: tk_…'; its scopes decide "
                + "what it may call (read: GET; write: also changes; admin: also webhooks and API keys).");
        // No licence has been chosen for the API yet: say so rather than leave clients guessing.
        info.putObject("license").put("name", "Proprietary").put("identifier", "LicenseRef-Proprietary");
        whole.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ArrayNode security = whole.putArray("security");
        OUR_SCHEMES.stream().sorted().forEach(scheme -> security.addObject().putArray(scheme));
        ArrayNode tags = whole.putArray("tags");
        ObjectNode paths = whole.putObject("paths");
        ObjectNode components = whole.putObject("components");
        for (Part part : parts) {
            add(part, tags, paths, components);
        }
        components.set(SECURITY_SCHEMES, securitySchemes());
        paths.valueStream().filter(JsonNode::isObject)
                .flatMap(item -> operations((ObjectNode) item).stream())
                .forEach(OpenApiMerger::addRateLimitAnswer);
        if (tags.isEmpty()) {
            whole.remove("tags");
        }
        if (!missing.isEmpty()) {
            ArrayNode names = whole.putArray(MISSING_SERVICES);
            missing.forEach(names::add);
        }
        return whole;
    }

    private static void add(Part part, ArrayNode tags, ObjectNode paths, ObjectNode components) {
        ObjectNode publicPaths = OpenApiJson.object();
        part.document().path("paths").propertyStream()
                .filter(path -> path.getKey().startsWith(PUBLIC_PATHS) && path.getValue().isObject())
                .forEach(path -> publicPaths.set(path.getKey(), path.getValue().deepCopy()));
        ObjectNode used = usedComponents(part.document(), publicPaths);
        Map<String, String> renames = renames(part.name(), used, components);
        rewriteRefs(publicPaths, renames);
        rewriteRefs(used, renames);

        for (var section : used.properties()) {
            ObjectNode target = components.has(section.getKey())
                    ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
            for (var component : section.getValue().properties()) {
                String name = nameOf(renames.getOrDefault(ref(section.getKey(), component.getKey()),
                        ref(section.getKey(), component.getKey())));
                if (!target.has(name)) {
                    target.set(name, component.getValue());
                }
            }
        }
        var usedTags = new HashSet<String>();
        for (var path : publicPaths.properties()) {
            ObjectNode item = (ObjectNode) path.getValue();
            operations(item).forEach(operation -> {
                keepOurSecurity(operation);
                operation.path("tags").valueStream().map(JsonNode::asString).forEach(usedTags::add);
            });
            if (!(paths.get(path.getKey()) instanceof ObjectNode existing)) {
                paths.set(path.getKey(), item);
                continue;
            }
            for (var field : item.properties()) {
                if (!existing.has(field.getKey())) {
                    existing.set(field.getKey(), field.getValue());
                } else if (OPERATIONS.contains(field.getKey())) {
                    LOG.warn("{} documents {} {} as another part does; the whole API's document keeps the first",
                            part.name(), field.getKey().toUpperCase(Locale.ROOT), path.getKey());
                }
            }
        }
        var declared = new HashSet<String>();
        tags.valueStream().map(tag -> tag.path("name").asString()).forEach(declared::add);
        part.document().path("tags").valueStream()
                .filter(tag -> usedTags.contains(tag.path("name").asString()) && declared.add(tag.path("name").asString()))
                .forEach(tag -> tags.add(tag.deepCopy()));
    }

    /**
     * The part's components that its public paths use, directly or through other components,
     * by section ({@code schemas}, {@code parameters}, …) in the part's order, copied.
     */
    private static ObjectNode usedComponents(ObjectNode document, ObjectNode publicPaths) {
        JsonNode available = document.path("components");
        var reached = new HashSet<String>();
        var pending = new ArrayDeque<>(refsIn(publicPaths));
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (reached.contains(ref) || SECURITY_SCHEMES.equals(sectionOf(ref))) {
                continue;
            }
            JsonNode component = available.path(sectionOf(ref)).get(nameOf(ref));
            if (component != null) {
                reached.add(ref);
                pending.addAll(refsIn(component));
            }
        }
        ObjectNode used = OpenApiJson.object();
        for (var section : available.properties()) {
            for (var component : section.getValue().properties()) {
                if (reached.contains(ref(section.getKey(), component.getKey()))) {
                    ObjectNode target = used.has(section.getKey())
                            ? (ObjectNode) used.get(section.getKey()) : used.putObject(section.getKey());
                    target.set(component.getKey(), component.getValue().deepCopy());
                }
            }
        }
        return used;
    }

    /**
     * Which of the part's components need another name ({@code $ref} to {@code $ref}): those whose
     * name the whole document already uses for something else. Renaming one changes the
     * components that refer to it, which may then clash in turn: repeated until nothing changes.
     */
    private static Map<String, String> renames(String part, ObjectNode used, ObjectNode merged) {
        var renames = new LinkedHashMap<String, String>();
        boolean changed;
        do {
            changed = false;
            ObjectNode candidate = used.deepCopy();
            rewriteRefs(candidate, renames);
            for (var section : candidate.properties()) {
                for (var component : section.getValue().properties()) {
                    String ref = ref(section.getKey(), component.getKey());
                    JsonNode existing = merged.path(section.getKey()).get(component.getKey());
                    if (!renames.containsKey(ref) && existing != null && !existing.equals(component.getValue())) {
                        renames.put(ref, ref(section.getKey(), freeName(section.getKey(),
                                part + "." + component.getKey(), used, merged, renames)));
                        changed = true;
                    }
                }
            }
        } while (changed);
        return renames;
    }

    private static String freeName(String section, String wanted, ObjectNode used, ObjectNode merged,
                                   Map<String, String> renames) {
        String name = wanted;
        for (int n = 2; used.path(section).has(name) || merged.path(section).has(name)
                || renames.containsValue(ref(section, name)); n++) {
            name = wanted + n;
        }
        return name;
    }

    /** Rewrites, in place, every reference to a renamed component ({@code $ref}s, discriminator mappings). */
    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (var field : new ArrayList<>(object.properties())) {
                JsonNode value = field.getValue();
                if (value.isString() && renames.containsKey(value.stringValue())) {
                    object.put(field.getKey(), renames.get(value.stringValue()));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && renames.containsKey(value.stringValue())) {
                    array.set(i, array.stringNode(renames.get(value.stringValue())));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        }
    }

    private static List<String> refsIn(JsonNode node) {
        var refs = new ArrayList<String>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isString() && node.stringValue().startsWith(COMPONENTS)) {
            refs.add(node.stringValue());
        } else if (node.isContainer()) {
            node.values().forEach(value -> collectRefs(value, refs));
        }
    }

    /** The gateway answers any operation 429 when the key has used its allowance (RateLimitFilter). */
    private static void addRateLimitAnswer(ObjectNode operation) {
        var responses = operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        if (responses.has("429")) {
            return;
        }
        ObjectNode tooMany = responses.putObject("429");
        tooMany.put("description", "The API key has used its allowance: retry after the Retry-After header's seconds");
        tooMany.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", COMPONENTS + "schemas/" + DocumentedProblems.SCHEMA);
    }

    private static List<ObjectNode> operations(ObjectNode pathItem) {
        return pathItem.propertyStream()
                .filter(field -> OPERATIONS.contains(field.getKey()) && field.getValue().isObject())
                .map(field -> (ObjectNode) field.getValue())
                .toList();
    }

    /**
     * A part's own security requirements name schemes the whole document does not have: they
     * are dropped, and an operation left with none takes the document's (an API key).
     */
    private static void keepOurSecurity(ObjectNode operation) {
        if (!(operation.get("security") instanceof ArrayNode requirements) || requirements.isEmpty()) {
            return; // none: the document's; an empty list: no key needed, as the part says
        }
        ArrayNode kept = operation.arrayNode();
        requirements.valueStream()
                .filter(requirement -> OUR_SCHEMES.containsAll(requirement.propertyNames()))
                .forEach(kept::add);
        if (kept.isEmpty()) {
            operation.remove("security");
        } else {
            operation.set("security", kept);
        }
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = OpenApiJson.object();
        schemes.putObject(BEARER_API_KEY)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "tk_…")
                .put("description", "An organisation's API key: 'Authorization: Bearer tk_…'.");
        schemes.putObject(HEADER_API_KEY)
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", ApiKeyAuthenticationConverter.API_KEY_HEADER)
                .put("description", "The same API key in a header of its own: 'X-Api-Key: tk_…'.");
        return schemes;
    }

    private static String ref(String section, String name) {
        return COMPONENTS + section + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    private static String sectionOf(String ref) {
        String rest = ref.substring(COMPONENTS.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String nameOf(String ref) {
        String rest = ref.substring(COMPONENTS.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }
}
