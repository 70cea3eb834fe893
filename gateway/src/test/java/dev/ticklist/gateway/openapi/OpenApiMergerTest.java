package dev.ticklist.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.openapi.OpenApiMerger.Part;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The merge alone: documents in, one document out, no Spring. */
class OpenApiMergerTest {

    private static final String CHECKLIST = """
            {"openapi": "3.1.0", "info": {"title": "checklist-service", "version": "0"},
             "servers": [{"url": "http://127.0.0.1:8081"}],
             "tags": [{"name": "cohorts", "description": "Cohorts of learners"}, {"name": "internal"}],
             "paths": {
               "/api/v1/cohorts/{cohortId}": {"get": {"tags": ["cohorts"], "operationId": "cohort", "responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cohort"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}},
               "/internal/organisations": {"post": {"tags": ["internal"], "requestBody": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Organisation"}}}}, "responses": {"201": {"description": "made"}}}}
             },
             "components": {"schemas": {
               "Cohort": {"type": "object", "properties": {"name": {"type": "string"},
                 "learners": {"type": "array", "items": {"$ref": "#/components/schemas/Learner"}}}},
               "Learner": {"type": "object", "properties": {"id": {"type": "string"}}},
               "ProblemDetail": {"type": "object", "properties": {"type": {"type": "string"}, "detail": {"type": "string"}}},
               "Organisation": {"type": "object", "properties": {"organisationId": {"type": "string"}}}
             }}}
            """;

    private static final String PROGRESS = """
            {"openapi": "3.1.0", "info": {"title": "progress-service", "version": "0"},
             "tags": [{"name": "cohorts", "description": "another description"}, {"name": "progress"}],
             "paths": {
               "/api/v1/progress/cohorts/{cohortId}": {"get": {"tags": ["progress", "cohorts"], "security": [{"jwt": []}],
                 "responses": {
                   "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cohort"}}}},
                   "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}},
               "/internal/rebuild": {"post": {"responses": {"202": {"description": "started"}}}}
             },
             "components": {
               "schemas": {
                 "Cohort": {"type": "object", "properties": {"percent": {"type": "number"},
                   "learners": {"type": "array", "items": {"$ref": "#/components/schemas/Learner"}}}},
                 "Learner": {"type": "object", "properties": {"id": {"type": "string"}}},
                 "ProblemDetail": {"type": "object", "properties": {"type": {"type": "string"}, "detail": {"type": "string"}}}
               },
               "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
             }}
            """;

    private final OpenApiMerger merger = new OpenApiMerger("v1");

    @Test
    void aSchemaNameTwoServicesUseForDifferentThingsIsPrefixedInTheLaterOneAndItsRefsFollow() {
        ObjectNode whole = merger.merge(List.of(part("checklist-service", CHECKLIST), part("progress-service", PROGRESS)), List.of());

        JsonNode schemas = whole.get("components").get("schemas");
        assertThat(schemas.get("Cohort")).isEqualTo(read(CHECKLIST).get("components").get("schemas").get("Cohort"));
        assertThat(schemas.get("progress-service.Cohort")).isEqualTo(read(PROGRESS).get("components").get("schemas").get("Cohort"));
        assertThat(responseSchema(whole, "/api/v1/cohorts/{cohortId}", "200")).isEqualTo("#/components/schemas/Cohort");
        assertThat(responseSchema(whole, "/api/v1/progress/cohorts/{cohortId}", "200"))
                .isEqualTo("#/components/schemas/progress-service.Cohort");
    }

