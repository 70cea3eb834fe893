package dev.ticklist.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.Topics;
import dev.ticklist.events.webhook.WebhookEvent;
import dev.ticklist.notification.ServiceIT;
import dev.ticklist.notification.signing.SecretCipher;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.KafkaEventsConfiguration.TopicFollowers;
import dev.ticklist.platform.kafka.TopicFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

class WebhookEndpointsApiIT extends ServiceIT {

    @Autowired
    private WebhookEndpoints endpoints;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private TopicFollowers followers;

    @Test
    void registeringAnEndpointShowsItsSecretOnceAndListingNeverShowsIt() {
        String organisation = newOrganisation();

        var created = post(organisation, ENDPOINTS, Map.of("url", "https://203.0.113.14/ticklist",
                "description", "Our LMS", "eventTypes", List.of("dev.ticklist.level.completed.v1")));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().path("id").asString();
        String secret = created.body().path("secret").asString();
        assertThat(id).matches("ep_[0-9a-f]{16}");
        assertThat(created.location()).isEqualTo(ENDPOINTS + "/" + id);
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{32}");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);
        assertThat(created.body().path("url").asString()).isEqualTo("https://203.0.113.14/ticklist");
        assertThat(created.body().path("description").asString()).isEqualTo("Our LMS");
        assertThat(created.body().path("eventTypes").get(0).asString()).isEqualTo("dev.ticklist.level.completed.v1");

        // Read-your-write: the very next request sees it, without the secret.
        var listed = get(organisation, ENDPOINTS);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("endpoints")).hasSize(1);
        assertThat(listed.body().path("endpoints").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.text()).doesNotContain("secret").doesNotContain("whsec_").doesNotContain(secret.substring(6));
        var one = get(organisation, ENDPOINTS + "/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("url").asString()).isEqualTo("https://203.0.113.14/ticklist");
        assertThat(one.body().has("secret")).isFalse();

        // Kafka holds the secret only encrypted, bound to this organisation's endpoint.
        String stored = endpoints.find(organisation, id).orElseThrow().encryptedSecret();
        assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6));
        assertThat(cipher.decrypt(stored, organisation + "/" + id)).isEqualTo(secret);
    }

    @Test
    void anUnknownEndpointOrAnotherOrganisationsIsNotFound() {
        String organisation = newOrganisation();
        String theirs = register(newOrganisation(), "https://203.0.113.14/theirs").path("id").asString();

        get(organisation, ENDPOINTS + "/ep_0000000000000000").isProblem(404, "urn:ticklist:problem:not-found");
        get(organisation, ENDPOINTS + "/" + theirs).isProblem(404, "urn:ticklist:problem:not-found");
        get(organisation, ENDPOINTS + "/" + theirs + "/messages").isProblem(404, "urn:ticklist:problem:not-found");
        patch(organisation, ENDPOINTS + "/" + theirs, Map.of("enabled", false))
                .isProblem(404, "urn:ticklist:problem:not-found");
        delete(organisation, ENDPOINTS + "/" + theirs).isProblem(404, "urn:ticklist:problem:not-found");
        post(organisation, ENDPOINTS + "/" + theirs + "/secret/rotate", "")
                .isProblem(404, "urn:ticklist:problem:not-found");
        post(organisation, ENDPOINTS + "/" + theirs + "/messages/test", "")
                .isProblem(404, "urn:ticklist:problem:not-found");
        assertThat(get(organisation, ENDPOINTS).body().path("endpoints")).isEmpty();
    }

    @Test
    void aRequestWithoutTheGatewaysTokenIsUnauthorised() {
        send(request(ENDPOINTS).GET()).isProblem(401, "urn:ticklist:problem:unauthenticated");
        send(request(ENDPOINTS).header("Authorization", "Bearer not-a-token").GET())
                .isProblem(401, "urn:ticklist:problem:unauthenticated");
    }

    @Test
    void webhooksNeedTheAdminScope() {
        String organisation = newOrganisation();
        String readOnly = "Bearer " + token(organisation, Scope.READ, Scope.WRITE);

        send(request(ENDPOINTS).header("Authorization", readOnly).GET())
                .isProblem(403, "urn:ticklist:problem:forbidden");
        send(request(ENDPOINTS).header("Authorization", readOnly).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"https://203.0.113.14/\"}")))
                .isProblem(403, "urn:ticklist:problem:forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://10.0.0.1/x                          | private-network",
            "https://localhost/x                        | local machine",
            "https://2130706433/x                       | non-standard notation (it means 127.0.0.1)",
            "https://0x7f000001/x                       | non-standard notation (it means 127.0.0.1)",
            "https://169.254.169.254/latest/meta-data/  | link-local",
            "https://[fd12::1]/x                        | private-network",
            "ftp://203.0.113.14/x                      | must use https",
    })
    void aUrlIntoOurOwnNetworkIsRefusedAndNothingIsRecorded(String url, String reason) {
        String organisation = newOrganisation();

        var refused = post(organisation, ENDPOINTS, Map.of("url", url))
                .isProblem(400, "urn:ticklist:problem:webhook-url-refused");

        assertThat(refused.detail()).contains(reason);
        assertThat(get(organisation, ENDPOINTS).body().path("endpoints")).isEmpty();
    }

    @Test
    void invalidRequestsAreProblemsThatNameTheMistake() {
        String organisation = newOrganisation();

        assertThat(post(organisation, ENDPOINTS, Map.of("description", "no url"))
                .isProblem(400, "urn:ticklist:problem:invalid-request").detail()).contains("url");
        assertThat(post(organisation, ENDPOINTS, Map.of("url", "https://203.0.113.14/",
                "eventTypes", List.of("dev.ticklist.level.finished.v9")))
                .isProblem(400, "urn:ticklist:problem:unknown-event-type").detail())
                .contains("dev.ticklist.level.finished.v9").contains("dev.ticklist.level.completed.v1")
                .contains("dev.ticklist.level.completed.v2");
        assertThat(post(organisation, ENDPOINTS, Map.of("url", "https://203.0.113.14/",
                "eventTypes", List.of("dev.ticklist.level.completed.v2", "dev.ticklist.level.completed.v3")))
                .isProblem(400, "urn:ticklist:problem:unknown-event-type").detail())
                .startsWith("unknown event types [dev.ticklist.level.completed.v3]");
        post(organisation, ENDPOINTS, "{\"url\": ").isProblem(400, "urn:ticklist:problem:unreadable-request");
        assertThat(get(organisation, ENDPOINTS).body().path("endpoints")).isEmpty();
    }

    @Test
    void anEndpointSubscribesToEitherVersionOfAMilestoneOrBoth() {
        String organisation = newOrganisation();

        var both = post(organisation, ENDPOINTS, Map.of("url", "https://203.0.113.14/both", "eventTypes",
                List.of("dev.ticklist.level.completed.v2", "dev.ticklist.level.completed.v1")));
        assertThat(both.status()).as(both.text()).isEqualTo(201);
        assertThat(both.body().path("eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("dev.ticklist.level.completed.v1", "dev.ticklist.level.completed.v2");

        var v2Only = patch(organisation, ENDPOINTS + "/" + both.body().path("id").asString(),
                Map.of("eventTypes", List.of("dev.ticklist.level.completed.v2")));
        assertThat(v2Only.status()).as(v2Only.text()).isEqualTo(200);
        assertThat(v2Only.body().path("eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("dev.ticklist.level.completed.v2");
    }

    @Test
    void anEndpointIsUpdatedDisabledEnabledAndDeleted() {
        String organisation = newOrganisation();
        String id = register(organisation, "https://203.0.113.14/first").path("id").asString();
        String path = ENDPOINTS + "/" + id;

        var updated = patch(organisation, path, Map.of("url", "https://203.0.113.15/second",
                "eventTypes", List.of("dev.ticklist.level.reopened.v1"), "description", ""));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().path("url").asString()).isEqualTo("https://203.0.113.15/second");
        assertThat(updated.body().path("eventTypes").valueStream().map(JsonNode::asString))
                .containsExactly("dev.ticklist.level.reopened.v1");
        assertThat(updated.body().path("description").isNull()).isTrue();

        var disabled = patch(organisation, path, Map.of("enabled", false)).body();
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(disabled.path("disabledReason").asString()).isEqualTo("requested");
        assertThat(get(organisation, path).body().path("url").asString()).isEqualTo("https://203.0.113.15/second");
        assertThat(patch(organisation, path, Map.of("enabled", true)).body().path("enabled").asBoolean()).isTrue();

        assertThat(delete(organisation, path).status()).isEqualTo(204);
        get(organisation, path).isProblem(404, "urn:ticklist:problem:not-found");
        assertThat(get(organisation, ENDPOINTS).body().path("endpoints")).isEmpty();
    }

    @Test
    void badUpdatesAndRotationsAreProblemsAndChangeNothing() {
        String organisation = newOrganisation();
        String id = register(organisation, "https://203.0.113.14/kept").path("id").asString();
        String path = ENDPOINTS + "/" + id;

        patch(organisation, path, Map.of()).isProblem(400, "urn:ticklist:problem:nothing-to-update");
        patch(organisation, path, Map.of("url", "https://10.0.0.7/inside"))
                .isProblem(400, "urn:ticklist:problem:webhook-url-refused");
        patch(organisation, path, Map.of("eventTypes", List.of("dev.ticklist.nothing.v1")))
                .isProblem(400, "urn:ticklist:problem:unknown-event-type");
        post(organisation, path + "/secret/rotate", Map.of("previousSecretValidFor", "P8D"))
                .isProblem(400, "urn:ticklist:problem:invalid-rotation-overlap");
        post(organisation, path + "/secret/rotate", Map.of("previousSecretValidFor", "soon"))
                .isProblem(400, "urn:ticklist:problem:unreadable-request");
        get(organisation, path + "/messages?limit=0").isProblem(400, "urn:ticklist:problem:invalid-limit");

        JsonNode unchanged = get(organisation, path).body();
        assertThat(unchanged.path("url").asString()).isEqualTo("https://203.0.113.14/kept");
        assertThat(unchanged.path("eventTypes")).isEmpty();
        assertThat(unchanged.path("previousSecretExpiresAt").isNull()).isTrue();
    }

    @Test
    void aRotationShowsTheNewSecretOnceAndWhenTheOldOneStopsSigning() {
        String organisation = newOrganisation();
        JsonNode created = register(organisation, "https://203.0.113.14/rotating");
        String path = ENDPOINTS + "/" + created.path("id").asString();

        var rotated = post(organisation, path + "/secret/rotate", "");
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        assertThat(rotated.body().path("secret").asString()).startsWith("whsec_")
                .isNotEqualTo(created.path("secret").asString());
        Instant expires = Instant.parse(rotated.body().path("previousSecretExpiresAt").asString());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        JsonNode shown = get(organisation, path).body();
        assertThat(shown.path("previousSecretExpiresAt").asString()).isEqualTo(expires.toString());
        assertThat(shown.toString()).doesNotContain("whsec_");
    }

    @Test
    void aNewInstanceRebuildsTheEndpointsFromKafka() throws Exception {
        String organisation = newOrganisation();
        String id = register(organisation, "https://203.0.113.14/rebuilt").path("id").asString();

        var rebuilt = new WebhookEndpoints();
        TopicFollower<WebhookEvent> follower = followers.follow(Topics.WEBHOOKS, rebuilt::apply);
        follower.start();
        try {
            follower.awaitCaughtUp(organisation, Duration.ofSeconds(30));
        } finally {
            follower.stop();
        }

        assertThat(rebuilt.find(organisation, id)).isEqualTo(endpoints.find(organisation, id)).isPresent();
    }
}
