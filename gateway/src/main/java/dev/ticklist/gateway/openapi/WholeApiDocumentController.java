package dev.ticklist.gateway.openapi;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v3/api-docs}: the whole public API as one OpenAPI 3.1 document, without an API key.
 * Swagger UI shows it at {@code /docs} (springdoc; see application.yml).
 */
@RestController
class WholeApiDocumentController {

    static final String PATH = "/v3/api-docs";

    private final WholeApiDocument wholeApi;

    WholeApiDocumentController(WholeApiDocument wholeApi) {
        this.wholeApi = wholeApi;
    }

    // Bytes, so no JSON encoder writes the document as one JSON string.
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> wholeApi(ServerHttpRequest request) {
        return wholeApi.document(request).map(document -> document.json().getBytes(StandardCharsets.UTF_8));
    }
}
