package dev.ticklist.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerJoinedCohort;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.progress.catalog.ChecklistCatalog;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.RealRedisCluster;
import dev.ticklist.testsupport.http.EventStream;
import dev.ticklist.testsupport.http.JsonHttp;
import dev.ticklist.testsupport.local.LocalRedisCluster;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * progress-service on a real Redis Cluster of three masters (configured through
 * {@code spring.data.redis.cluster.nodes} alone) and the shared real broker: the same events as
 * the single-node tests yield the same projections, milestones and cohort thresholds, with
 * keys spread over every master and no Redis error; and when one master loses its data, the
 * lost partitions are found (pipelined {@code EXISTS}), cleared across the cluster
 * ({@code SCAN} with {@code MATCH} on every master) and applied again to the same values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A group of its own: the single-node tests' contexts (same JVM) consume the same topics.
        "spring.kafka.consumer.group-id=progress-on-redis-cluster"})
@RealRedisCluster
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class: its listeners, in a group of their own, would otherwise apply the
// single-node tests' events too and publish their milestones a second time.
@DirtiesContext
class RedisClusterIT {

    /** What a Redis Cluster misuse looks like in logs: cross-slot steps, unfollowed redirects, unsupported commands. */
    private static final Pattern REDIS_TROUBLE = Pattern.compile(
            "CROSSSLOT|MOVED \\d|ASK \\d|CLUSTERDOWN|TRYAGAIN|NOSCRIPT|not supported in cluster mode"
                    + "|[Pp]ipeline is currently not supported|RedisSystemException"
                    + "|RedisConnectionFailureException|ClusterRedirectException|InvalidDataAccessApiUsageException"
                    + "|RedisCommandExecutionException|Unable to connect to 127\\.0\\.0\\.1:1\\b");

    private final LocalRedisCluster cluster = LocalRedisCluster.shared();

    @Value("${local.server.port}")
    int port;
    @Autowired
    IdentityTokens identityTokens;
    @Autowired
    EventPublisher publisher;
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
        checklistId = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void noRedisTrouble(CapturedOutput output) {
        assertThat(output.getAll().lines().filter(line -> REDIS_TROUBLE.matcher(line).find()).toList())
                .as("log lines telling of Redis Cluster trouble").isEmpty();
    }

    @Test
    void theServiceTalksToTheClusterNotToAStandaloneRedis() {
        var factory = redis.getConnectionFactory();
        assertThat(factory).isNotNull();
        try (var connection = factory.getClusterConnection()) {
            assertThat(connection.clusterGetNodes()).extracting(RedisClusterNode::asString)
                    .containsExactlyInAnyOrderElementsOf(List.of(cluster.nodes().split(",")));
        }
    }

