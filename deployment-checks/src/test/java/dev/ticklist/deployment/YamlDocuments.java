package dev.ticklist.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way the tools that consume our files do (kubectl/kustomize and Docker Compose both
 * use Go's yaml.v3): scalars are typed by the YAML 1.2 core schema, so {@code yes}, {@code on} and
 * {@code 22:22} stay strings and dates are not parsed. SnakeYAML alone would follow YAML 1.1 and read
 * {@code 22:22} as the number 1342. Anchors and merge keys ({@code <<: *base}) are resolved; duplicate
 * keys are an error, as in yaml.v3.
 */
final class YamlDocuments {

    static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    /** Every non-empty document of a (possibly multi-document) YAML text, as JSON trees. */
    static List<JsonNode> parseAll(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /** The one document of a YAML text; an empty text gives an empty object. */
    static JsonNode parse(String yaml) {
        List<JsonNode> documents = parseAll(yaml);
        if (documents.size() > 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.isEmpty() ? JSON.createObjectNode() : documents.getFirst();
    }

    static List<JsonNode> readAll(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode object(JsonNode node, String what) {
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(what + " is not a mapping: " + node);
        }
        return object;
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new CoreSchemaResolver());
    }

    /** Implicit types of the YAML 1.2 core schema (plus the merge key), instead of YAML 1.1's. */
    private static final class CoreSchemaResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            // Decimal, 0x hexadecimal, and the leading-zero octal (0644) that yaml.v3 still accepts.
            addImplicitResolver(Tag.INT,
                    Pattern.compile("^(?:[-+]?(?:0|[1-9][0-9]*)|0[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
