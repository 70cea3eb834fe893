package dev.ticklist.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.AggregateWriters;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.progress.learner.LearnerCache;
import dev.ticklist.progress.learner.LearnerFold;
import dev.ticklist.progress.model.LearnerActivity;
import dev.ticklist.progress.outbox.Outbox;
import dev.ticklist.progress.outbox.PendingEvent;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.RealInfrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ProgressServiceIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    IdentityTokens identityTokens;
    @Autowired
    EventPublisher publisher;
    @Autowired
    AggregateWriters writers;
    @Autowired
    LearnerFold fold;
    @Autowired
    LearnerCache learnerCache;
    @Autowired
    Outbox outbox;
    @Autowired
    ChecklistCatalog catalog;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;

    String organisationId;
    String checklistId;

    @BeforeEach
    void publishATinyChecklist() {
        organisationId = "org_" + UUID.randomUUID().toString().substring(0, 8);
        checklistId = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
        publisher.publish(Topics.CATALOG, new ChecklistVersionPublished(checklistId, 1, organisationId, "Tiny",
                List.of(new Level("entry", "Entry", List.of(new Category("entry-theory", "Theory", List.of(
                                new Item("notation", "Notation", "Read sums."),
                                new Item("matrices", "Matrices", "Multiply them."))))),
                        new Level("advanced", "Advanced", List.of(new Category("advanced-general", "General", List.of(
                                new Item("research", "Research", "Publish."))))))));
        await().until(() -> catalog.find(checklistId, 1).isPresent());
    }

    @Test
    void tickingTheLastItemOfALevelFinishesItAndPublishesOneMilestone() {
        tick("ada", "notation");
        String lastTick = tick("ada", "matrices");

        JsonNode entry = awaitLevel("ada", "entry", level -> level.get("ticked").asInt() == 2);
        assertThat(entry.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(entry.get("finishedAt").isNull()).isFalse();
        JsonNode advanced = level(progressOf("ada"), "advanced");
        assertThat(advanced.get("ticked").asInt()).isZero();
        assertThat(advanced.get("finishedAt").isNull()).isTrue();

        var milestones = awaitMilestones("ada", 1);
        assertThat(milestones.getFirst().value().event()).isEqualTo(
                new LevelCompleted(organisationId, "coh_1", "ada", checklistId, 1, "entry", 2));
        assertThat(milestones.getFirst().value().id())
                .isEqualTo(UUID.nameUUIDFromBytes(("level-completed:" + lastTick).getBytes()).toString());
    }

    @Test
    void untickingReopensTheLevelAndTickingAgainCountsOnce() {
        tick("bob", "notation");
        tick("bob", "notation");
        tick("bob", "matrices");
        awaitLevel("bob", "entry", level -> !level.get("finishedAt").isNull());
        publisher.publish(Topics.LEARNER_ACTIVITY,
                new ItemUnticked(organisationId, "coh_1", "bob", checklistId, 1, "matrices"));

        JsonNode entry = awaitLevel("bob", "entry", level -> level.get("ticked").asInt() == 1);
        assertThat(entry.get("finishedAt").isNull()).isTrue();
        assertThat(entry.get("percent").asDouble()).isEqualTo(50.0);
        assertThat(awaitMilestones("bob", 2).stream().map(record -> record.value().type()))
                .containsExactly("dev.ticklist.level.completed.v2", "dev.ticklist.level.reopened.v1");
    }

    @Test
    void finishingEveryLevelFinishesTheChecklistAndReopeningALevelReopensIt() {
        tick("gus", "notation");
        tick("gus", "matrices");
        tick("gus", "research");
        var checklist = await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("gus").get("checklists"),
                checklists -> checklists.size() == 1 && !checklists.get(0).get("finishedAt").isNull()).get(0);
        assertThat(checklist.get("percent").asDouble()).isEqualTo(100.0);
        var milestones = awaitMilestones("gus", 3);
        assertThat(milestones.getLast().value().event())
                .isEqualTo(new ChecklistCompleted(organisationId, "coh_1", "gus", checklistId, 1, 3));

        publisher.publish(Topics.LEARNER_ACTIVITY, new ItemUnticked(organisationId, "coh_1", "gus", checklistId, 1,
                "research"));
        await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("gus").get("checklists").get(0)
                .get("finishedAt").isNull());
    }

    @Test
    void movingToANewerVersionCarriesOverTicksOnItemsThatStillExist() {
        tick("eve", "notation");
        tick("eve", "research");
        awaitLevel("eve", "advanced", level -> !level.get("finishedAt").isNull());
        // v2 drops "research", adds "proofs" to Advanced, and keeps "notation" and "matrices".
        publisher.publish(Topics.CATALOG, new ChecklistVersionPublished(checklistId, 2, organisationId, "Tiny",
                List.of(new Level("entry", "Entry", List.of(new Category("entry-theory", "Theory", List.of(
                                new Item("notation", "Notation", "Read sums."),
                                new Item("matrices", "Matrices", "Multiply them."))))),
                        new Level("advanced", "Advanced", List.of(new Category("advanced-general", "General", List.of(
                                new Item("proofs", "Proofs", "Prove it."))))))));
        await().until(() -> catalog.find(checklistId, 2).isPresent());
        publisher.publish(Topics.LEARNER_ACTIVITY, new LearnerChecklistAssigned(organisationId, "coh_1", "eve",
                checklistId, 2, checklistId, 1));

        JsonNode progress = await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("eve"),
                p -> p.get("checklists").size() == 1 && p.get("checklists").get(0).get("version").asInt() == 2);
        JsonNode checklist = progress.get("checklists").get(0);
        assertThat(checklist.get("tickedItems").propertyNames()).containsExactly("notation");
        assertThat(level(progress, "entry").get("ticked").asInt()).isEqualTo(1);
        assertThat(level(progress, "advanced").get("ticked").asInt()).isZero();
        assertThat(level(progress, "advanced").get("finishedAt").isNull()).isTrue();
    }

    @Test
    void aRedeliveredEventChangesNothingAndStillYieldsItsUnpublishedMilestone() {
        var first = new LearnerActivity("e1-" + UUID.randomUUID(), 0, 1_000_000, Instant.now(),
                new ItemTicked(organisationId, "coh_1", "cy", checklistId, 1, "notation"));
        var second = new LearnerActivity("e2-" + UUID.randomUUID(), 0, 1_000_001, Instant.now(),
                new ItemTicked(organisationId, "coh_1", "cy", checklistId, 1, "matrices"));

        // Published here, as the listener would.
        outbox.publish(fold.fold(List.of(first)).pending());
        // The second finishes the level, and "crashes" before its milestone is published.
        var pending = fold.fold(List.of(second)).pending();
        assertThat(milestones(pending)).hasSize(1);
        // Redelivery of both to an instance that starts from Redis: nothing is counted twice, and
        // what the outbox held is handed out again.
        learnerCache.clear();
        var again = fold.fold(List.of(first, second)).pending();
        assertThat(again).extracting(PendingEvent::eventId)
                .containsExactlyElementsOf(pending.stream().map(PendingEvent::eventId).toList());

        JsonNode entry = level(progressOf("cy"), "entry");
        assertThat(entry.get("ticked").asInt()).isEqualTo(2);
    }

    @Test
    void whenRedisLosesWhatWasAppliedThePartitionIsAppliedAgainFromItsBeginning() {
        tick("lou", "notation");
        tick("lou", "matrices");
        awaitLevel("lou", "entry", level -> level.get("ticked").asInt() == 2);
        double replayedBefore = meters.counter("ticklist.progress.partitions.replayed").count();

        // Redis loses the learner's projection and its partition's marker, as in a restart without persistence.
        int partition = Utils.toPositive(Utils.murmur2((organisationId + "/lou").getBytes(StandardCharsets.UTF_8)))
                % Topics.LEARNER_ACTIVITY.partitions();
        redis.delete(redis.keys("progress:1:{" + organisationId + "/lou}:*"));
        redis.delete("progress:1:partition:" + Topics.LEARNER_ACTIVITY.name() + "-" + partition);

        tick("lou", "research");
        JsonNode checklist = await().atMost(Duration.ofSeconds(30)).until(() -> progressUnlessRebuilding("lou"),
                progress -> progress != null && progress.get("checklists").size() == 1
                        && progress.get("checklists").get(0).get("ticked").asInt() == 3).get("checklists").get(0);
        assertThat(checklist.get("tickedItems").propertyNames()).containsExactlyInAnyOrder("notation", "matrices", "research");
        assertThat(meters.counter("ticklist.progress.partitions.replayed").count()).isGreaterThan(replayedBefore);
    }

    @Test
    void whenRedisIsWipedWithNoNewEventsReadsAnswer503UntilTheProjectionsAreWholeAgain() {
        tick("wes", "notation");
        tick("wes", "matrices");
        awaitLevel("wes", "entry", level -> !level.get("finishedAt").isNull());
        JsonNode before = progressOf("wes");
        var partitionMarkers = redis.keys("progress:1:partition:*");

        // Everything this service keeps in Redis, gone; no event follows.
        redis.delete(redis.keys("progress:*"));
        redis.delete(redis.keys("cohort:*"));

        // Never an empty (or partial) answer that looks right: 503 problems until it is whole again.
        var answers = new ArrayList<Integer>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            var response = client(organisationId).get("/api/v1/progress/learners/wes");
            answers.add(response.status());
            if (response.status() == 503) {
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                return false;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json()).as("the first answer after the wipe").isEqualTo(before);
            return true;
        });
        assertThat(answers).as("answers while rebuilding").contains(503);
        // Every partition whole again before the next test (other classes share this Redis).
        await().atMost(Duration.ofSeconds(60)).until(() -> partitionMarkers.stream()
                .allMatch(marker -> "1".equals(redis.opsForValue().get(marker))));
    }

    @Test
    void aPartitionEndingInATransactionMarkerIsWholeAgainAfterAWipe() {
        // As checklist-service's commands write learner activity: in a transaction, whose commit
        // marker takes the partition's last offset, after the last event.
        writers.decide(Topics.LEARNER_ACTIVITY, organisationId + "/tia", decision -> {
            decision.add(Topics.LEARNER_ACTIVITY, new ItemTicked(organisationId, "coh_1", "tia", checklistId, 1, "notation"));
            decision.add(Topics.LEARNER_ACTIVITY, new ItemTicked(organisationId, "coh_1", "tia", checklistId, 1, "matrices"));
            return null;
        });
        awaitLevel("tia", "entry", level -> !level.get("finishedAt").isNull());
        JsonNode before = progressOf("tia");
        var partitionMarkers = redis.keys("progress:1:partition:*");

        redis.delete(redis.keys("progress:*"));
        redis.delete(redis.keys("cohort:*"));

        JsonNode after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> progressUnlessRebuilding("tia"), progress -> progress != null);
        assertThat(after).isEqualTo(before);
        await().atMost(Duration.ofSeconds(60)).until(() -> partitionMarkers.stream()
                .allMatch(marker -> "1".equals(redis.opsForValue().get(marker))));
    }

    /** The learner's progress, or null while the service answers that it is rebuilding its projections. */
    private JsonNode progressUnlessRebuilding(String learner) {
        var response = client(organisationId).get("/api/v1/progress/learners/" + learner);
        if (response.status() == 503) {
            return null;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<PendingEvent<?>> milestones(List<PendingEvent<?>> pending) {
        return pending.stream().filter(event -> event.topic().equals(Topics.MILESTONES)).toList();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterEventsAreApplied() throws Exception {
        String learner = "poison-" + UUID.randomUUID().toString().substring(0, 6);
        double deadLetteredBefore = deadLettered();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEARNER_ACTIVITY.name(),
                    organisationId + "/" + learner, "{not a cloud event")).get();
        }
        tick(learner, "notation");
        awaitLevel(learner, "entry", level -> level.get("ticked").asInt() == 1);

        var deadLetters = TopicReader.consume(Topics.LEARNER_ACTIVITY.deadLetterTopic(), new ByteArrayDeserializer(),
                record -> record.key() != null && record.key().equals(organisationId + "/" + learner), 1);
        var dead = deadLetters.getFirst();
        assertThat(new String((byte[]) dead.value())).isEqualTo("{not a cloud event");
        assertThat(dead.headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
        assertThat(new String(dead.headers().lastHeader("ticklist-dlt-reason").value()))
                .contains("not a CloudEvent");
        // Counted, for the operator's alert on dead letters.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadLettered()).isGreaterThanOrEqualTo(deadLetteredBefore + 1));
    }

    /** Issue 20: a record without ce_time was read as 1970 and counted; now it is dead-lettered with the reason. */
    @Test
    void aTickWithoutItsTimeGoesToTheDeadLetterTopicWithTheReasonAndLaterEventsAreApplied() throws Exception {
        String learner = "timeless-" + UUID.randomUUID().toString().substring(0, 6);
        var headers = new RecordHeaders();
        var serializer = new EventEnvelopeSerializer();
        serializer.configure(Map.of(), false);
        var timeless = new ItemTicked(organisationId, "coh_1", learner, checklistId, 1, "matrices");
        byte[] data = serializer.serialize(Topics.LEARNER_ACTIVITY.name(), headers,
                new EventEnvelope<>(UUID.randomUUID().toString(), "/ticklist/test", Instant.now(), timeless));
        headers.remove("ce_time");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEARNER_ACTIVITY.name(), null, timeless.key(), data, headers))
                    .get();
        }
        tick(learner, "notation");
        awaitLevel(learner, "entry", level -> level.get("ticked").asInt() == 1);

        var deadLetters = TopicReader.consume(Topics.LEARNER_ACTIVITY.deadLetterTopic(), new ByteArrayDeserializer(),
                record -> timeless.key().equals(record.key()), 1);
        var dead = deadLetters.getFirst();
        assertThat((byte[]) dead.value()).isEqualTo(data);
        assertThat(new String(dead.headers().lastHeader("ticklist-dlt-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("not a CloudEvent Ticklist can read: it lacks the required attribute ce_time");
        // The timeless tick was never applied: only the later one counts.
        assertThat(level(progressOf(learner), "entry").get("ticked").asInt()).isEqualTo(1);
    }

    private double deadLettered() {
        var counter = meters.find("ticklist.events.dead.lettered").tag("topic", Topics.LEARNER_ACTIVITY.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aQueryAfterAPositionSeesThatWriteOrSaysItDoesNot() {
        var position = publisher.publish(Topics.LEARNER_ACTIVITY,
                new ItemTicked(organisationId, "coh_1", "fay", checklistId, 1, "notation"));
        var read = client(organisationId).get("/api/v1/progress/learners/fay?after=" + position.token()).json();
        assertThat(read.get("consistent").asBoolean()).isTrue();
        assertThat(level(read, "entry").get("ticked").asInt()).isEqualTo(1);

        var ahead = client(organisationId).get("/api/v1/progress/learners/fay?after=" + position.partition()
                + "-" + (position.offset() + 1_000_000)).json();
        assertThat(ahead.get("consistent").asBoolean()).isFalse();
        assertThat(level(ahead, "entry").get("ticked").asInt()).isEqualTo(1);

        var malformed = client(organisationId).get("/api/v1/progress/learners/fay?after=soon");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void queriesNeedAVerifiedIdentityAndStayWithinTheOrganisation() {
        tick("dee", "notation");
        awaitLevel("dee", "entry", level -> level.get("ticked").asInt() == 1);

        assertThat(JsonHttp.at(baseUrl()).get("/api/v1/progress/learners/dee").status()).isEqualTo(401);
        var other = client("org_other").get("/api/v1/progress/learners/dee");
        assertThat(other.json().get("checklists")).isEmpty();
        var malformed = client(organisationId).get("/api/v1/progress/learners/bad%20id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void aLearnersProgressInOneCohortShowsThatCohortOnlyWithEveryItemByName() {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        publisher.publish(Topics.CATALOG, new ChecklistVersionPublished(other, 1, organisationId, "Other",
                List.of(new Level("entry", "Entry", List.of(new Category("entry-general", "General", List.of(
                        new Item("git", "Git", "Commit."))))))));
        await().until(() -> catalog.find(other, 1).isPresent());
        tick("gus", "notation");
        publisher.publish(Topics.LEARNER_ACTIVITY, new ItemTicked(organisationId, "coh_2", "gus", other, 1, "git"));
        await().atMost(Duration.ofSeconds(30)).until(() -> progressOf("gus").get("checklists").size() == 2);

        JsonNode first = client(organisationId).get("/api/v1/progress/cohorts/coh_1/learners/gus").json();
        JsonNode second = client(organisationId).get("/api/v1/progress/cohorts/coh_2/learners/gus").json();
        JsonNode none = client(organisationId).get("/api/v1/progress/cohorts/coh_3/learners/gus").json();

        assertThat(first.get("checklists")).singleElement().satisfies(checklist -> {
            assertThat(checklist.get("cohortId").asString()).isEqualTo("coh_1");
            assertThat(checklist.get("checklistId").asString()).isEqualTo(checklistId);
            JsonNode items = checklist.get("levels").get(0).get("categories").get(0).get("items");
            assertThat(items.valueStream().map(item -> item.get("name").asString()))
                    .containsExactly("Notation", "Matrices");
            assertThat(items.get(0).get("tickedAt").isNull()).isFalse();
            assertThat(items.get(1).get("tickedAt").isNull()).isTrue();
        });
        assertThat(second.get("checklists")).singleElement()
                .satisfies(checklist -> assertThat(checklist.get("checklistId").asString()).isEqualTo(other));
        assertThat(none.get("checklists")).isEmpty();
        assertThat(client("org_other").get("/api/v1/progress/cohorts/coh_1/learners/gus").json().get("checklists"))
                .isEmpty();
        assertThat(client(organisationId).get("/api/v1/progress/cohorts/bad%20id/learners/gus").status())
                .isEqualTo(400);
    }

    private String tick(String learner, String item) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Topics.LEARNER_ACTIVITY, id,
                new ItemTicked(organisationId, "coh_1", learner, checklistId, 1, item));
        return id;
    }

    private JsonNode awaitLevel(String learner, String levelId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> level(progressOf(learner), levelId),
                level -> level != null && condition.test(level));
    }

    private JsonNode progressOf(String learner) {
        var response = client(organisationId).get("/api/v1/progress/learners/" + learner);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode level(JsonNode progress, String levelId) {
        for (JsonNode checklist : progress.get("checklists")) {
            for (JsonNode level : checklist.get("levels")) {
                if (level.get("id").asString().equals(levelId)) {
                    return level;
                }
            }
        }
        return null;
    }

    private List<ConsumerRecord<String, EventEnvelope<?>>> awaitMilestones(String learner, int count) {
        var records = TopicReader.consume(Topics.MILESTONES.name(), new EventEnvelopeDeserializer(),
                record -> record.key().equals(organisationId + "/" + learner), count);
        List<ConsumerRecord<String, EventEnvelope<?>>> typed = new ArrayList<>();
        records.forEach(record -> typed.add(cast(record)));
        return typed;
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, EventEnvelope<?>> cast(ConsumerRecord<String, ?> record) {
        return (ConsumerRecord<String, EventEnvelope<?>>) record;
    }

    private JsonHttp client(String organisation) {
        return JsonHttp.at(baseUrl()).withBearer(identityTokens.issue(organisation, Set.of(Scope.READ), "progress-service"));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