    @Test
    void learnersAndCohortsOnAClusterShowWhatOneRedisShows() throws Exception {
        // Learners whose keys lie on three different masters, and cohorts on more than one.
        organisationId = organisationSpreading(org -> nodesOf(org, List.of("ada", "bob", "cy")) == 3
                && nodesOf(org, List.of("coh-a", "coh-b")) == 2);
        publishChecklist();
        String cohortA = "coh-a";
        String cohortB = "coh-b";
        double announceFailuresBefore = meters.counter("ticklist.progress.live.announce.failures").count();
        // Live streams fan out through Redis pub/sub: subscribed through one node, published through
        // whichever node the client picks; the cluster bus carries each message to every node.
        try (var adaLive = liveStream("/api/v1/progress/learners/ada/stream");
             var cohortLive = liveStream("/api/v1/progress/cohorts/" + cohortA + "/stream")) {
            adaLive.awaitLine(":subscribed"::equals);
            cohortLive.awaitLine(":subscribed"::equals);
            activity(new LearnerJoinedCohort(organisationId, cohortA, "ada", checklistId, 1));
            tick(cohortA, "ada", "research");
            adaLive.awaitLine(line -> line.startsWith("data:") && line.contains("\"itemId\":\"research\""));
            cohortLive.awaitLine(line -> line.startsWith("data:") && line.contains("\"learnerId\":\"ada\""));
        }
        assertThat(meters.counter("ticklist.progress.live.announce.failures").count()).isEqualTo(announceFailuresBefore);
        for (String learner : List.of("bob", "cy", "dee")) {
            activity(new LearnerJoinedCohort(organisationId, cohortA, learner, checklistId, 1));
        }
        tick(cohortA, "ada", "notation", "matrices");
        tick(cohortA, "bob", "notation");
        tick(cohortA, "dee", "research");

        // Exactly what CohortProgressIT sees on one Redis.
        FourLearnerCohort.assertView(awaitCohort(cohortA, FourLearnerCohort::allTicksIn), checklistId);
        FourLearnerCohort.assertRanking(client().get("/api/v1/progress/cohorts/" + cohortA + "/learners?limit=10").json());
        assertThat(text("/api/v1/progress/cohorts/" + cohortA + "/table.csv").split("\r\n"))
                .containsExactly(FourLearnerCohort.TABLE);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(client().get("/api/v1/progress/cohorts/" + cohortA + "/ticks-per-day?from=" + today + "&to=" + today)
                .json().get("days").get(0).get("ticks").asInt()).isEqualTo(5);

        // The learners' own views (levels and items read in one script on the learner's slot).
        JsonNode ada = checklistOf("ada", checklist -> !checklist.get("finishedAt").isNull());
        assertThat(ada.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(ada.get("cohortId").asString()).isEqualTo(cohortA);
        JsonNode bob = checklistOf("bob", checklist -> checklist.get("ticked").asInt() == 1);
        assertThat(level(bob, "entry").get("percent").asDouble()).isEqualTo(50.0);
        assertThat(level(bob, "entry").get("finishedAt").isNull()).isTrue();
        assertThat(checklistOf("cy", checklist -> true).get("ticked").asInt()).isZero();

        // ada finished both levels (Advanced first) and the checklist: three milestones.
        var milestones = milestonesOf(organisationId + "/ada", 3);
        assertThat(milestones.stream().<Object>map(EventEnvelope::event)).containsExactly(
                new LevelCompleted(organisationId, cohortA, "ada", checklistId, 1, "advanced", 1),
                new LevelCompleted(organisationId, cohortA, "ada", checklistId, 1, "entry", 2),
                new ChecklistCompleted(organisationId, cohortA, "ada", checklistId, 1, 3));

        // Unticking reopens; leaving takes the learner out of the cohort's view.
        untick(cohortA, "ada", "research");
        activity(new LearnerLeftCohort(organisationId, cohortA, "dee", checklistId, 1));
        JsonNode afterwards = awaitCohort(cohortA, cohort -> cohort.get("overall").get("learners").asInt() == 3
                && cohort.get("levels").get(1).get("standing").get("finished").asInt() == 0);
        assertThat(afterwards.get("levels").get(0).get("standing").get("finished").asInt()).isEqualTo(1);
        assertThat(checklistOf("ada", checklist -> checklist.get("finishedAt").isNull()).get("ticked").asInt())
                .isEqualTo(2);
        assertThat(milestonesOf(organisationId + "/ada", 4).getLast().type())
                .isEqualTo("dev.ticklist.level.reopened.v1");
        JsonNode timeline = client().get("/api/v1/progress/learners/ada/timeline?limit=10").json();
        assertThat(timeline.get("total").asInt()).isEqualTo(4);
        assertThat(timeline.get("entries").get(0).get("change").asString()).isEqualTo("unticked");

        // A second cohort, on another master: its thresholds are milestones.
        activity(new LearnerJoinedCohort(organisationId, cohortB, "eve", checklistId, 1));
        activity(new LearnerJoinedCohort(organisationId, cohortB, "fay", checklistId, 1));
        awaitCohort(cohortB, cohort -> cohort.get("overall").get("learners").asInt() == 2);
        tick(cohortB, "eve", "research");
        assertThat(thresholdsOf(cohortB, 1).getFirst().event()).isEqualTo(new CohortLevelThresholdReached(
                organisationId, cohortB, checklistId, 1, "advanced", 50, 1, 2));
        tick(cohortB, "fay", "research");
        assertThat(thresholdsOf(cohortB, 3).stream()
                .map(milestone -> ((CohortLevelThresholdReached) milestone.event()).thresholdPercent()))
                .containsExactly(50, 90, 100);

        // The keys of this organisation really lie on every master.
        for (var node : cluster.masters()) {
            assertThat(cluster.keys(node, "progress:1:{" + organisationId + "/*")).as("learner keys on " + node.address())
                    .isNotEmpty();
        }
        assertThat(cluster.masters().stream().filter(node -> !cluster.keys(node, "cohort:1:{" + organisationId + "/*")
                .isEmpty()).count()).as("masters holding cohort keys").isEqualTo(2);
    }

    @Test
    void whenOneMasterLosesItsDataItsPartitionsAreAppliedAgainToTheSameValues() {
        // gus's keys and the marker of gus's partition lie on the same master; the cohort on another.
        organisationId = organisationSpreading(org -> {
            var master = cluster.nodeOf(learnerKey(org, "gus"));
            return master.equals(cluster.nodeOf(marker(partitionOf(org, "gus"))))
                    && !master.equals(cluster.nodeOf(cohortKey(org, "coh-c")));
        });
        publishChecklist();
        String cohort = "coh-c";
        activity(new LearnerJoinedCohort(organisationId, cohort, "gus", checklistId, 1));
        activity(new LearnerJoinedCohort(organisationId, cohort, "hal", checklistId, 1));
        tick(cohort, "gus", "notation", "matrices");
        tick(cohort, "hal", "research");
        JsonNode before = awaitCohort(cohort, view -> view.get("overall").get("averagePercent").asDouble() == 50.0);
        JsonNode gusBefore = checklistOf("gus", checklist -> checklist.get("ticked").asInt() == 2);
        double replayedBefore = replayed();

        var lost = cluster.nodeOf(learnerKey(organisationId, "gus"));
        // Probes on the other masters: in gus's partition on each of them (the replay must find
        // them there, by SCAN over every master, and delete them, in one UNLINK of keys from
        // several slots), and in a partition that is not replayed (kept).
        var others = cluster.masters().stream().filter(master -> !master.equals(lost)).toList();
        var doomed = others.stream()
                .map(other -> probeOn(learnerIn(partitionOf(organisationId, "gus"), other::equals))).toList();
        String kept = probeOn(learnerIn(partition -> partition != partitionOf(organisationId, "gus")
                && !cluster.nodeOf(marker(partition)).equals(lost), master -> !master.equals(lost)));
        // The master restarts empty: no data, no scripts.
        cluster.flush(lost);
        assertThat(redis.hasKey(learnerKey(organisationId, "gus"))).isFalse();

        // The next event of gus's partition finds its marker gone: the partition is cleared on
        // every master (SCAN) and applied again from its beginning, then the new tick on top.
        tick(cohort, "gus", "research");
        JsonNode gusAfter = checklistOf("gus", checklist -> checklist.get("ticked").asInt() == 3);
        assertThat(gusAfter.get("tickedItems").propertyNames()).containsExactlyInAnyOrder("notation", "matrices",
                "research");
        assertThat(level(gusAfter, "entry").get("finishedAt")).isEqualTo(level(gusBefore, "entry").get("finishedAt"));
        assertThat(level(gusAfter, "advanced").get("finishedAt").isNull()).isFalse();
        assertThat(replayed()).isGreaterThan(replayedBefore);
        assertThat(redis.countExistingKeys(doomed)).as(doomed + " (on the other masters)").isZero();
        assertThat(redis.hasKey(kept)).as(kept).isTrue();
        JsonNode after = awaitCohort(cohort, view -> view.get("overall").get("averagePercent").asDouble() == 66.67);
        assertThat(after.get("overall").get("learners").asInt()).isEqualTo(before.get("overall").get("learners").asInt());
        assertThat(after.get("levels").get(0).get("standing").get("finished").asInt()).isEqualTo(1);
        assertThat(after.get("levels").get(1).get("standing").get("finished").asInt()).isEqualTo(2);
        // Milestones derived again by the replay keep their ids: still three.
        assertThat(milestonesOf(organisationId + "/gus", 3).stream().<Object>map(EventEnvelope::event)).containsExactly(
                new LevelCompleted(organisationId, cohort, "gus", checklistId, 1, "entry", 2),
                new LevelCompleted(organisationId, cohort, "gus", checklistId, 1, "advanced", 1),
                new ChecklistCompleted(organisationId, cohort, "gus", checklistId, 1, 3));
    }

    // ---- choosing names whose keys land where a test needs them ----

    /** An organisation id meeting the condition (tried over random ids; the slot map is known). */
    private static String organisationSpreading(Predicate<String> condition) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String candidate = "org_" + UUID.randomUUID().toString().substring(0, 8);
            if (condition.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no organisation id spreads keys as needed");
    }

    private long nodesOf(String org, List<String> streams) {
        var nodes = new HashSet<Integer>();
        streams.forEach(stream -> nodes.add(cluster.nodeOf("{" + org + "/" + stream + "}").port()));
        return nodes.size();
    }

    /** A learner of this organisation in a partition meeting the condition whose keys lie on a master meeting the other. */
    private String learnerIn(IntPredicate partition, Predicate<LocalRedisCluster.Node> master) {
        for (int i = 0; i < 10_000; i++) {
            String learner = "probe-" + i;
            if (partition.test(partitionOf(organisationId, learner))
                    && master.test(cluster.nodeOf(learnerKey(organisationId, learner)))) {
                return learner;
            }
        }
        throw new IllegalStateException("no such learner");
    }

    private String learnerIn(int partition, Predicate<LocalRedisCluster.Node> master) {
        return learnerIn(candidate -> candidate == partition, master);
    }

    /** A key of the learner's projection the service never writes. */
    private String probeOn(String learner) {
        String key = "progress:1:{" + organisationId + "/" + learner + "}:probe";
        redis.opsForValue().set(key, "1");
        return key;
    }

    private static String learnerKey(String org, String learner) {
        return "progress:1:{" + org + "/" + learner + "}:applied";
    }

    private static String cohortKey(String org, String cohort) {
        return "cohort:1:{" + org + "/" + cohort + "}:aggregates";
    }

    private static int partitionOf(String org, String learner) {
        return Utils.toPositive(Utils.murmur2((org + "/" + learner).getBytes(StandardCharsets.UTF_8)))
                % Topics.LEARNER_ACTIVITY.partitions();
    }

    private static String marker(int partition) {
        return "progress:1:partition:" + Topics.LEARNER_ACTIVITY.name() + "-" + partition;
    }

    private double replayed() {
        return meters.counter("ticklist.progress.partitions.replayed").count();
    }

    // ---- events and queries ----

    private void publishChecklist() {
        publisher.publish(Topics.CATALOG, FourLearnerCohort.checklist(checklistId, organisationId));
        await().until(() -> catalog.find(checklistId, 1).isPresent());
    }

    private void activity(LearnerActivityEvent event) {
        publisher.publish(Topics.LEARNER_ACTIVITY, event);
    }

    private void tick(String cohort, String learner, String... items) {
        for (String item : items) {
            activity(new ItemTicked(organisationId, cohort, learner, checklistId, 1, item));
        }
    }

    private void untick(String cohort, String learner, String item) {
        activity(new ItemUnticked(organisationId, cohort, learner, checklistId, 1, item));
    }

    /** 503 while a partition is being applied again after a loss: not yet, never a wrong answer. */
    private JsonNode awaitCohort(String cohort, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = client().get("/api/v1/progress/cohorts/" + cohort);
            if (response.status() == 503) {
                return null;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }, cohortView -> cohortView != null && condition.test(cohortView));
    }

