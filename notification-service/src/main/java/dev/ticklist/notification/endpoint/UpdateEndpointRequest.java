package dev.ticklist.notification.endpoint;

import dev.ticklist.platform.web.Plain;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Changes an endpoint; a field left out keeps its value.
 *
 * @param description an empty text removes it
 * @param eventTypes  the milestone types, each in a version; an empty list means every milestone
 *                    type, each in its first version
 * @param enabled     false stops attempts (pending messages wait), true resumes them
 */
public record UpdateEndpointRequest(
        @Size(max = 2048) String url,
        @Size(max = 500) @Plain String description,
        @Size(max = 50) Set<@NotBlank String> eventTypes,
        Boolean enabled) {

    boolean changesSettings() {
        return url != null || description != null || eventTypes != null;
    }

    boolean isEmpty() {
        return !changesSettings() && enabled == null;
    }
}
