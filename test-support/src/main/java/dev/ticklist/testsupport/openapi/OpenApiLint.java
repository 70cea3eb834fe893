package dev.ticklist.testsupport.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks an OpenAPI document must pass before anyone generates a client from it: first
 * swagger-parser's validation against the OpenAPI specification, then the rules client
 * generators and readers rely on. Each error names the operation; an empty list means clean.
 *
 * <ul>
 *   <li>every operation has an operationId, unique in the document, a summary and a tag, and
 *       every tag it uses is declared with a description;</li>
 *   <li>every operation documents its 4xx answers, and every 4xx or 5xx answer is an
 *       {@code application/problem+json} problem;</li>
 *   <li>no request or answer is typed {@code *}{@code /*};</li>
 *   <li>the document says its licence and its servers.</li>
 * </ul>
 */
public final class OpenApiLint {

    private OpenApiLint() {
    }

    public static List<String> errors(String json) {
        try {
            return lint(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static List<String> lint(String json) throws IOException {
        var options = new ParseOptions();
        options.setResolve(false);
        var result = new OpenAPIParser().readContents(json, null, options);
        var errors = new ArrayList<String>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(message -> errors.add("invalid OpenAPI: " + message));
        }
        if (result.getOpenAPI() == null) {
            errors.add("not an OpenAPI document");
            return errors;
        }
        // The parser fills in a server of "/" when there is none: ask the document itself.
        if (!Json.mapper().readTree(json).has("servers")) {
            errors.add("servers is missing");
        }
        lint(result.getOpenAPI(), errors);
        return errors;
    }

    private static void lint(OpenAPI api, List<String> errors) {
        if (api.getInfo() == null || api.getInfo().getLicense() == null || api.getInfo().getLicense().getName() == null) {
            errors.add("info.license is missing");
        }
        var declaredTags = new HashSet<String>();
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> {
                declaredTags.add(tag.getName());
                if (tag.getDescription() == null || tag.getDescription().isBlank()) {
                    errors.add("tag '" + tag.getName() + "' has no description");
                }
            });
        }
        Map<String, String> operationIds = new HashMap<>();
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method.name() + " " + path;
            lint(where, operation, declaredTags, operationIds, errors);
        }));
    }

    private static void lint(String where, Operation operation, Iterable<String> declaredTags,
                             Map<String, String> operationIds, List<String> errors) {
        String id = operation.getOperationId();
        if (id == null || id.isBlank()) {
            errors.add(where + ": no operationId");
        } else if (operationIds.putIfAbsent(id, where) != null) {
            errors.add(where + ": operationId '" + id + "' is also " + operationIds.get(id) + "'s");
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            errors.add(where + ": no summary");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            errors.add(where + ": no tag");
        } else {
            var declared = new HashSet<String>();
            declaredTags.forEach(declared::add);
            operation.getTags().stream().filter(tag -> !declared.contains(tag))
                    .forEach(tag -> errors.add(where + ": tag '" + tag + "' is not declared"));
        }
        if (operation.getRequestBody() != null) {
            anyMediaType(where + " request body", operation.getRequestBody().getContent(), errors);
        }
        var responses = operation.getResponses();
        if (responses == null || responses.keySet().stream().noneMatch(status -> status.startsWith("4"))) {
            errors.add(where + ": no 4xx answer documented");
        }
        if (responses == null) {
            return;
        }
        responses.forEach((status, response) -> {
            anyMediaType(where + " " + status, response.getContent(), errors);
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && response.get$ref() == null
                    && (response.getContent() == null || !response.getContent().containsKey("application/problem+json"))) {
                errors.add(where + ": its " + status + " answer is not an application/problem+json problem");
            }
        });
    }

    private static void anyMediaType(String where, Content content, List<String> errors) {
        if (content != null && content.keySet().stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).startsWith("*/*"))) {
            errors.add(where + " is typed */*: say what it is");
        }
    }
}
