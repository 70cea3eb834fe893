package dev.ticklist.notification.endpoint;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEndpointDisabled;
import dev.ticklist.events.webhook.WebhookEndpointEnabled;
import dev.ticklist.events.webhook.WebhookEndpointUpdated;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.events.webhook.WebhookMessageQueued;
import dev.ticklist.events.webhook.WebhookMessageRetryRequested;
import dev.ticklist.events.webhook.WebhookSecretRotated;
import dev.ticklist.notification.endpoint.WebhookEndpoint.Disabled;
import dev.ticklist.notification.endpoint.WebhookEndpoint.PreviousSecret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The endpoints of every organisation, folded from the webhook events in topic order. It lives
 * in memory only: the events in Kafka are the record, and a new instance reads them all again.
 * Everything is held per organisation, and no query crosses organisations.
 */
@Component
public class WebhookEndpoints {

    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();

    public void apply(EventEnvelope<? extends WebhookEvent> envelope) {
        WebhookEvent event = envelope.event();
        Organisation organisation = organisations.computeIfAbsent(event.organisationId(), id -> new Organisation());
        Instant at = envelope.time();
        switch (event) {
            case WebhookEndpointCreated created -> organisation.add(WebhookEndpoint.created(created.organisationId(),
                    created.endpointId(), created.url(), created.description(), created.eventTypes(),
                    created.encryptedSecret(), at));
            case WebhookEndpointUpdated updated -> organisation.change(updated.endpointId(),
                    endpoint -> endpoint.withSettings(updated.url(), updated.description(), updated.eventTypes()));
            case WebhookSecretRotated rotated -> organisation.change(rotated.endpointId(), endpoint ->
                    endpoint.encryptedSecret().equals(rotated.encryptedSecret()) ? endpoint : endpoint.withSecret(
                            rotated.encryptedSecret(),
                            new PreviousSecret(endpoint.encryptedSecret(), rotated.previousSecretExpiresAt())));
            case WebhookEndpointDisabled disabled -> organisation.change(disabled.endpointId(), endpoint ->
                    endpoint.enabled() ? endpoint.withDisabled(new Disabled(disabled.reason(), disabled.detail(), at))
                            : endpoint);
            case WebhookEndpointEnabled enabled -> organisation.change(enabled.endpointId(),
                    endpoint -> endpoint.withDisabled(null));
            case WebhookEndpointDeleted deleted -> organisation.remove(deleted.endpointId());
            case WebhookDeliveryAttemptedV2 attempted -> organisation.change(attempted.endpointId(),
                    endpoint -> afterAttempt(endpoint, attempted.delivered(), at));
            case WebhookMessageQueued ignored -> {
            }
            case WebhookMessageRetryRequested ignored -> {
            }
        }
    }

    private static WebhookEndpoint afterAttempt(WebhookEndpoint endpoint, boolean delivered, Instant at) {
        if (delivered) {
            return endpoint.withFailingSince(null);
        }
        return endpoint.failingSince() == null ? endpoint.withFailingSince(at) : endpoint;
    }

    /** The organisation's endpoints, oldest first. */
    public List<WebhookEndpoint> of(String organisationId) {
        return organisation(organisationId).map(Organisation::endpoints).orElse(List.of());
    }

    public Optional<WebhookEndpoint> find(String organisationId, String endpointId) {
        return organisation(organisationId).flatMap(organisation -> organisation.endpoint(endpointId));
    }

    /**
     * The enabled endpoints that want this milestone, each with the version it gets it in: a
     * disabled endpoint is sent nothing new.
     */
    public List<Subscription> subscribedTo(String organisationId, MilestoneEvent milestone) {
        return of(organisationId).stream()
                .filter(WebhookEndpoint::enabled)
                .flatMap(endpoint -> endpoint.versionOf(milestone)
                        .map(version -> new Subscription(endpoint, version)).stream())
                .toList();
    }

    private Optional<Organisation> organisation(String organisationId) {
        return Optional.ofNullable(organisations.get(organisationId));
    }

    /** One organisation's endpoints; the follower thread writes while request and delivery threads read. */
    private static final class Organisation {
        private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();

        synchronized void add(WebhookEndpoint endpoint) {
            endpoints.putIfAbsent(endpoint.id(), endpoint); // the same event read twice changes nothing
        }

        synchronized void change(String endpointId, UnaryOperator<WebhookEndpoint> change) {
            endpoints.computeIfPresent(endpointId, (id, endpoint) -> change.apply(endpoint));
        }

        synchronized void remove(String endpointId) {
            endpoints.remove(endpointId);
        }

        synchronized List<WebhookEndpoint> endpoints() {
            return List.copyOf(endpoints.values());
        }

        synchronized Optional<WebhookEndpoint> endpoint(String endpointId) {
            return Optional.ofNullable(endpoints.get(endpointId));
        }
    }
}
