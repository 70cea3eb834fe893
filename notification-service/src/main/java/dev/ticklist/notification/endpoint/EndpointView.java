package dev.ticklist.notification.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it: never with its secret.
 *
 * @param disabledReason          requested, gone (it answered 410) or failing (no success for the
 *                                configured time); null while enabled
 * @param disabledDetail          what happened, in words; null while enabled
 * @param failingSince            the first failed attempt since the last success, or null
 * @param previousSecretExpiresAt while a rotated-out secret still signs, until when; else null
 */
public record EndpointView(
        String id,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        String disabledDetail,
        Instant disabledAt,
        Instant failingSince,
        Instant previousSecretExpiresAt,
        Instant createdAt) {

    static EndpointView of(WebhookEndpoint endpoint, Instant now) {
        var disabled = endpoint.disabled();
        var previous = endpoint.previousSecret();
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(),
                endpoint.eventTypes().stream().sorted().toList(), endpoint.enabled(),
                disabled == null ? null : disabled.reason(), disabled == null ? null : disabled.detail(),
                disabled == null ? null : disabled.at(), endpoint.failingSince(),
                previous != null && now.isBefore(previous.expiresAt()) ? previous.expiresAt() : null,
                endpoint.createdAt());
    }
}
