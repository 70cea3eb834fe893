package dev.ticklist.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.notification.ServiceIT;
import dev.ticklist.notification.WebhookReceiver;
import dev.ticklist.notification.WebhookReceiver.Received;
import dev.ticklist.notification.verify.StandardWebhooksVerifier;
import dev.ticklist.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The retry schedule, in seconds (test settings: attempts at 0, 1, 3, 5 and 8 s, disabled after
 * failing 6 s, attempts time out after 2 s), against real receivers on loopback.
 */
class DurableDeliveryIT extends ServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private EventPublisher publisher;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private StringRedisTemplate redis;

    @Test
    void aReceiverDownForAWhileGetsEveryMessageOnceItIsBack() {
        String organisation = newOrganisation();
        var down = registeredReceiverNowDown(organisation);
        int port = down.port();
        String endpointId = down.endpointId();
        List<String> eventIds = List.of(publish(organisation, "ada"), publish(organisation, "grace"),
                publish(organisation, "alan"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(organisation, endpointId, ""))
                .hasSize(3)
                .allSatisfy(message -> assertThat(message.path("attempts").size()).isGreaterThanOrEqualTo(2)));
        assertThat(messages(organisation, endpointId, "?status=pending")).hasSize(3)
                .allSatisfy(message -> assertThat(message.path("attempts").valueStream()
                        .map(attempt -> attempt.path("outcome").asString())).containsOnly("unreachable"));
        assertThat(meters.get(DeliveryMetrics.PENDING).gauge().value()).isGreaterThanOrEqualTo(3);
        assertThat(meters.get(DeliveryMetrics.OLDEST_PENDING).gauge().value()).isPositive();

        try (var back = WebhookReceiver.startOn(port)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(organisation, endpointId,
                    "?status=delivered")).hasSize(3));
            Map<String, Long> deliveriesPerMessage = back.received().stream()
                    .collect(Collectors.groupingBy(request -> request.header("webhook-id"), Collectors.counting()));
            assertThat(deliveriesPerMessage).hasSize(3).allSatisfy((id, count) -> assertThat(count).isOne());
            assertThat(back.received().stream().map(request -> milestoneIdOf(request)))
                    .containsExactlyInAnyOrderElementsOf(eventIds);
        }
    }

    /**
     * Redis holds only the attempt claims: a wipe forgets them, and no message. The pending
     * messages are folded from Kafka, so each is claimed and delivered anew, once.
     */
    @Test
    void aRedisWipeWhileMessagesWaitLosesNoneAndDeliversEachOnce() {
        String organisation = newOrganisation();
        var down = registeredReceiverNowDown(organisation);
        int port = down.port();
        String endpointId = down.endpointId();
        List<String> eventIds = List.of(publish(organisation, "ada"), publish(organisation, "grace"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(organisation, endpointId, "?status=pending"))
                .hasSize(2).allSatisfy(message -> assertThat(message.path("attempts").size()).isPositive()));

        String claims = "webhook:{" + organisation + "}:claim:*";
        assertThat(redis.keys(claims)).as("the attempts made so far hold claims").isNotEmpty();
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
        assertThat(redis.keys(claims)).isEmpty();

        try (var back = WebhookReceiver.startOn(port)) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(organisation, endpointId,
                    "?status=delivered")).hasSize(2));
            assertThat(back.received().stream().map(request -> request.header("webhook-id")).distinct())
                    .hasSize(back.received().size());
            assertThat(back.received().stream().map(request -> milestoneIdOf(request)))
                    .containsExactlyInAnyOrderElementsOf(eventIds);
        }
    }

    @Test
    void retryAfterPushesTheNextAttemptOutAndARedirectIsAFailureNotFollowed() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start()
                .answering(429, Map.of("Retry-After", "4"))
                .answering(302, Map.of("Location", "/elsewhere"))) {
            String endpointId = register(organisation, receiver.url()).path("id").asString();
            publish(organisation, "ada");

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
            List<Received> requests = receiver.received();
            assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                    .as("the schedule says 1 s; Retry-After says 4 s").isGreaterThanOrEqualTo(Duration.ofMillis(3900));
            assertThat(receiver.receivedAt("/elsewhere")).as("a redirect is not followed").isEmpty();
            String messageId = requests.getFirst().header("webhook-id");
            assertThat(requests).extracting(request -> request.header("webhook-id")).containsOnly(messageId);
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode message = message(organisation, endpointId, messageId);
                assertThat(message.path("status").asString()).isEqualTo("delivered");
                assertThat(message.path("attempts").valueStream().map(a -> a.path("statusCode").asInt()))
                        .containsExactly(429, 302, 200);
                assertThat(message.path("attempts").valueStream().map(a -> a.path("outcome").asString()))
                        .containsExactly("rejected", "rejected", "delivered");
            });
        }
    }

    @Test
    void goneDisablesTheEndpointAndNothingNewIsQueuedForIt() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start().answering(410)) {
            String endpointId = register(organisation, receiver.url()).path("id").asString();
            publish(organisation, "ada");

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode endpoint = get(organisation, ENDPOINTS + "/" + endpointId).body();
                assertThat(endpoint.path("enabled").asBoolean()).isFalse();
                assertThat(endpoint.path("disabledReason").asString()).isEqualTo("gone");
                assertThat(endpoint.path("disabledDetail").asString()).contains("410");
            });
            assertThat(messages(organisation, endpointId, "")).singleElement()
                    .satisfies(message -> assertThat(message.path("status").asString()).isEqualTo("failed"));

            try (var witness = WebhookReceiver.start()) {
                register(organisation, witness.url());
                publish(organisation, "grace");
                // The witness's message and any for the disabled endpoint are queued in one step.
                await().atMost(PATIENCE).until(() -> witness.received().size() == 1);
            }
            assertThat(messages(organisation, endpointId, "")).hasSize(1);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void anEndpointFailingLongerThanTheLimitIsDisabledAndSaysWhy() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start().answering(500, 500, 500, 500, 500, 500)) {
            String endpointId = register(organisation, receiver.url()).path("id").asString();
            publish(organisation, "ada");

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode endpoint = get(organisation, ENDPOINTS + "/" + endpointId).body();
                assertThat(endpoint.path("enabled").asBoolean()).isFalse();
                assertThat(endpoint.path("disabledReason").asString()).isEqualTo("failing");
                assertThat(endpoint.path("disabledDetail").asString()).contains("no successful delivery since")
                        .contains("HTTP 500");
            });
            assertThat(receiver.received()).hasSize(5);

            var enabled = patch(organisation, ENDPOINTS + "/" + endpointId, Map.of("enabled", true));
            assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
            assertThat(enabled.body().path("enabled").asBoolean()).isTrue();
            assertThat(enabled.body().path("failingSince").isNull()).isTrue();
        }
    }

    @Test
    void aFailedMessageIsRetriedByHandAndATestMessageIsDeliveredLikeAnyOther() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start().answering(500, 500, 500, 500, 500)) {
            String endpointId = register(organisation, receiver.url()).path("id").asString();
            var queued = post(organisation, ENDPOINTS + "/" + endpointId + "/messages/test", "");
            assertThat(queued.status()).as(queued.text()).isEqualTo(202);
            String messageId = queued.body().path("id").asString();
            assertThat(queued.body().path("eventType").asString()).isEqualTo("dev.ticklist.webhook.test.v1");

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages(organisation, endpointId,
                    "?status=failed")).extracting(message -> message.path("id").asString()).containsExactly(messageId));
            // Eight seconds of failures also disabled the endpoint (the limit is 6 s): the
            // organisation mends its receiver, enables the endpoint and retries the message.
            await().atMost(PATIENCE).until(() -> !get(organisation, ENDPOINTS + "/" + endpointId).body()
                    .path("enabled").asBoolean(true));
            assertThat(patch(organisation, ENDPOINTS + "/" + endpointId, Map.of("enabled", true)).status())
                    .isEqualTo(200);
            var retried = post(organisation, ENDPOINTS + "/" + endpointId + "/messages/" + messageId + "/retry", "");
            assertThat(retried.status()).as(retried.text()).isEqualTo(202);
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode message = message(organisation, endpointId, messageId);
                assertThat(message.path("status").asString()).isEqualTo("delivered");
                assertThat(message.path("attempts").size()).isEqualTo(6);
            });
            post(organisation, ENDPOINTS + "/" + endpointId + "/messages/" + messageId + "/retry", "")
                    .isProblem(409, "urn:ticklist:problem:message-not-failed");
            assertThat(receiver.received()).extracting(request -> request.header("webhook-id")).hasSize(6)
                    .containsOnly(messageId);
            assertThat(JSON.readTree(receiver.received().getLast().bodyText()).path("type").asString())
                    .isEqualTo("dev.ticklist.webhook.test.v1");
            get(organisation, ENDPOINTS + "/" + endpointId + "/messages?status=lost")
                    .isProblem(400, "urn:ticklist:problem:invalid-status");
            get(organisation, ENDPOINTS + "/" + endpointId + "/messages/msg_unknown")
                    .isProblem(404, "urn:ticklist:problem:not-found");
        }
    }

    @Test
    void duringARotationBothSecretsSignAndAfterItOnlyTheNewOne() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(organisation, receiver.url());
            String endpointId = endpoint.path("id").asString();
            var oldSecret = verifier(endpoint.path("secret").asString());
            String rotationPath = ENDPOINTS + "/" + endpointId + "/secret/rotate";

            var rotated = post(organisation, rotationPath, Map.of("previousSecretValidFor", "PT1H"));
            assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
            var newSecret = verifier(rotated.body().path("secret").asString());
            assertThat(Instant.parse(rotated.body().path("previousSecretExpiresAt").asString()))
                    .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
            Received during = deliverOne(organisation, endpointId, receiver);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(verifies(oldSecret, during)).isTrue();
            assertThat(verifies(newSecret, during)).isTrue();

            var retiredAtOnce = post(organisation, rotationPath, Map.of("previousSecretValidFor", "PT0S"));
            var newest = verifier(retiredAtOnce.body().path("secret").asString());
            Received after = deliverOne(organisation, endpointId, receiver);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(verifies(newest, after)).isTrue();
            assertThat(verifies(newSecret, after)).isFalse();
            assertThat(verifies(oldSecret, after)).isFalse();
        }
    }

    @Test
    void twentyHangingEndpointsDoNotHoldBackAHealthyOne() {
        String organisation = newOrganisation();
        var hanging = new ArrayList<WebhookReceiver>();
        try (var healthy = WebhookReceiver.start()) {
            for (int i = 0; i < 20; i++) {
                hanging.add(WebhookReceiver.start().hanging());
                register(organisation, hanging.getLast().url());
            }
            register(organisation, healthy.url());

            Instant published = Instant.now();
            publish(organisation, "ada");

            await().atMost(PATIENCE).until(() -> healthy.received().size() == 1);
            Duration waited = Duration.between(published, healthy.received().getFirst().at());
            // One attempt timeout is 2 s; a delivery with nothing hanging takes a fraction of a second here.
            assertThat(waited).isLessThan(Duration.ofSeconds(3));
            await().atMost(PATIENCE).until(() -> hanging.stream().allMatch(receiver -> !receiver.received().isEmpty()));
        } finally {
            hanging.forEach(WebhookReceiver::close);
        }
    }

    private record DownReceiver(int port, String endpointId) {
    }

    /** An endpoint registered for a receiver that then stopped: its port refuses until a receiver starts on it. */
    private DownReceiver registeredReceiverNowDown(String organisation) {
        try (var receiver = WebhookReceiver.start()) {
            return new DownReceiver(receiver.port(), register(organisation, receiver.url()).path("id").asString());
        }
    }

    private String publish(String organisation, String learner) {
        String eventId = "evt-" + UUID.randomUUID();
        publisher.publish(Topics.MILESTONES, eventId,
                new LevelCompleted(organisation, "coh-1", learner, "machine-learning", 1, "entry", 25));
        return eventId;
    }

    private Received deliverOne(String organisation, String endpointId, WebhookReceiver receiver) {
        int before = receiver.received().size();
        var queued = post(organisation, ENDPOINTS + "/" + endpointId + "/messages/test", "");
        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == before + 1);
        return receiver.received().getLast();
    }

    private static StandardWebhooksVerifier verifier(String secret) {
        return new StandardWebhooksVerifier(secret, Clock.systemUTC());
    }

    private static boolean verifies(StandardWebhooksVerifier verifier, Received webhook) {
        return verifier.verifies(webhook.header("webhook-id"), webhook.header("webhook-timestamp"),
                webhook.header("webhook-signature"), webhook.body());
    }

    private static String milestoneIdOf(Received webhook) {
        return JSON.readTree(webhook.bodyText()).path("data").path("eventId").asString();
    }
}
