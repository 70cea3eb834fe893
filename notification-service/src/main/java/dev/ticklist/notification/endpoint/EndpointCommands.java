package dev.ticklist.notification.endpoint;

import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEndpointDisabled;
import dev.ticklist.events.webhook.WebhookEndpointEnabled;
import dev.ticklist.events.webhook.WebhookEndpointUpdated;
import dev.ticklist.events.webhook.WebhookSecretRotated;
import dev.ticklist.notification.WebhookEventLog;
import dev.ticklist.notification.destination.RefusedUrlException;
import dev.ticklist.notification.destination.WebhookUrlGuard;
import dev.ticklist.notification.signing.SecretCipher;
import dev.ticklist.notification.signing.SigningSecret;
import dev.ticklist.notification.webhooktype.WebhookTypes;
import dev.ticklist.platform.web.Ids;
import dev.ticklist.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * What an organisation does with its endpoints: each command is checked, recorded as an event
 * (secrets encrypted), and answered once this instance has applied it.
 */
@Service
public class EndpointCommands {

    private final WebhookUrlGuard guard;
    private final SecretCipher cipher;
    private final WebhookEventLog log;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    EndpointCommands(WebhookUrlGuard guard, SecretCipher cipher, WebhookEventLog log, WebhookEndpoints endpoints,
                     Clock clock) {
        this.guard = guard;
        this.cipher = cipher;
        this.log = log;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public CreatedEndpoint register(String organisationId, CreateEndpointRequest request) {
        String url = checkedUrl(request.url());
        Set<String> eventTypes = checkedEventTypes(request.eventTypes());
        String description = descriptionOf(request.description());
        String endpointId = Ids.generate("ep_");
        SigningSecret secret = SigningSecret.generate();
        log.record(new WebhookEndpointCreated(organisationId, endpointId, url, eventTypes, description,
                encrypt(secret, organisationId, endpointId)));
        Instant createdAt = endpoints.find(organisationId, endpointId)
                .map(WebhookEndpoint::createdAt).orElseGet(clock::instant);
        return new CreatedEndpoint(endpointId, url, description, eventTypes.stream().sorted().toList(),
                secret.value(), createdAt);
    }

    public WebhookEndpoint update(WebhookEndpoint endpoint, UpdateEndpointRequest request) {
        if (request.isEmpty()) {
            throw Problems.invalid("nothing-to-update", "name at least one of url, description, eventTypes, enabled");
        }
        String organisationId = endpoint.organisationId();
        if (request.changesSettings()) {
            String url = request.url() == null ? endpoint.url() : checkedUrl(request.url());
            Set<String> eventTypes = request.eventTypes() == null ? endpoint.eventTypes()
                    : checkedEventTypes(request.eventTypes());
            String description = request.description() == null ? endpoint.description()
                    : descriptionOf(request.description());
            log.record(new WebhookEndpointUpdated(organisationId, endpoint.id(), url, eventTypes, description));
        }
        if (request.enabled() != null && request.enabled() != endpoint.enabled()) {
            log.record(request.enabled()
                    ? new WebhookEndpointEnabled(organisationId, endpoint.id())
                    : new WebhookEndpointDisabled(organisationId, endpoint.id(), WebhookEndpointDisabled.REQUESTED,
                            "disabled by the organisation"));
        }
        return current(endpoint);
    }

    public void delete(WebhookEndpoint endpoint) {
        log.record(new WebhookEndpointDeleted(endpoint.organisationId(), endpoint.id()));
    }

    public RotatedSecret rotateSecret(WebhookEndpoint endpoint, RotateSecretRequest request) {
        Duration overlap = request.overlap();
        if (overlap.isNegative() || overlap.compareTo(RotateSecretRequest.MAX_OVERLAP) > 0) {
            throw Problems.invalid("invalid-rotation-overlap", "previousSecretValidFor must be between PT0S and "
                    + "P7D (ISO-8601), not " + overlap);
        }
        SigningSecret secret = SigningSecret.generate();
        Instant previousExpiresAt = clock.instant().plus(overlap);
        log.record(new WebhookSecretRotated(endpoint.organisationId(), endpoint.id(),
                encrypt(secret, endpoint.organisationId(), endpoint.id()), previousExpiresAt));
        return new RotatedSecret(secret.value(), previousExpiresAt);
    }

    private WebhookEndpoint current(WebhookEndpoint endpoint) {
        return endpoints.find(endpoint.organisationId(), endpoint.id()).orElse(endpoint);
    }

    private String encrypt(SigningSecret secret, String organisationId, String endpointId) {
        return cipher.encrypt(secret.value(), WebhookEndpoint.secretContext(organisationId, endpointId));
    }

    private String checkedUrl(String url) {
        if (url.isBlank()) {
            throw Problems.invalid("webhook-url-refused", "the url must not be blank");
        }
        try {
            return guard.check(url).toString();
        } catch (RefusedUrlException e) {
            throw Problems.invalid("webhook-url-refused", e.getMessage());
        }
    }

    private static String descriptionOf(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static Set<String> checkedEventTypes(Set<String> requested) {
        var unknown = new TreeSet<>(requested);
        unknown.removeIf(WebhookTypes.MILESTONES::offers);
        if (!unknown.isEmpty()) {
            throw Problems.invalid("unknown-event-type", "unknown event types " + unknown
                    + "; webhooks can subscribe to " + WebhookTypes.MILESTONES.names()
                    + ", or to all of them with an empty list");
        }
        return Set.copyOf(requested);
    }
}
