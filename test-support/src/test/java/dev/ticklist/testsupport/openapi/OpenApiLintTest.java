package dev.ticklist.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiLintTest {

    private static final String CLEAN = """
            {"openapi": "3.1.0",
             "info": {"title": "T", "version": "1", "license": {"name": "Proprietary", "identifier": "LicenseRef-Proprietary"}},
             "servers": [{"url": "/"}],
             "tags": [{"name": "Cohorts", "description": "Cohorts"}],
             "paths": {"/cohorts": {
               "get": {"operationId": "listCohorts", "summary": "List cohorts", "tags": ["Cohorts"],
                       "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array"}}}},
                                     "401": {"description": "no key", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}}}
            """;

    @Test
    void aCleanDocumentHasNoErrors() {
        assertThat(OpenApiLint.errors(CLEAN)).isEmpty();
    }

    @Test
    void whatBreaksClientGeneratorsOrLeavesReadersGuessingIsAnError() {
        String messy = """
                {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
                 "paths": {
                   "/cohorts": {"get": {"operationId": "list", "tags": ["CohortController"],
                                        "responses": {"200": {"description": "ok", "content": {"*/*": {"schema": {"type": "array"}}}}}}},
                   "/keys": {"get": {"operationId": "list", "summary": "List keys", "tags": ["Keys"],
                                     "responses": {"200": {"description": "ok"},
                                                   "404": {"description": "none", "content": {"application/json": {}}}}}}}}
                """;

        assertThat(OpenApiLint.errors(messy)).containsExactlyInAnyOrder(
                "invalid OpenAPI: attribute paths.'/keys'(get).operationId is repeated",
                "info.license is missing",
                "servers is missing",
                "GET /cohorts: no summary",
                "GET /cohorts: tag 'CohortController' is not declared",
                "GET /cohorts 200 is typed */*: say what it is",
                "GET /cohorts: no 4xx answer documented",
                "GET /keys: operationId 'list' is also GET /cohorts's",
                "GET /keys: tag 'Keys' is not declared",
                "GET /keys: its 404 answer is not an application/problem+json problem");
    }

    @Test
    void aDocumentThatIsNotOpenApiIsAnError() {
        assertThat(OpenApiLint.errors("{\"openapi\": \"3.1.0\", \"paths\": 7}")).isNotEmpty();
    }
}
