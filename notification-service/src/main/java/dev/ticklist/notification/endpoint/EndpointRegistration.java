package dev.ticklist.notification.endpoint;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.destination.RefusedUrlException;
import dev.ticklist.notification.destination.WebhookUrlGuard;
import dev.ticklist.notification.signing.SecretCipher;
import dev.ticklist.notification.signing.SigningSecret;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.TopicFollower;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Registers an endpoint: checks the request, makes a signing secret, records the endpoint as an
 * event with the secret encrypted, then waits until this instance has applied it, so the caller's
 * next read sees it.
 */
@Service
public class EndpointRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointRegistration.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final WebhookUrlGuard guard;
    private final SecretCipher cipher;
    private final EventPublisher publisher;
    private final TopicFollower<WebhookEvent> follower;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    EndpointRegistration(WebhookUrlGuard guard, SecretCipher cipher, EventPublisher publisher,
                         TopicFollower<WebhookEvent> follower, WebhookEndpoints endpoints, Clock clock) {
        this.guard = guard;
        this.cipher = cipher;
        this.publisher = publisher;
        this.follower = follower;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public CreatedEndpoint register(String organisationId, CreateEndpointRequest request) {
        String url = checkedUrl(request.url());
        Set<String> eventTypes = checkedEventTypes(request.eventTypes());
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description().strip();
        String endpointId = Ids.generate("ep_");
        SigningSecret secret = SigningSecret.generate();
        String encrypted = cipher.encrypt(secret.value(), WebhookEndpoint.secretContext(organisationId, endpointId));

        publisher.publish(Topics.WEBHOOKS,
                new WebhookEndpointCreated(organisationId, endpointId, url, eventTypes, description, encrypted));
        Instant createdAt = awaitApplied(organisationId, endpointId);
        return new CreatedEndpoint(endpointId, url, description, eventTypes.stream().sorted().toList(),
                secret.value(), createdAt);
    }

    private String checkedUrl(String url) {
        try {
            return guard.check(url).toString();
        } catch (RefusedUrlException e) {
            throw Problems.invalid("webhook-url-refused", e.getMessage());
        }
    }

    private static Set<String> checkedEventTypes(Set<String> requested) {
        var unknown = new TreeSet<>(requested);
        unknown.removeAll(MilestoneTypes.ALL);
        if (!unknown.isEmpty()) {
            throw Problems.invalid("unknown-event-type", "unknown event types " + unknown
                    + "; webhooks can subscribe to " + MilestoneTypes.ALL + ", or to all of them with an empty list");
        }
        return Set.copyOf(requested);
    }

    /**
     * The endpoint exists once its event is acknowledged, and its secret is shown only in this
     * answer: so a slow follower costs the caller read-your-write, never the endpoint.
     */
    private Instant awaitApplied(String organisationId, String endpointId) {
        try {
            follower.awaitCaughtUp(organisationId, CATCH_UP);
        } catch (TimeoutException e) {
            LOG.warn("Endpoint {} of {} is recorded but not yet applied here: {}", endpointId, organisationId,
                    e.getMessage());
        }
        return endpoints.find(organisationId, endpointId).map(WebhookEndpoint::createdAt).orElseGet(clock::instant);
    }
}
