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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Milestones published to Kafka reach the receivers as signed webhooks. A milestone that must not
 * be delivered is shown not to be by a later one on the same partition: once the later one has
 * arrived, the listener is past the earlier one.
 */
class MilestoneDeliveryIT extends ServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private EventPublisher publisher;
    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aCompletedLevelIsDeliveredOnceWithASignatureTheReceiverCanVerify() throws Exception {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(organisation, receiver.url());
            String endpointId = endpoint.path("id").asString();
            String secret = endpoint.path("secret").asString();
            String eventId = "evt-" + UUID.randomUUID();
            var completed = levelCompleted(organisation, "ada", "entry");

            publisher.publish(Topics.MILESTONES, eventId, completed);

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            Received webhook = receiver.received().getFirst();
            String messageId = webhook.header("webhook-id");
            String timestamp = webhook.header("webhook-timestamp");
            assertThat(messageId).isEqualTo(expectedMessageId(eventId, endpointId));
            assertThat(webhook.header("content-type")).isEqualTo("application/json");
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));

            var verifier = new StandardWebhooksVerifier(secret, Clock.systemUTC());
            assertThat(verifier.verifies(messageId, timestamp, webhook.header("webhook-signature"), webhook.body()))
                    .isTrue();
            byte[] altered = webhook.body().clone();
            altered[altered.length / 2] ^= 1;
            assertThat(verifier.verifies(messageId, timestamp, webhook.header("webhook-signature"), altered)).isFalse();
            assertThat(verifier.verifies("msg_" + "0".repeat(32), timestamp, webhook.header("webhook-signature"),
                    webhook.body())).isFalse();
            var sixMinutesLater = new StandardWebhooksVerifier(secret, Clock.offset(Clock.systemUTC(),
                    Duration.ofMinutes(6)));
            assertThat(sixMinutesLater.verifies(messageId, timestamp, webhook.header("webhook-signature"),
                    webhook.body())).as("a message replayed more than 5 minutes later").isFalse();

            JsonNode body = JSON.readTree(webhook.bodyText());
            assertThat(body.path("type").asString()).isEqualTo("dev.ticklist.level.completed.v1");
            assertThat(Instant.parse(body.path("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.path("data").path("organisationId").asString()).isEqualTo(organisation);
            assertThat(body.path("data").path("levelId").asString()).isEqualTo("entry");
            assertThat(body.path("data").path("itemCount").asInt()).isEqualTo(25);
            assertThat(body.path("data").path("eventId").asString()).isEqualTo(eventId);

            // The same milestone again (same event id): no second delivery.
            publisher.publish(Topics.MILESTONES, eventId, completed);
            String laterId = "evt-" + UUID.randomUUID();
            publisher.publish(Topics.MILESTONES, laterId, levelCompleted(organisation, "ada", "advanced"));
            await().atMost(PATIENCE).until(() -> eventIdsIn(receiver).contains(laterId));
            // Held for longer than the first retry waits (1 s here): a late duplicate shows too.
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                    .until(() -> eventIdsIn(receiver).equals(List.of(eventId, laterId)));

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode message = message(organisation, endpointId, messageId);
                assertThat(message.path("status").asString()).isEqualTo("delivered");
                assertThat(message.path("milestoneEventId").asString()).isEqualTo(eventId);
                assertThat(message.path("eventType").asString()).isEqualTo("dev.ticklist.level.completed.v1");
                assertThat(message.path("attempts")).singleElement().satisfies(attempt -> {
                    assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
                    assertThat(attempt.path("outcome").asString()).isEqualTo("delivered");
                    assertThat(attempt.path("statusCode").asInt()).isEqualTo(200);
                });
            });
            assertThat(meters.get("ticklist.webhook.attempts").tag("outcome", "delivered").counter().count())
                    .isGreaterThanOrEqualTo(2);
            assertThat(meters.get("ticklist.webhook.delivery.latency").tag("outcome", "delivered").timer().count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void eachEndpointReceivesTheMilestoneInTheVersionItSubscribedToSignedWithItsSecret() throws Exception {
        String organisation = newOrganisation();
        try (var receiverV1 = WebhookReceiver.start(); var receiverV2 = WebhookReceiver.start()) {
            JsonNode endpointV1 = register(organisation, receiverV1.url(), List.of("dev.ticklist.level.completed.v1"));
            JsonNode endpointV2 = register(organisation, receiverV2.url(), List.of("dev.ticklist.level.completed.v2"));
            String eventId = "evt-" + UUID.randomUUID();
            var completed = new LevelCompleted(organisation, "coh-1", "ada", "machine-learning", 1, "entry", 25,
                    List.of(new LevelCompleted.SkippedItem("spark", "Our track uses pandas only")),
                    List.of(new LevelCompleted.ItemEvidence("regression", "https://github.com/ada/house-prices",
                            "Ridge regression")));

            publisher.publish(Topics.MILESTONES, eventId, completed);

            await().atMost(PATIENCE).until(() -> receiverV1.received().size() == 1
                    && receiverV2.received().size() == 1);
            Received asV1 = receiverV1.received().getFirst();
            Received asV2 = receiverV2.received().getFirst();
            var verifierV1 = new StandardWebhooksVerifier(endpointV1.path("secret").asString(), Clock.systemUTC());
            var verifierV2 = new StandardWebhooksVerifier(endpointV2.path("secret").asString(), Clock.systemUTC());
            assertThat(verifies(verifierV1, asV1)).isTrue();
            assertThat(verifies(verifierV2, asV2)).isTrue();
            assertThat(verifies(verifierV2, asV1)).as("signed with the other endpoint's secret").isFalse();
            assertThat(asV1.header("webhook-id")).isEqualTo(expectedMessageId(eventId, endpointV1.path("id").asString()));
            assertThat(asV2.header("webhook-id")).isEqualTo(expectedMessageId(eventId, endpointV2.path("id").asString()));

            JsonNode bodyV1 = JSON.readTree(asV1.bodyText());
            assertThat(bodyV1.path("type").asString()).isEqualTo("dev.ticklist.level.completed.v1");
            assertThat(bodyV1.path("data").path("eventId").asString()).isEqualTo(eventId);
            assertThat(bodyV1.path("data").path("itemCount").asInt()).isEqualTo(25);
            assertThat(bodyV1.path("data").has("skipped")).isFalse();
            assertThat(bodyV1.path("data").has("evidence")).isFalse();

            JsonNode bodyV2 = JSON.readTree(asV2.bodyText());
            assertThat(bodyV2.path("type").asString()).isEqualTo("dev.ticklist.level.completed.v2");
            assertThat(bodyV2.path("timestamp")).isEqualTo(bodyV1.path("timestamp"));
            assertThat(bodyV2.path("data").path("eventId").asString()).isEqualTo(eventId);
            assertThat(bodyV2.path("data").path("skipped")).singleElement()
                    .satisfies(skipped -> assertThat(skipped.path("reason").asString())
                            .isEqualTo("Our track uses pandas only"));
            assertThat(bodyV2.path("data").path("evidence")).singleElement()
                    .satisfies(evidence -> assertThat(evidence.path("url").asString())
                            .isEqualTo("https://github.com/ada/house-prices"));

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(message(organisation, endpointV1.path("id").asString(), asV1.header("webhook-id"))
                        .path("eventType").asString()).isEqualTo("dev.ticklist.level.completed.v1");
                assertThat(message(organisation, endpointV2.path("id").asString(), asV2.header("webhook-id"))
                        .path("eventType").asString()).isEqualTo("dev.ticklist.level.completed.v2");
            });
        }
    }

    @Test
    void anEndpointOfAnotherOrganisationNeverReceivesTheMilestone() {
        String organisationA = newOrganisation();
        String organisationB = newOrganisation();
        try (var receiverA = WebhookReceiver.start(); var receiverB = WebhookReceiver.start()) {
            register(organisationA, receiverA.url());
            register(organisationB, receiverB.url());
            var forA = levelCompleted(organisationA, "ada", "entry");
            var forB = levelCompleted(organisationB, learnerOnTheSamePartitionAs(forA.key(), organisationB), "entry");

            publisher.publish(Topics.MILESTONES, "evt-" + UUID.randomUUID(), forA);
            publisher.publish(Topics.MILESTONES, "evt-" + UUID.randomUUID(), forB);

            await().atMost(PATIENCE).until(() -> receiverB.received().size() == 1 && receiverA.received().size() == 1);
            assertThat(organisationsIn(receiverB.received())).containsExactly(organisationB);
            assertThat(organisationsIn(receiverA.received())).containsExactly(organisationA);
        }
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameWebhookId() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start().answering(500)) {
            JsonNode endpoint = register(organisation, receiver.url());
            var verifier = new StandardWebhooksVerifier(endpoint.path("secret").asString(), Clock.systemUTC());

            publisher.publish(Topics.MILESTONES, "evt-" + UUID.randomUUID(), levelCompleted(organisation, "ada", "entry"));

            await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
            List<Received> both = receiver.received();
            String messageId = both.getFirst().header("webhook-id");
            assertThat(both).extracting(r -> r.header("webhook-id")).containsOnly(messageId);
            assertThat(both).allSatisfy(webhook -> assertThat(verifier.verifies(webhook.header("webhook-id"),
                    webhook.header("webhook-timestamp"), webhook.header("webhook-signature"), webhook.body())).isTrue());
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode message = message(organisation, endpoint.path("id").asString(), messageId);
                assertThat(message.path("status").asString()).isEqualTo("delivered");
                assertThat(message.path("attempts").valueStream().map(a -> a.path("statusCode").asInt()))
                        .containsExactly(500, 200);
            });
        }
    }

    @Test
    void forgettingTheClaimsInRedisDoesNotMakeADeliveredMilestoneGoOutAgain() {
        String organisation = newOrganisation();
        try (var receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(organisation, receiver.url());
            String eventId = "evt-" + UUID.randomUUID();
            var completed = levelCompleted(organisation, "grace", "entry");
            publisher.publish(Topics.MILESTONES, eventId, completed);
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            // The attempt's record is in the log before the claims go: forgetting a claim while its
            // attempt is still being recorded is a crashed instance's case, which retries by design.
            String messageId = receiver.received().getFirst().header("webhook-id");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    message(organisation, endpoint.path("id").asString(), messageId).path("status").asString())
                    .isEqualTo("delivered"));
            Set<String> claims = redis.keys("webhook:{" + organisation + "}:*");
            assertThat(claims).isNotEmpty();

            redis.delete(claims);
            publisher.publish(Topics.MILESTONES, eventId, completed);
            String laterId = "evt-" + UUID.randomUUID();
            publisher.publish(Topics.MILESTONES, laterId, levelCompleted(organisation, "grace", "advanced"));

            await().atMost(PATIENCE).until(() -> eventIdsIn(receiver).contains(laterId));
            // Held for longer than the first retry waits (1 s here): a late duplicate shows too.
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                    .until(() -> eventIdsIn(receiver).equals(List.of(eventId, laterId)));
        }
    }

    private static boolean verifies(StandardWebhooksVerifier verifier, Received webhook) {
        return verifier.verifies(webhook.header("webhook-id"), webhook.header("webhook-timestamp"),
                webhook.header("webhook-signature"), webhook.body());
    }

    private static LevelCompleted levelCompleted(String organisation, String learner, String level) {
        return new LevelCompleted(organisation, "coh-1", learner, "machine-learning", 1, level, 25);
    }

    private static List<String> organisationsIn(List<Received> webhooks) {
        return webhooks.stream().map(webhook -> data(webhook).path("organisationId").asString()).toList();
    }

    private static List<String> eventIdsIn(WebhookReceiver receiver) {
        return receiver.received().stream().map(webhook -> data(webhook).path("eventId").asString()).toList();
    }

    private static JsonNode data(Received webhook) {
        return JSON.readTree(webhook.bodyText()).path("data");
    }

    /** A learner of the organisation whose milestones share a partition with the given key, so they stay in order. */
    private static String learnerOnTheSamePartitionAs(String key, String organisation) {
        int partition = partitionOf(key);
        for (int i = 0; ; i++) {
            String learner = "learner-" + i;
            if (partitionOf(organisation + "/" + learner) == partition) {
                return learner;
            }
        }
    }

    private static int partitionOf(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return BuiltInPartitioner.partitionForKey(bytes, Topics.MILESTONES.partitions());
    }

    private static String expectedMessageId(String eventId, String endpointId) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((eventId + ":" + endpointId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + HexFormat.of().formatHex(digest).substring(0, 32);
    }
}