    private JsonNode checklistOf(String learner, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = client().get("/api/v1/progress/learners/" + learner);
            if (response.status() == 503) {
                return null;
            }
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode checklists = response.json().get("checklists");
            return checklists.size() == 1 ? checklists.get(0) : null;
        }, checklist -> checklist != null && condition.test(checklist));
    }

    private static JsonNode level(JsonNode checklist, String levelId) {
        for (JsonNode level : checklist.get("levels")) {
            if (level.get("id").asString().equals(levelId)) {
                return level;
            }
        }
        throw new AssertionError("no level " + levelId + " in " + checklist);
    }

    /**
     * The milestones with this key, once there are {@code count}, by id (consumers deduplicate by
     * id): a replay publishes again what it derives again, and the single-node tests' context,
     * if this JVM runs it too, derives the same milestones from the same events.
     */
    private List<EventEnvelope<?>> milestonesOf(String key, int count) {
        var milestones = await().atMost(Duration.ofSeconds(30)).until(() -> distinctById(readMilestones(key)),
                found -> found.size() >= count);
        assertThat(milestones).as("milestones of " + key).hasSize(count);
        return milestones;
    }

    private static List<EventEnvelope<?>> distinctById(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        var byId = new LinkedHashMap<String, EventEnvelope<?>>();
        for (var record : records) {
            var earlier = byId.putIfAbsent(record.value().id(), record.value());
            if (earlier != null) {
                assertThat(record.value().event()).as("milestone " + earlier.id()).isEqualTo(earlier.event());
            }
        }
        return List.copyOf(byId.values());
    }

    /** Every milestone with this key published so far (one pass over the topic). */
    private static List<ConsumerRecord<String, EventEnvelope<?>>> readMilestones(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers(),
                "isolation.level", "read_committed"),
                new StringDeserializer(), new EventEnvelopeDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.MILESTONES.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            var found = new ArrayList<ConsumerRecord<String, EventEnvelope<?>>>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(cast(record));
                    }
                }
            }
            return found;
        }
    }

    private List<EventEnvelope<?>> thresholdsOf(String cohort, int count) {
        return milestonesOf(organisationId + "/" + cohort, count);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, EventEnvelope<?>> cast(ConsumerRecord<String, ?> record) {
        return (ConsumerRecord<String, EventEnvelope<?>>) record;
    }

    private String text(String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonHttp client() {
        return JsonHttp.at(baseUrl()).withBearer(token());
    }

    private String token() {
        return identityTokens.issue(organisationId == null ? "org_none" : organisationId,
                Set.of(Scope.READ), "progress-service");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private EventStream liveStream(String path) {
        var stream = EventStream.open(URI.create(baseUrl() + path), token(), Duration.ofSeconds(15));
        assertThat(stream.status()).as(path).isEqualTo(200);
        return stream;
    }
}
