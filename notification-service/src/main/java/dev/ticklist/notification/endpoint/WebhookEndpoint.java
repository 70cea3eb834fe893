package dev.ticklist.notification.endpoint;

import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.notification.webhooktype.WebhookTypes;
import dev.ticklist.notification.webhooktype.WebhookVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered endpoint, as the webhook events made it.
 *
 * @param encryptedSecret the signing secret as {@link dev.ticklist.notification.signing.SecretCipher} stored it
 * @param previousSecret  the secret before the last rotation while it still signs, or null
 * @param eventTypes      the webhook types it wants ({@link WebhookTypes}); empty means all
 * @param disabled        why no attempts go to it, or null while it is enabled
 * @param failingSince    the first failed attempt since its last success, or null
 */
public record WebhookEndpoint(
        String organisationId,
        String id,
        String url,
        String description,
        Set<String> eventTypes,
        String encryptedSecret,
        PreviousSecret previousSecret,
        Instant createdAt,
        Disabled disabled,
        Instant failingSince) {

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
    }

    static WebhookEndpoint created(String organisationId, String id, String url, String description,
                                   Set<String> eventTypes, String encryptedSecret, Instant createdAt) {
        return new WebhookEndpoint(organisationId, id, url, description, eventTypes, encryptedSecret, null, createdAt,
                null, null);
    }

    /** A secret replaced by a rotation, and until when it still signs. */
    public record PreviousSecret(String encryptedSecret, Instant expiresAt) {
    }

    /** Why and since when an endpoint gets no attempts. */
    public record Disabled(String reason, String detail, Instant at) {
    }

    public boolean enabled() {
        return disabled == null;
    }

    /** The version this endpoint gets the milestone in, or none if it did not subscribe to it. */
    public Optional<WebhookVersion> versionOf(MilestoneEvent milestone) {
        return WebhookTypes.MILESTONES.versionFor(eventTypes, milestone);
    }

    /** The encrypted secrets that sign a message at {@code now}: the current one, then the previous one. */
    public List<String> signingSecretsAt(Instant now) {
        return previousSecret != null && now.isBefore(previousSecret.expiresAt())
                ? List.of(encryptedSecret, previousSecret.encryptedSecret())
                : List.of(encryptedSecret);
    }

    /** What the secret's encryption is bound to, so it decrypts for this endpoint only. */
    public String secretContext() {
        return secretContext(organisationId, id);
    }

    public static String secretContext(String organisationId, String endpointId) {
        return organisationId + "/" + endpointId;
    }

    WebhookEndpoint withSettings(String newUrl, String newDescription, Set<String> newEventTypes) {
        return new WebhookEndpoint(organisationId, id, newUrl, newDescription, newEventTypes, encryptedSecret,
                previousSecret, createdAt, disabled, failingSince);
    }

    WebhookEndpoint withSecret(String newEncryptedSecret, PreviousSecret previous) {
        return new WebhookEndpoint(organisationId, id, url, description, eventTypes, newEncryptedSecret, previous,
                createdAt, disabled, failingSince);
    }

    /** Enabling forgets the failures before it: the failing period starts again from the next one. */
    WebhookEndpoint withDisabled(Disabled newDisabled) {
        return new WebhookEndpoint(organisationId, id, url, description, eventTypes, encryptedSecret, previousSecret,
                createdAt, newDisabled, newDisabled == null ? null : failingSince);
    }

    WebhookEndpoint withFailingSince(Instant since) {
        return new WebhookEndpoint(organisationId, id, url, description, eventTypes, encryptedSecret, previousSecret,
                createdAt, disabled, since);
    }
}
