package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Compose file: its validity against the Compose specification's JSON schema (vendored, see
 * src/test/resources/schemas/README.md), its image tags, and the environment it gives each service.
 */
final class ComposeFile {

    private static final JsonSchema SCHEMA = loadSchema();

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}: Compose interpolation. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

    private final ObjectNode root;
    private final Path dir;
    private final String source;

    private ComposeFile(ObjectNode root, Path dir, String source) {
        this.root = root;
        this.dir = dir;
        this.source = source;
    }

    static ComposeFile read(Path file) {
        Path absolute = file.toAbsolutePath();
        return new ComposeFile(YamlDocuments.object(YamlDocuments.read(absolute), file.toString()),
                absolute.getParent(), Repository.relative(absolute));
    }

    /** A Compose file given as text (tests); env_file paths resolve against dir. */
    static ComposeFile parse(String yaml, Path dir, String source) {
        return new ComposeFile(YamlDocuments.object(YamlDocuments.parse(yaml), source), dir, source);
    }

    String source() {
        return source;
    }

    /** Every violation of the Compose specification's schema. */
    List<String> schemaProblems() {
        return SCHEMA.validate(root).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> source + ": " + message)
                .sorted()
                .toList();
    }

    /**
     * Every service's image is pinned: an {@code image:} with an explicit tag that is not latest, also
     * for services that are built (so what runs is named). A tag given by interpolation must have a default.
     */
    List<String> imageProblems() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            JsonNode image = service.get("image");
            if (image == null || !image.isTextual()) {
                problems.add(source + ": service " + name + " has no image: name:tag"
                        + (service.has("build") ? " (a built service names the image it builds)" : ""));
                return;
            }
            String text = image.asText();
            Matcher variable = INTERPOLATION.matcher(text);
            StringBuilder resolved = new StringBuilder();
            while (variable.find()) {
                if (variable.group(3) == null || variable.group(3).isEmpty()) {
                    problems.add(source + ": service " + name + " image " + text + " depends on ${"
                            + variable.group(1) + "} without a default");
                    return;
                }
                variable.appendReplacement(resolved, Matcher.quoteReplacement(variable.group(3)));
            }
            variable.appendTail(resolved);
            String reason = ImageReference.parse(resolved.toString()).unpinnedReason();
            if (reason != null) {
                problems.add(source + ": service " + name + " image " + text + " " + reason);
            }
        });
        return problems;
    }

    Map<String, ObjectNode> services() {
        Map<String, ObjectNode> services = new LinkedHashMap<>();
        root.path("services").properties().forEach(entry ->
                services.put(entry.getKey(), YamlDocuments.object(entry.getValue(), source + " services." + entry.getKey())));
        return services;
    }

    boolean hasService(String name) {
        return root.path("services").has(name);
    }

    /**
     * The variables Compose sets in a service's containers: its env_file files (in order) and then its
     * {@code environment}, as a map or as a list of {@code NAME=value} / {@code NAME}. A value of null
     * means the variable is passed through from the host.
     */
    Map<String, String> environment(String service) {
        ObjectNode definition = services().get(service);
        if (definition == null) {
            throw new IllegalArgumentException(source + " has no service " + service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Path envFile : envFiles(definition)) {
            environment.putAll(readEnvFile(envFile));
        }
        JsonNode declared = definition.path("environment");
        if (declared.isObject()) {
            declared.properties().forEach(entry -> environment.put(entry.getKey(),
                    entry.getValue().isNull() ? null : entry.getValue().asText()));
        } else if (declared.isArray()) {
            for (JsonNode item : declared) {
                String line = item.asText();
                int equals = line.indexOf('=');
                environment.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? null : line.substring(equals + 1));
            }
        }
        return environment;
    }

    private List<Path> envFiles(ObjectNode service) {
        JsonNode envFile = service.get("env_file");
        List<Path> files = new ArrayList<>();
        if (envFile == null) {
            return files;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (envFile.isArray()) {
            envFile.forEach(entries::add);
        } else {
            entries.add(envFile);
        }
        for (JsonNode entry : entries) {
            String path = entry.isObject() ? entry.path("path").asText() : entry.asText();
            Path file = dir.resolve(path);
            if (!Files.isRegularFile(file)) {
                // Its variables could not be checked, so the check refuses it rather than pass it by.
                throw new IllegalStateException(source + ": env_file " + path + " does not exist");
            }
            files.add(file);
        }
        return files;
    }

    private static Map<String, String> readEnvFile(Path file) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                variables.put(equals < 0 ? trimmed : trimmed.substring(0, equals).strip(),
                        equals < 0 ? null : trimmed.substring(equals + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    private static JsonSchema loadSchema() {
        ObjectNode schema;
        try (InputStream in = ComposeFile.class.getResourceAsStream("/schemas/compose-spec.json")) {
            schema = (ObjectNode) YamlDocuments.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The file names its dialect as http://json-schema.org/draft/2019-09/schema#; the factory below
        // is that dialect, and with $schema gone nothing is looked up by address.
        schema.remove("$schema");
        // The vendored schema predates the top-level name (the project name, compose-spec 2021); Docker
        // Compose accepts it, so it is added here rather than refused. Its pattern is Compose's own rule.
        schema.withObjectProperty("properties").set("name", YamlDocuments.JSON.createObjectNode()
                .put("type", "string")
                .put("pattern", "^[a-z0-9][a-z0-9_-]*$"));
        // Its subschemas carry draft-4 style "id"s, which 2019-09 knows only as $id: read them as annotations.
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id"))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, builder -> builder
                .metaSchema(dialect)
                // Every $ref is inside the file: refuse to load anything from anywhere, the network included.
                .schemaLoaders(loaders -> loaders.values(list -> {
                    list.clear();
                    list.add(DisallowSchemaLoader.getInstance());
                })));
        return factory.getSchema(schema);
    }
}
