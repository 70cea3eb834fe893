package dev.ticklist.notification.delivery;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.notification.WebhookProperties;
import dev.ticklist.notification.destination.RefusedUrlException;
import dev.ticklist.notification.destination.WebhookUrlGuard;
import dev.ticklist.notification.endpoint.WebhookEndpoint;
import dev.ticklist.notification.endpoint.WebhookEndpoints;
import dev.ticklist.notification.signing.SecretCipher;
import dev.ticklist.notification.signing.SigningSecret;
import dev.ticklist.notification.signing.WebhookSignature;
import dev.ticklist.platform.kafka.EventPublisher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers one milestone to one endpoint: unless it was delivered before, it signs the message
 * and attempts it up to the configured number of times, with the same {@code webhook-id} on every
 * attempt. Each attempt becomes a {@link WebhookDeliveryAttempted} event, the delivery log.
 */
@Component
class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookUrlGuard guard;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final DeliveredMarkers markers;
    private final WebhookEndpoints endpoints;
    private final EventPublisher publisher;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;

    WebhookDelivery(WebhookUrlGuard guard, WebhookSender sender, SecretCipher cipher, DeliveredMarkers markers,
                    WebhookEndpoints endpoints, EventPublisher publisher, DeliveryMetrics metrics, Clock clock,
                    WebhookProperties properties) {
        this.guard = guard;
        this.sender = sender;
        this.cipher = cipher;
        this.markers = markers;
        this.endpoints = endpoints;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAttempts = properties.maxInlineAttempts();
        this.backoff = properties.inlineBackoff();
    }

    void deliver(EventEnvelope<? extends MilestoneEvent> milestone, WebhookEndpoint endpoint) {
        String organisationId = endpoint.organisationId();
        WebhookMessage message = WebhookMessage.of(milestone, endpoint.id());
        if (markers.isDelivered(organisationId, message.id()) || endpoints.wasDelivered(organisationId, message.id())) {
            LOG.debug("Message {} was delivered to {} before; not sending it again", message.id(), endpoint.id());
            return;
        }
        SigningSecret secret = secretOf(endpoint);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause();
            }
            AttemptResult result = attempt(endpoint, message, secret);
            publisher.publish(Topics.WEBHOOKS, new WebhookDeliveryAttempted(organisationId, endpoint.id(),
                    message.id(), message.milestoneEventId(), attempt, result.statusCode(), result.delivered(),
                    result.latency().toMillis()));
            metrics.record(result);
            if (result.delivered()) {
                markers.markDelivered(organisationId, message.id());
                return;
            }
            if (result.outcome() == Outcome.REFUSED) {
                break;
            }
        }
        LOG.warn("Message {} for endpoint {} of {} was not delivered and is given up "
                + "(durable retries are not built yet)", message.id(), endpoint.id(), organisationId);
    }

    private AttemptResult attempt(WebhookEndpoint endpoint, WebhookMessage message, SigningSecret secret) {
        URI url;
        try {
            url = guard.check(endpoint.url()); // again: what a name resolves to can change
        } catch (RefusedUrlException e) {
            LOG.warn("Not calling endpoint {} of {}: {}", endpoint.id(), endpoint.organisationId(), e.getMessage());
            return AttemptResult.refused();
        }
        long timestamp = clock.instant().getEpochSecond();
        byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "Ticklist-Webhooks/1");
        headers.put("webhook-id", message.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(secret, message.id(), timestamp, body));
        return sender.post(url, headers, message.body());
    }

    /** A secret that does not decrypt means a wrong key in configuration: stop here, rather than drop messages. */
    private SigningSecret secretOf(WebhookEndpoint endpoint) {
        try {
            return new SigningSecret(cipher.decrypt(endpoint.encryptedSecret(), endpoint.secretContext()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the signing secret of endpoint " + endpoint.id() + " does not decrypt; "
                    + "is TICKLIST_WEBHOOK_ENCRYPTION_KEY the key it was encrypted with?", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between delivery attempts", e);
        }
    }
}
