package dev.ticklist.gateway.openapi;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The whole API's OpenAPI document ({@code GET /v3/api-docs}).
 *
 * @param timeout how long each service may take to answer its {@code /v3/api-docs}
 * @param keepFor how long a complete document is served before it is assembled again
 * @param version the document's {@code info.version}
 */
@ConfigurationProperties("ticklist.gateway.openapi")
public record OpenApiProperties(
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("30s") Duration keepFor,
        @DefaultValue("v1") String version) {
}