    @Test
    void schemasTheServicesDefineAlikeAreShared() {
        ObjectNode whole = merger.merge(List.of(part("checklist-service", CHECKLIST), part("progress-service", PROGRESS)), List.of());

        assertThat(whole.get("components").get("schemas").propertyNames())
                .containsExactly("Cohort", "Learner", "ProblemDetail", "progress-service.Cohort");
        assertThat(responseSchema(whole, "/api/v1/progress/cohorts/{cohortId}", "400"))
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void aRenameCarriesOverToTheSchemasThatReferToIt() {
        String first = """
                {"openapi": "3.1.0", "paths": {"/api/v1/a": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                   "Page": {"type": "object", "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}}}},
                   "Entry": {"type": "object", "properties": {"a": {"type": "string"}}}}}}
                """;
        String second = """
                {"openapi": "3.1.0", "paths": {"/api/v1/b": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                   "Page": {"type": "object", "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}}}},
                   "Entry": {"oneOf": [{"$ref": "#/components/schemas/Tick"}],
                     "discriminator": {"propertyName": "kind", "mapping": {"tick": "#/components/schemas/Tick"}}},
                   "Tick": {"type": "object", "properties": {"kind": {"type": "string"}}}}}}
                """;

        ObjectNode whole = merger.merge(List.of(part("a-service", first), part("b-service", second)), List.of());

        JsonNode schemas = whole.get("components").get("schemas");
        assertThat(schemas.propertyNames()).containsExactly("Page", "Entry", "b-service.Page", "b-service.Entry", "Tick");
        assertThat(schemas.get("b-service.Page").get("properties").get("entries").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/b-service.Entry");
        assertThat(schemas.get("Page").get("properties").get("entries").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/Entry");
        assertThat(schemas.get("b-service.Entry").get("discriminator").get("mapping").get("tick").asString())
                .isEqualTo("#/components/schemas/Tick");
        assertThat(responseSchema(whole, "/api/v1/b", "200")).isEqualTo("#/components/schemas/b-service.Page");
    }

    @Test
    void onlyThePublicPathsAndWhatTheyUseAreKept() {
        ObjectNode whole = merger.merge(List.of(part("checklist-service", CHECKLIST), part("progress-service", PROGRESS)), List.of());

        assertThat(whole.get("paths").propertyNames())
                .containsExactly("/api/v1/cohorts/{cohortId}", "/api/v1/progress/cohorts/{cohortId}");
        assertThat(whole.get("components").get("schemas").has("Organisation")).isFalse();
        assertThat(whole.get("tags").valueStream().map(tag -> tag.get("name").asString())).containsExactly("cohorts", "progress");
        assertThat(whole.get("tags").get(0).get("description").asString()).isEqualTo("Cohorts of learners");
    }

    @Test
    void theApiKeyIsTheOnlySecurityAndTheGatewayTheOnlyServer() {
        ObjectNode whole = merger.merge(List.of(part("checklist-service", CHECKLIST), part("progress-service", PROGRESS)), List.of());

        assertThat(whole.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(whole.get("info").get("title").asString()).isEqualTo("Ticklist API");
        assertThat(whole.get("info").get("version").asString()).isEqualTo("v1");
        assertThat(whole.get("servers")).isEqualTo(read("{\"a\": [{\"url\": \"/\", \"description\": \"this gateway\"}]}").get("a"));
        assertThat(whole.get("info").get("license").get("name").asString()).isEqualTo("Proprietary");
        // Every operation can meet the gateway's rate limit.
        var operations = whole.get("paths").valueStream().flatMap(JsonNode::valueStream).filter(JsonNode::isObject).toList();
        assertThat(operations).isNotEmpty().allSatisfy(operation -> assertThat(
                operation.path("responses").path("429").path("content").has("application/problem+json")).isTrue());
        JsonNode schemes = whole.get("components").get("securitySchemes");
        assertThat(schemes.propertyNames()).containsExactly(OpenApiMerger.BEARER_API_KEY, OpenApiMerger.HEADER_API_KEY);
        assertThat(schemes.get(OpenApiMerger.BEARER_API_KEY).get("type").asString()).isEqualTo("http");
        assertThat(schemes.get(OpenApiMerger.BEARER_API_KEY).get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get(OpenApiMerger.HEADER_API_KEY).get("type").asString()).isEqualTo("apiKey");
        assertThat(schemes.get(OpenApiMerger.HEADER_API_KEY).get("in").asString()).isEqualTo("header");
        assertThat(schemes.get(OpenApiMerger.HEADER_API_KEY).get("name").asString()).isEqualTo("X-Api-Key");
        assertThat(whole.get("security").valueStream().flatMap(requirement -> requirement.propertyNames().stream()))
                .containsExactly(OpenApiMerger.BEARER_API_KEY, OpenApiMerger.HEADER_API_KEY);
        assertThat(whole.get("paths").get("/api/v1/progress/cohorts/{cohortId}").get("get").has("security")).isFalse();
        assertThat(whole.toString()).doesNotContain("jwt", "127.0.0.1");
    }

    @Test
    void theMissingServicesAreNamedAndOnlyThen() {
        ObjectNode partial = merger.merge(List.of(part("checklist-service", CHECKLIST)), List.of("progress-service"));
        ObjectNode complete = merger.merge(List.of(part("checklist-service", CHECKLIST)), List.of());

        assertThat(partial.get(OpenApiMerger.MISSING_SERVICES).valueStream().map(JsonNode::asString))
                .containsExactly("progress-service");
        assertThat(complete.has(OpenApiMerger.MISSING_SERVICES)).isFalse();
    }

    @Test
    void nothingToMergeIsStillADocument() {
        ObjectNode whole = merger.merge(List.of(), List.of("checklist-service", "progress-service"));

        assertThat(whole.get("paths").isEmpty()).isTrue();
        assertThat(whole.get("components").get("securitySchemes").size()).isEqualTo(2);
        assertThat(whole.get(OpenApiMerger.MISSING_SERVICES).size()).isEqualTo(2);
    }

    @Test
    void thePartsAreLeftAsTheyWere() {
        var checklist = part("checklist-service", CHECKLIST);
        var progress = part("progress-service", PROGRESS);

        merger.merge(List.of(checklist, progress), List.of());

        assertThat(checklist.document()).isEqualTo(read(CHECKLIST));
        assertThat(progress.document()).isEqualTo(read(PROGRESS));
    }

    private static String responseSchema(JsonNode whole, String path, String status) {
        JsonNode content = whole.get("paths").get(path).get("get").get("responses").get(status).get("content");
        return content.values().iterator().next().get("schema").get("$ref").asString();
    }

    private static Part part(String name, String json) {
        return new Part(name, read(json));
    }

    private static ObjectNode read(String json) {
        return (ObjectNode) tools.jackson.databind.json.JsonMapper.shared().readTree(json);
    }
}
