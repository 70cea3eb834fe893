package dev.ticklist.gateway.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's own public endpoints ({@code /api/**} controllers of the gateway itself, such as
 * the API key endpoints), as springdoc describes them ({@code springdoc.paths-to-match} in
 * application.yml keeps the admin API out). Nothing to add when springdoc's document is off.
 */
final class GatewayOpenApiSource implements OpenApiSource {

    static final String NAME = "gateway";

    private final ObjectProvider<OpenApiWebfluxResource> springdoc;

    GatewayOpenApiSource(ObjectProvider<OpenApiWebfluxResource> springdoc) {
        this.springdoc = springdoc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<ObjectNode> document(ServerHttpRequest request) {
        OpenApiWebfluxResource resource = springdoc.getIfAvailable();
        if (resource == null) {
            return Mono.empty();
        }
        // springdoc scans the controllers right away (a second or so, the first time): not on an event loop.
        return Mono.defer(() -> springdocsDocument(resource, request))
                .subscribeOn(Schedulers.boundedElastic())
                .map(json -> OpenApiJson.read(new String(json, StandardCharsets.UTF_8)));
    }

    private static Mono<byte[]> springdocsDocument(OpenApiWebfluxResource resource, ServerHttpRequest request) {
        try {
            // springdoc works out a "servers" entry from the request's URL minus this path; the merger drops it.
            return resource.openapiJson(request, request.getPath().pathWithinApplication().value(), Locale.ROOT);
        } catch (Exception e) {
            return Mono.error(e);
        }
    }
}
