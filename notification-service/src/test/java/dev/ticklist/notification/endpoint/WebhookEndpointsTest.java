package dev.ticklist.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEvent;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given webhook events, the state every query reads. */
class WebhookEndpointsTest {

    private static final String LEVEL_COMPLETED = "dev.ticklist.level.completed.v1";
    private final WebhookEndpoints endpoints = new WebhookEndpoints();
    private int sequence;

    @Test
    void anEndpointBelongsToItsOrganisationOnly() {
        apply(created("org_a", "ep_1", Set.of()));
        apply(created("org_b", "ep_2", Set.of()));

        assertThat(endpoints.of("org_a")).extracting(WebhookEndpoint::id).containsExactly("ep_1");
        assertThat(endpoints.find("org_a", "ep_2")).isEmpty();
        assertThat(endpoints.find("org_b", "ep_2")).isPresent();
        assertThat(endpoints.of("org_c")).isEmpty();
    }

    @Test
    void anEmptyTypeListWantsEveryMilestone() {
        apply(created("org_a", "ep_all", Set.of()));
        apply(created("org_a", "ep_levels", Set.of(LEVEL_COMPLETED)));
        apply(created("org_a", "ep_other", Set.of("dev.ticklist.checklist.completed.v1")));

        assertThat(endpoints.subscribedTo("org_a", LEVEL_COMPLETED)).extracting(WebhookEndpoint::id)
                .containsExactly("ep_all", "ep_levels");
    }

    @Test
    void theSameEventReadTwiceChangesNothing() {
        var event = created("org_a", "ep_1", Set.of());
        apply(event);
        apply(event);

        assertThat(endpoints.of("org_a")).hasSize(1);
    }

    @Test
    void attemptsAreListedNewestFirstAndADeliveredOneIsRemembered() {
        apply(created("org_a", "ep_1", Set.of()));
        apply(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_1", "evt_1", 1, 500, false, 12));
        apply(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_1", "evt_1", 2, 204, true, 8));

        assertThat(endpoints.attempts("org_a", "ep_1")).extracting(DeliveryAttempt::attempt).containsExactly(2, 1);
        assertThat(endpoints.wasDelivered("org_a", "msg_1")).isTrue();
        assertThat(endpoints.wasDelivered("org_b", "msg_1")).isFalse();
        assertThat(endpoints.attempts("org_b", "ep_1")).isEmpty();
    }

    @Test
    void theLogKeepsTheMostRecentAttempts() {
        apply(created("org_a", "ep_1", Set.of()));
        for (int i = 1; i <= WebhookEndpoints.ATTEMPTS_KEPT + 5; i++) {
            apply(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_" + i, "evt_" + i, 1, 500, false, 1));
        }

        var attempts = endpoints.attempts("org_a", "ep_1");
        assertThat(attempts).hasSize(WebhookEndpoints.ATTEMPTS_KEPT);
        assertThat(attempts.getFirst().messageId()).isEqualTo("msg_" + (WebhookEndpoints.ATTEMPTS_KEPT + 5));
    }

    private static WebhookEndpointCreated created(String organisationId, String endpointId, Set<String> types) {
        return new WebhookEndpointCreated(organisationId, endpointId, "https://hooks.example.org/" + endpointId,
                types, null, "v1:AAAA");
    }

    private void apply(WebhookEvent event) {
        sequence++;
        endpoints.apply(new EventEnvelope<>("evt-" + sequence, "/ticklist/notification-service",
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(sequence), event));
    }
}
