package dev.ticklist.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.gateway.UpstreamStandIn;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /v3/api-docs} and {@code /docs} on the gateway, with stand-ins serving canned documents. */
class WholeApiDocumentEndpointIT extends GatewayIT {

    private static final String CHECKLIST_DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "checklist-service", "version": "0"},
             "paths": {
               "/api/v1/checklists": {"get": {"tags": ["checklists"], "responses": {"200": {"content": {"application/json":
                 {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Checklist"}}}}}}}},
               "/api/v1/cohorts/{cohortId}": {"get": {"responses": {"200": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Cohort"}}}}}}},
               "/internal/organisations": {"post": {"responses": {"201": {"description": "made"}}}}
             },
             "components": {"schemas": {
               "Checklist": {"type": "object", "properties": {"id": {"type": "string"}}},
               "Cohort": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
            """;

    private static final String PROGRESS_DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "progress-service", "version": "0"},
             "paths": {
               "/api/v1/progress/cohorts/{cohortId}": {"get": {"responses": {"200": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Cohort"}}}}}}},
               "/internal/projections/rebuild": {"post": {"responses": {"202": {"description": "started"}}}}
             },
             "components": {"schemas": {
               "Cohort": {"type": "object", "properties": {"percent": {"type": "number"}}}}}}
            """;

    private static final String NOTIFICATION_DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "notification-service", "version": "0"},
             "paths": {
               "/api/v1/webhooks": {"post": {"requestBody": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/NewWebhook"}}}}, "responses": {"201": {"description": "made"}}}}
             },
             "components": {"schemas": {
               "NewWebhook": {"type": "object", "properties": {"url": {"type": "string", "format": "uri"}}}}}}
            """;

    @Autowired
    private WholeApiDocument wholeApi;

    @BeforeEach
    void servicesServeTheirDocuments() {
        wholeApi.forget();
        CHECKLIST.answerGet(ServiceOpenApiSource.PATH, 200, CHECKLIST_DOCUMENT);
        PROGRESS.answerGet(ServiceOpenApiSource.PATH, 200, PROGRESS_DOCUMENT);
        NOTIFICATION.answerGet(ServiceOpenApiSource.PATH, 200, NOTIFICATION_DOCUMENT);
    }

    @Test
    void theWholePublicApiIsOneDocumentServedWithoutAKey() {
        var response = gateway.get("/v3/api-docs");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Ticklist API");
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/checklists", "/api/v1/cohorts/{cohortId}",
                "/api/v1/progress/cohorts/{cohortId}", "/api/v1/webhooks");
        assertThat(document.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(document.get("components").get("schemas").propertyNames())
                .contains("Checklist", "Cohort", "progress-service.Cohort", "NewWebhook");
        assertThat(document.get("paths").get("/api/v1/progress/cohorts/{cohortId}").toString())
                .contains("#/components/schemas/progress-service.Cohort");
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get(OpenApiMerger.BEARER_API_KEY).get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get(OpenApiMerger.HEADER_API_KEY).get("name").asString()).isEqualTo("X-Api-Key");
        assertThat(document.get("security").size()).isEqualTo(2);
        // The gateway's own part (springdoc) answered too, whatever /api endpoints the gateway has.
        assertThat(document.has(OpenApiMerger.MISSING_SERVICES)).as(document.toString()).isFalse();
        for (UpstreamStandIn service : new UpstreamStandIn[] {CHECKLIST, PROGRESS, NOTIFICATION}) {
            assertThat(service.received()).singleElement()
                    .satisfies(request -> assertThat(request.pathAndQuery()).isEqualTo("/v3/api-docs"));
        }
    }

    @Test
    void aServiceThatFailsIsLeftOutAndNamedAndTheRestIsStillServed() {
        PROGRESS.answerGet(ServiceOpenApiSource.PATH, 500, "{\"title\":\"Internal Server Error\"}");

        var response = gateway.get("/v3/api-docs");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("paths").propertyNames())
                .contains("/api/v1/checklists", "/api/v1/webhooks")
                .doesNotContain("/api/v1/progress/cohorts/{cohortId}");
        assertThat(document.get(OpenApiMerger.MISSING_SERVICES).valueStream().map(JsonNode::asString))
                .containsExactly("progress-service");
    }

    @Test
    void theDocumentIsKeptRatherThanFetchedForEveryRequest() {
        var first = gateway.get("/v3/api-docs");
        var second = gateway.get("/v3/api-docs");

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(CHECKLIST.received(ServiceOpenApiSource.PATH)).hasSize(1);
    }

    @Test
    void theDocsPageIsSwaggerUiOnTheWholeDocumentWithoutAKey() {
        var docs = gateway.get("/docs");
        assertThat(docs.status()).as(docs.body()).isBetween(301, 308);
        String page = docs.headers().firstValue("Location").orElseThrow();

        var html = gateway.get(page);
        assertThat(html.status()).as(page).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("swagger-ui");

        // What the page loads, next to it: the script that points it at its configuration, Swagger UI itself.
        String folder = page.substring(0, page.lastIndexOf('/') + 1);
        var initializer = gateway.get(folder + "swagger-initializer.js");
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/gateway-api-docs/swagger-config");
        assertThat(gateway.get(folder + "swagger-ui-bundle.js").status()).isEqualTo(200);
        var config = gateway.get("/v3/gateway-api-docs/swagger-config");
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void theDocumentsNeedNoKeyEvenWhenAWrongOneIsSent() {
        Stream.of("/v3/api-docs", "/docs").forEach(path -> assertThat(gateway.get(path, "X-Api-Key", "tk_wrong").status())
                .as(path).isIn(200, 302));
    }
}
