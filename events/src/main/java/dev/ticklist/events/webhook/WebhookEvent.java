package dev.ticklist.events.webhook;

import dev.ticklist.events.TicklistEvent;

/** Webhook endpoints and deliveries. Written by notification-service, keyed by organisation. */
public sealed interface WebhookEvent extends TicklistEvent
        permits WebhookEndpointCreated, WebhookEndpointUpdated, WebhookEndpointDisabled, WebhookEndpointEnabled,
        WebhookEndpointDeleted, WebhookSecretRotated, WebhookMessageQueued, WebhookMessageRetryRequested,
        WebhookDeliveryAttemptedV2 {

    String organisationId();

    @Override
    default String key() {
        return organisationId();
    }
}
