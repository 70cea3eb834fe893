package dev.ticklist.gateway.openapi;

import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * One part of the whole API's document: a service's OpenAPI document, or the gateway's own.
 * Every bean of this type is merged by {@link WholeApiDocument}, in {@code @Order}; the first
 * keeps a component name two parts define differently. This is the extension point for the
 * gateway's own endpoints too: {@link GatewayOpenApiSource} already adds what springdoc sees of
 * the gateway's {@code /api/**} controllers (the API key endpoints, say).
 */
public interface OpenApiSource {

    /** Names the part in {@code x-ticklist-missing-services} and in renamed components. */
    String name();

    /**
     * The part's OpenAPI 3 document. An error (or not answering in time) makes the part missing;
     * an empty Mono means it has nothing to add.
     *
     * @param request the request for the whole document that caused this fetch; a source inside
     *                the gateway may need one (springdoc does), a remote one ignores it
     */
    Mono<ObjectNode> document(ServerHttpRequest request);
}
