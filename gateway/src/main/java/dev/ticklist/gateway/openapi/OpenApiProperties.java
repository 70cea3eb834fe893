package dev.ticklist.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The whole API's OpenAPI document ({@code GET /v3/api-docs}).
 *
 * @param timeout how long each service may take to answer its {@code /v3/api-docs}
 * @param keepFor how long a complete document is served before it is assembled again
 * @param version the document's {@code info.version}
 * @param checklistDocument    where checklist-service's own document is read
 * @param progressDocument     where progress-service's own document is read
 * @param notificationDocument where notification-service's own document is read: each service's
 *                             management port ({@code /actuator/openapi}) where it has one, as in
 *                             the images; else its service port's {@code /v3/api-docs}
 */
@ConfigurationProperties("ticklist.gateway.openapi")
public record OpenApiProperties(
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("30s") Duration keepFor,
        @DefaultValue("v1") String version,
        URI checklistDocument,
        URI progressDocument,
        URI notificationDocument) {
}
