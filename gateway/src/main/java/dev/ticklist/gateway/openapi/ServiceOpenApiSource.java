package dev.ticklist.gateway.openapi;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's own OpenAPI document (springdoc): on its management port's {@code /actuator/openapi}
 * where it has one, never on a port clients could reach; else at {@value #PATH} of its service port.
 */
public final class ServiceOpenApiSource implements OpenApiSource {

    public static final String PATH = "/v3/api-docs";

    /** A document larger than this is refused (the WebClient default, 256 KiB, is too tight for a big service). */
    static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

    private final String name;
    private final URI documentUrl;
    private final WebClient service;

    public ServiceOpenApiSource(String name, URI documentUrl, WebClient.Builder webClients) {
        this.name = name;
        this.documentUrl = documentUrl;
        this.service = webClients.clone()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOCUMENT_BYTES))
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<ObjectNode> document(ServerHttpRequest request) {
        return service.get()
                .uri(documentUrl)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(name + " answered " + documentUrl + " with nothing")))
                .map(OpenApiJson::read);
    }
}
