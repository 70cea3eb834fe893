package dev.ticklist.notification.endpoint;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The endpoints and delivery log of every organisation, folded from the webhook events in topic
 * order. It lives in memory only: the events in Kafka are the record, and a new instance reads
 * them all again. Everything is held per organisation, and no query crosses organisations.
 */
@Component
public class WebhookEndpoints {

    /** Attempts kept per endpoint for the delivery log; older ones stay in Kafka only. */
    static final int ATTEMPTS_KEPT = 500;

    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();

    public void apply(EventEnvelope<WebhookEvent> envelope) {
        WebhookEvent event = envelope.event();
        Organisation organisation = organisations.computeIfAbsent(event.organisationId(), id -> new Organisation());
        switch (event) {
            case WebhookEndpointCreated created -> organisation.add(new WebhookEndpoint(created.organisationId(),
                    created.endpointId(), created.url(), created.description(), created.eventTypes(),
                    created.encryptedSecret(), envelope.time()));
            case WebhookDeliveryAttempted attempted -> organisation.record(attempted.endpointId(), new DeliveryAttempt(
                    attempted.messageId(), attempted.milestoneEventId(), attempted.attempt(), attempted.statusCode(),
                    attempted.delivered(), attempted.latencyMillis(), envelope.time()));
        }
    }

    /** The organisation's endpoints, oldest first. */
    public List<WebhookEndpoint> of(String organisationId) {
        return organisation(organisationId).map(Organisation::endpoints).orElse(List.of());
    }

    public Optional<WebhookEndpoint> find(String organisationId, String endpointId) {
        return organisation(organisationId).flatMap(organisation -> organisation.endpoint(endpointId));
    }

    public List<WebhookEndpoint> subscribedTo(String organisationId, String eventType) {
        return of(organisationId).stream().filter(endpoint -> endpoint.wants(eventType)).toList();
    }

    /** The endpoint's recent delivery attempts, newest first. */
    public List<DeliveryAttempt> attempts(String organisationId, String endpointId) {
        return organisation(organisationId).map(organisation -> organisation.attempts(endpointId)).orElse(List.of());
    }

    /** Whether an attempt event says this message was delivered: what survives a wipe of Redis. */
    public boolean wasDelivered(String organisationId, String messageId) {
        return organisation(organisationId).map(organisation -> organisation.wasDelivered(messageId)).orElse(false);
    }

    private Optional<Organisation> organisation(String organisationId) {
        return Optional.ofNullable(organisations.get(organisationId));
    }

    /** One organisation's state; the follower thread writes while request threads read. */
    private static final class Organisation {
        private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
        private final Map<String, Deque<DeliveryAttempt>> attempts = new HashMap<>();
        private final Set<String> delivered = new HashSet<>();

        synchronized void add(WebhookEndpoint endpoint) {
            endpoints.putIfAbsent(endpoint.id(), endpoint); // the same event read twice changes nothing
        }

        synchronized void record(String endpointId, DeliveryAttempt attempt) {
            Deque<DeliveryAttempt> log = attempts.computeIfAbsent(endpointId, id -> new ArrayDeque<>());
            log.addFirst(attempt);
            if (log.size() > ATTEMPTS_KEPT) {
                log.removeLast();
            }
            if (attempt.delivered()) {
                delivered.add(attempt.messageId());
            }
        }

        synchronized List<WebhookEndpoint> endpoints() {
            return List.copyOf(endpoints.values());
        }

        synchronized Optional<WebhookEndpoint> endpoint(String endpointId) {
            return Optional.ofNullable(endpoints.get(endpointId));
        }

        synchronized List<DeliveryAttempt> attempts(String endpointId) {
            return new ArrayList<>(attempts.getOrDefault(endpointId, new ArrayDeque<>()));
        }

        synchronized boolean wasDelivered(String messageId) {
            return delivered.contains(messageId);
        }
    }
}
