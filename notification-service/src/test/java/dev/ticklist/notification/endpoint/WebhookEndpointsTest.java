package dev.ticklist.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Superseded;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.events.webhook.WebhookDeliveryAttempted;
import dev.ticklist.events.webhook.WebhookDeliveryAttemptedV2;
import dev.ticklist.events.webhook.WebhookEndpointCreated;
import dev.ticklist.events.webhook.WebhookEndpointDeleted;
import dev.ticklist.events.webhook.WebhookEndpointDisabled;
import dev.ticklist.events.webhook.WebhookEndpointEnabled;
import dev.ticklist.events.webhook.WebhookEndpointUpdated;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.events.webhook.WebhookSecretRotated;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given webhook events, the state every query reads. */
class WebhookEndpointsTest {

    private static final String LEVEL_COMPLETED = "dev.ticklist.level.completed.v1";
    private static final MilestoneEvent A_LEVEL_COMPLETED = new LevelCompleted("org_a", "coh_1", "ada",
            "machine-learning", 1, "entry", 25);
    private static final MilestoneEvent A_CHECKLIST_COMPLETED = new ChecklistCompleted("org_a", "coh_1", "ada",
            "machine-learning", 1, 86);
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

        assertThat(subscribersOf(A_LEVEL_COMPLETED)).containsExactly("ep_all", "ep_levels");
    }

    @Test
    void theSameEventReadTwiceChangesNothing() {
        var event = created("org_a", "ep_1", Set.of());
        apply(event);
        apply(event);

        assertThat(endpoints.of("org_a")).hasSize(1);
    }

    @Test
    void anUpdateChangesUrlDescriptionAndTypes() {
        apply(created("org_a", "ep_1", Set.of()));

        apply(new WebhookEndpointUpdated("org_a", "ep_1", "https://new.example.org/hook", Set.of(LEVEL_COMPLETED),
                "Levels only"));

        var endpoint = endpoints.find("org_a", "ep_1").orElseThrow();
        assertThat(endpoint.url()).isEqualTo("https://new.example.org/hook");
        assertThat(endpoint.description()).isEqualTo("Levels only");
        assertThat(endpoint.eventTypes()).containsExactly(LEVEL_COMPLETED);
        assertThat(endpoint.encryptedSecret()).isEqualTo("v1:AAAA");
        assertThat(subscribersOf(A_CHECKLIST_COMPLETED)).isEmpty();
    }

    @Test
    void aRotatedSecretLetsTheOldOneSignUntilItExpires() {
        apply(created("org_a", "ep_1", Set.of()));
        Instant expiry = Instant.parse("2026-11-24T10:00:00Z");

        var rotation = new WebhookSecretRotated("org_a", "ep_1", "v1:BBBB", expiry);
        apply(rotation);
        apply(rotation);

        var endpoint = endpoints.find("org_a", "ep_1").orElseThrow();
        assertThat(endpoint.encryptedSecret()).isEqualTo("v1:BBBB");
        assertThat(endpoint.signingSecretsAt(expiry.minusSeconds(1))).containsExactly("v1:BBBB", "v1:AAAA");
        assertThat(endpoint.signingSecretsAt(expiry)).containsExactly("v1:BBBB");
    }

    @Test
    void aDisabledEndpointIsSentNothingNewAndSaysWhy() {
        apply(created("org_a", "ep_1", Set.of()));
        Instant disabledAt = apply(new WebhookEndpointDisabled("org_a", "ep_1", WebhookEndpointDisabled.GONE,
                "answered 410"));
        apply(new WebhookEndpointDisabled("org_a", "ep_1", WebhookEndpointDisabled.REQUESTED, "by hand"));

        var endpoint = endpoints.find("org_a", "ep_1").orElseThrow();
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabled()).isEqualTo(new WebhookEndpoint.Disabled(WebhookEndpointDisabled.GONE,
                "answered 410", disabledAt));
        assertThat(subscribersOf(A_LEVEL_COMPLETED)).isEmpty();
    }

    @Test
    void enablingClearsDisabledAndFailingSince() {
        apply(created("org_a", "ep_1", Set.of()));
        apply(failedAttempt(1));
        apply(new WebhookEndpointDisabled("org_a", "ep_1", WebhookEndpointDisabled.FAILING, "failing for 5 days"));

        apply(new WebhookEndpointEnabled("org_a", "ep_1"));

        var endpoint = endpoints.find("org_a", "ep_1").orElseThrow();
        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.disabled()).isNull();
        assertThat(endpoint.failingSince()).isNull();
        assertThat(subscribersOf(A_LEVEL_COMPLETED)).containsExactly("ep_1");
    }

    @Test
    void failingSinceStartsAtTheFirstFailureAndADeliveryClearsIt() {
        apply(created("org_a", "ep_1", Set.of()));
        assertThat(failingSince()).isNull();

        Instant firstFailure = apply(failedAttempt(1));
        apply(failedAttempt(2));
        assertThat(failingSince()).isEqualTo(firstFailure);

        apply(new WebhookDeliveryAttemptedV2("org_a", "ep_1", "msg_1", 3, WebhookDeliveryAttemptedV2.DELIVERED, 204,
                8, null, null));
        assertThat(failingSince()).isNull();
    }

    @Test
    void legacyAttemptsCountForFailingSinceToo() {
        apply(created("org_a", "ep_1", Set.of()));

        Instant firstFailure = apply(
                asRead(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_1", "evt_1", 1, 500, false, 12)));
        apply(asRead(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_2", "evt_2", 1, 0, false, 12)));
        assertThat(failingSince()).isEqualTo(firstFailure);

        apply(asRead(new WebhookDeliveryAttempted("org_a", "ep_1", "msg_3", "evt_3", 1, 204, true, 8)));
        assertThat(failingSince()).isNull();
    }

    /** A version 1 attempt as the follower hands it over: the deserializer upcasts it. */
    private static WebhookEvent asRead(WebhookDeliveryAttempted legacy) {
        return (WebhookEvent) Superseded.current(legacy);
    }

    @Test
    void aDeletedEndpointIsGone() {
        apply(created("org_a", "ep_1", Set.of()));
        apply(created("org_a", "ep_2", Set.of()));

        apply(new WebhookEndpointDeleted("org_a", "ep_1"));

        assertThat(endpoints.find("org_a", "ep_1")).isEmpty();
        assertThat(endpoints.of("org_a")).extracting(WebhookEndpoint::id).containsExactly("ep_2");
        assertThat(subscribersOf(A_LEVEL_COMPLETED)).containsExactly("ep_2");
    }

    @Test
    void eachEndpointGetsAMilestoneOnceInTheNewestVersionItSubscribedTo() {
        apply(created("org_a", "ep_v1", Set.of(LEVEL_COMPLETED)));
        apply(created("org_a", "ep_v2", Set.of("dev.ticklist.level.completed.v2")));
        apply(created("org_a", "ep_both", Set.of(LEVEL_COMPLETED, "dev.ticklist.level.completed.v2")));
        apply(created("org_a", "ep_all", Set.of()));

        assertThat(endpoints.subscribedTo("org_a", A_LEVEL_COMPLETED))
                .extracting(subscription -> subscription.endpoint().id() + " " + subscription.version().name())
                .containsExactly("ep_v1 dev.ticklist.level.completed.v1", "ep_v2 dev.ticklist.level.completed.v2",
                        "ep_both dev.ticklist.level.completed.v2", "ep_all dev.ticklist.level.completed.v1");
    }

    /** The ids of the endpoints of org_a that get this milestone. */
    private List<String> subscribersOf(MilestoneEvent milestone) {
        return endpoints.subscribedTo("org_a", milestone).stream()
                .map(subscription -> subscription.endpoint().id())
                .toList();
    }

    private Instant failingSince() {
        return endpoints.find("org_a", "ep_1").orElseThrow().failingSince();
    }

    private static WebhookDeliveryAttemptedV2 failedAttempt(int attempt) {
        return new WebhookDeliveryAttemptedV2("org_a", "ep_1", "msg_1", attempt, "timeout", 0, 10_000, null,
                Instant.parse("2026-11-23T11:00:00Z"));
    }

    private static WebhookEndpointCreated created(String organisationId, String endpointId, Set<String> types) {
        return new WebhookEndpointCreated(organisationId, endpointId, "https://hooks.example.org/" + endpointId,
                types, null, "v1:AAAA");
    }

    /** Applies the event at a time of its own, and returns that time. */
    private Instant apply(WebhookEvent event) {
        sequence++;
        Instant at = Instant.parse("2026-11-23T10:00:00Z").plusSeconds(sequence);
        endpoints.apply(new EventEnvelope<>("evt-" + sequence, "/ticklist/notification-service", at, event));
        return at;
    }
}
