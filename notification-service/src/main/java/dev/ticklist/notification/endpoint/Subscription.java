package dev.ticklist.notification.endpoint;

import dev.ticklist.notification.webhooktype.WebhookVersion;

/** An endpoint that gets a milestone, and the version it gets it in. */
public record Subscription(WebhookEndpoint endpoint, WebhookVersion version) {
}
