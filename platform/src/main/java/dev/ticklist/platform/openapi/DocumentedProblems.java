package dev.ticklist.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Every operation's error answers in its document, each an RFC 9457 problem ({@code Problem}):
 * those every request can get (401, 403, 503), 404 where the path names something, 400 where
 * the caller sends anything, 413 and 415 where it sends a body. A client generator then knows
 * the shape of every error, and readers see what to expect without reading the prose.
 */
public final class DocumentedProblems {

    public static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    private DocumentedProblems() {
    }

    public static void addTo(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(SCHEMA, schema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> addTo(path, operation)));
    }

    private static void addTo(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        var responses = operation.getResponses();
        boolean sendsSomething = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        if (sendsSomething) {
            responses.putIfAbsent("400", answer("The request is not one this operation takes: the detail says what to change"));
        }
        responses.putIfAbsent("401", answer("No valid API key (or dashboard session) was sent"));
        responses.putIfAbsent("403", answer("The key's scopes do not allow this operation"));
        if (path.contains("{")) {
            responses.putIfAbsent("404", answer("Nothing of the organisation's is at this path"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", answer("The body is over the size limit"));
            responses.putIfAbsent("415", answer("The body is not of a media type this operation takes"));
        }
        responses.putIfAbsent("503", answer("The service cannot answer right now (its store did not answer, or it is"
                + " rebuilding): retry after the Retry-After header's seconds"));
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null) {
                response.setContent(problemContent());
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription("A problem document saying what went wrong");
                }
            }
        });
    }

    /** An error answer of this operation, as a problem document. */
    public static ApiResponse answer(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("urn:ticklist:problem:<code>; the code says what kind of mistake or failure it is"))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, and what to change"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
                .addRequiredItem("type").addRequiredItem("status");
    }
}
