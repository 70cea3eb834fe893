package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.web.Plain;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Registers a webhook endpoint.
 *
 * @param eventTypes the milestone types to receive, each in a version
 *                   ({@link dev.ticklist.notification.webhooktype.WebhookTypes}); absent or empty
 *                   means all of them, each in its first version
 */
public record CreateEndpointRequest(
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 500) @Plain String description,
        @Size(max = 50) Set<@NotBlank String> eventTypes) {

    public CreateEndpointRequest {
        eventTypes = eventTypes == null ? Set.of() : eventTypes;
    }
}
