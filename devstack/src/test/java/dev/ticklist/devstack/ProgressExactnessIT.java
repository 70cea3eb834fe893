package dev.ticklist.devstack;

import dev.ticklist.testsupport.process.ServiceProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.devstack.TicklistWire.Level;
import dev.ticklist.devstack.TicklistWire.TopicSpec;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.local.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Invariants 1 and 2 against a real broker and Redis, with progress-service as a real process:
 * tens of thousands of ticks and unticks while the service is killed (SIGKILL) and restarted,
 * then every learner's projection is compared with a plain in-order fold of exactly the events
 * published; then Redis is wiped and a replay from the beginning must rebuild identical
 * projections. The tests run in order and share the state the first one builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressExactnessIT {

    private static final int LEARNERS = 200;
    private static final int EVENTS = 30_000;
    private static final int KILLS = 3;
    private static final Duration STREAM_DURATION = Duration.ofSeconds(24);
    private static final Duration STREAM_TICK = Duration.ofMillis(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final String COHORT = "cohort-exactness";
    private static final int VERSION = 1;
    private static final String CHECKLIST_FINISHED_FIELD = "*checklist.finishedAt";

    private final Random random = new Random();
    private final String run = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    private final String organisationId = "org_exact_" + run;
    private final String checklistId = "exactness-" + run;
    private final List<Level> levels = List.of(level("entry"), level("advanced"));
    private final String identitySecret = randomText(48);
    /** The consumer group the service runs in: its own per run, and a new one for a rebuild. */
    private String group = "progress-exactness-" + run;

    private Infrastructure infrastructure;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;
    private Jedis redis;
    private Path logRoot;
    private ServiceProcess progressService;
    private int incarnation;

    /** Exactly the learner events published, in publishing order (which is each learner's order). */
    private final List<PublishedActivity> published = new ArrayList<>();
    private final Set<TopicPartition> partitionsUsed = ConcurrentHashMap.newKeySet();

    /** One tick or untick as this test published it. */
    record PublishedActivity(String eventId, Instant time, boolean ticked, String learnerId, String itemId) {
    }

    /** A learner's projection, as the fold expects it or as Redis holds it. */
    record LearnerState(Map<String, Long> tickTimeByItem, Map<String, Integer> tickedByLevel,
                        Set<String> finishedLevels, boolean checklistFinished) {
    }

    /** A level that a tick finished: the milestone progress-service must announce. */
    record LevelCompletion(String learnerId, String levelId, String causingEventId) {
    }

    /** The fold's result: every learner's state and every level completion, in order. */
    record Expected(Map<String, LearnerState> learners, List<LevelCompletion> completions) {
    }

    @BeforeAll
    void startInfrastructureAndPublishTheChecklist() throws Exception {
        infrastructure = Infrastructure.shared();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
        createTopicsIfMissing(TicklistWire.LEARNER_ACTIVITY, TicklistWire.CATALOG, TicklistWire.MILESTONES);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
        producer.send(TicklistWire.versionPublished(UUID.randomUUID().toString(), Instant.now(), organisationId,
                checklistId, VERSION, levels)).get(30, TimeUnit.SECONDS);
        redis = new Jedis(infrastructure.redisHost(), infrastructure.redisPort());
        logRoot = Stack.projectRoot().resolve("devstack/target/exactness-logs/" + run);
        Files.createDirectories(logRoot);
    }

    @AfterAll
    void stopEverything() {
        if (progressService != null) {
            progressService.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void everyProjectionEqualsTheFoldAfterKillsRestartsAndRedeliveries() throws Exception {
        progressService = startProgressService();

        var stream = streamActivity();
        for (int kill = 1; kill <= KILLS; kill++) {
            int threshold = killThreshold(kill);
            long committedAtStart = committedTotal(group);
            await("kill " + kill + " after " + threshold + " events and some progress")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stream.published().get() >= threshold && committedTotal(group) > committedAtStart);
            killForcibly(progressService);
            progressService = startProgressService();
        }
        stream.done().get(60, TimeUnit.SECONDS);
        assertThat(stream.failure().get()).as("a send failed").isNull();

        awaitCaughtUp(group);
        assertEveryLearnerMatches(fold(), "after " + KILLS + " kills");
    }

    @Test
    @Order(2)
    void levelCompletedMilestonesHaveOneIdPerCompletionAndCoverEveryFinishedLevel() {
        assertMilestonesMatch(fold());
    }

    @Test
    @Order(3)
    void redisWipedThenRebuiltToIdenticalProjections() throws Exception {
        Map<String, Map<String, String>> snapshot = projectionKeysOfOrganisation();
        assertThat(snapshot).as("projection keys of " + organisationId).hasSizeGreaterThanOrEqualTo(LEARNERS);

        progressService.close();
        progressService = null;
        wipeOrganisation();
        assertThat(projectionKeysOfOrganisation()).isEmpty();

        // A rebuild is a new consumer group reading the topics from the beginning.
        group = "progress-rebuild-" + run;
        progressService = startProgressService();
        awaitCaughtUp(group);

        assertThat(projectionKeysOfOrganisation()).isEqualTo(snapshot);
        assertMilestonesMatch(fold());
    }

    // --- the stream of learner activity -------------------------------------------------------

    /** The background stream: how many events have been handed to the producer, and when it ends. */
    record ActivityStream(AtomicInteger published, CompletableFuture<Void> done, AtomicReference<Exception> failure) {
    }

    private ActivityStream streamActivity() {
        List<PublishedActivity> events = randomActivity();
        published.addAll(events);
        var stream = new ActivityStream(new AtomicInteger(), new CompletableFuture<>(), new AtomicReference<>());
        int perTick = (int) Math.ceil(EVENTS / (double) (STREAM_DURATION.toMillis() / STREAM_TICK.toMillis()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "activity-stream");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(() -> {
            try {
                int from = stream.published().get();
                int to = Math.min(from + perTick, events.size());
                for (int i = from; i < to; i++) {
                    send(events.get(i), stream.failure());
                }
                stream.published().set(to);
                if (to == events.size()) {
                    producer.flush();
                    stream.done().complete(null);
                    scheduler.shutdown();
                }
            } catch (RuntimeException e) {
                stream.done().completeExceptionally(e);
                scheduler.shutdown();
            }
        }, 0, STREAM_TICK.toMillis(), TimeUnit.MILLISECONDS);
        return stream;
    }

    private void send(PublishedActivity event, AtomicReference<Exception> failure) {
        ProducerRecord<String, byte[]> record = TicklistWire.itemActivity(event.eventId(), event.time(), event.ticked(),
                organisationId, COHORT, event.learnerId(), checklistId, VERSION, event.itemId());
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                partitionsUsed.add(new TopicPartition(metadata.topic(), metadata.partition()));
            }
        });
    }

    /** Mostly ticks, many of items already ticked, so levels finish, reopen and finish again. */
    private List<PublishedActivity> randomActivity() {
        List<String> items = levels.stream().flatMap(level -> level.items().stream()).toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
        return IntStream.range(0, EVENTS).mapToObj(i -> new PublishedActivity(UUID.randomUUID().toString(),
                start.plusMillis(i), random.nextInt(100) < 75, "learner-" + random.nextInt(LEARNERS),
                items.get(random.nextInt(items.size())))).toList();
    }

    /** Kill k of {@value #KILLS} comes at a random moment around the k-th quarter of the stream. */
    private int killThreshold(int kill) {
        double fraction = kill / (KILLS + 1.0) + (random.nextDouble() - 0.5) * 0.2;
        return (int) (EVENTS * fraction);
    }

    // --- the fold -------------------------------------------------------------------------------

    /** A plain in-order fold of exactly the events published. */
    private Expected fold() {
        Map<String, String> levelOfItem = new HashMap<>();
        levels.forEach(level -> level.items().forEach(item -> levelOfItem.put(item, level.id())));
        Map<String, Map<String, Long>> tickTimes = new TreeMap<>();
        var completions = new ArrayList<LevelCompletion>();
        for (PublishedActivity event : published) {
            var ticked = tickTimes.computeIfAbsent(event.learnerId(), learner -> new HashMap<>());
            String levelId = levelOfItem.get(event.itemId());
            if (event.ticked() && !ticked.containsKey(event.itemId())) {
                ticked.put(event.itemId(), event.time().toEpochMilli());
                if (tickedIn(ticked, levelId) == levelSize(levelId)) {
                    completions.add(new LevelCompletion(event.learnerId(), levelId, event.eventId()));
                }
            } else if (!event.ticked()) {
                ticked.remove(event.itemId());
            }
        }
        Map<String, LearnerState> learners = new TreeMap<>();
        tickTimes.forEach((learner, ticked) -> learners.put(learner, expectedState(ticked)));
        return new Expected(learners, completions);
    }

    private LearnerState expectedState(Map<String, Long> ticked) {
        Map<String, Integer> tickedByLevel = new TreeMap<>();
        Set<String> finished = new TreeSet<>();
        for (Level level : levels) {
            int count = tickedIn(ticked, level.id());
            tickedByLevel.put(level.id(), count);
            if (count == level.items().size()) {
                finished.add(level.id());
            }
        }
        return new LearnerState(new TreeMap<>(ticked), tickedByLevel, finished, finished.size() == levels.size());
    }

    private int tickedIn(Map<String, Long> ticked, String levelId) {
        return (int) levelNamed(levelId).items().stream().filter(ticked::containsKey).count();
    }

    private int levelSize(String levelId) {
        return levelNamed(levelId).items().size();
    }

    private Level levelNamed(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst().orElseThrow();
    }

    // --- what Redis holds -----------------------------------------------------------------------

    private void assertEveryLearnerMatches(Expected expected, String when) {
        var mismatches = new LinkedHashMap<String, String>();
        expected.learners().forEach((learner, state) -> {
            LearnerState actual = stateInRedis(learner);
            if (!actual.equals(state)) {
                mismatches.put(learner, "expected " + state + "\n  but Redis holds " + actual);
            }
        });
        assertThat(expected.learners()).as("learners with events").hasSize(LEARNERS);
        assertThat(mismatches).as(when + ": learners whose projection differs from the fold (of " + LEARNERS + ")")
                .isEmpty();
    }

    private LearnerState stateInRedis(String learnerId) {
        String prefix = "progress:{" + organisationId + "/" + learnerId + "}:" + checklistId + "@" + VERSION;
        Map<String, Long> tickTimes = new TreeMap<>();
        redis.hgetAll(prefix + ":items").forEach((item, time) -> tickTimes.put(item, Long.parseLong(time)));
        Map<String, String> levelFields = redis.hgetAll(prefix + ":levels");
        Map<String, Integer> tickedByLevel = new TreeMap<>();
        Set<String> finished = new TreeSet<>();
        for (Level level : levels) {
            tickedByLevel.put(level.id(), Integer.parseInt(levelFields.getOrDefault(level.id() + ".ticked", "0")));
            if (levelFields.containsKey(level.id() + ".finishedAt")) {
                finished.add(level.id());
            }
        }
        return new LearnerState(tickTimes, tickedByLevel, finished, levelFields.containsKey(CHECKLIST_FINISHED_FIELD));
    }

    /** Every projection key of this organisation with its contents, without markers and outboxes. */
    private Map<String, Map<String, String>> projectionKeysOfOrganisation() {
        Map<String, Map<String, String>> contents = new TreeMap<>();
        for (String key : keysOfOrganisation()) {
            if (key.endsWith(":applied") || key.endsWith(":outbox")) {
                continue;
            }
            assertThat(redis.type(key)).as(key).isEqualTo("hash");
            contents.put(key, new TreeMap<>(redis.hgetAll(key)));
        }
        return contents;
    }

    /** Deletes this organisation's keys only: other tests share this Redis. */
    private void wipeOrganisation() {
        List<String> keys = keysOfOrganisation();
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }

    private List<String> keysOfOrganisation() {
        var keys = new ArrayList<String>();
        var params = new ScanParams().match("progress:{" + organisationId + "/*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    // --- milestones -----------------------------------------------------------------------------

    /** A level-completed milestone as read from the milestones topic. */
    record LevelCompletedMilestone(String id, String learnerId, String levelId) {
    }

    private void assertMilestonesMatch(Expected expected) {
        List<LevelCompletedMilestone> milestones = levelCompletedMilestonesOfOrganisation();
        Map<String, Set<List<String>>> subjectsById = milestones.stream().collect(Collectors.groupingBy(
                LevelCompletedMilestone::id, TreeMap::new,
                Collectors.mapping(milestone -> List.of(milestone.learnerId(), milestone.levelId()), Collectors.toSet())));
        assertThat(subjectsById.values()).as("each milestone id names one learner and level (redeliveries reuse it)")
                .allSatisfy(subjects -> assertThat(subjects).hasSize(1));
        assertThat(subjectsById).as("distinct level-completed ids = level completions in the fold")
                .hasSize(expected.completions().size());

        Set<List<String>> announced = new HashSet<>();
        subjectsById.values().forEach(announced::addAll);
        var finishedWithoutMilestone = new TreeSet<String>();
        expected.learners().forEach((learner, state) -> state.finishedLevels().stream()
                .filter(level -> !announced.contains(List.of(learner, level)))
                .forEach(level -> finishedWithoutMilestone.add(learner + "/" + level)));
        assertThat(finishedWithoutMilestone).as("finished levels without a level-completed milestone").isEmpty();
    }

    private List<LevelCompletedMilestone> levelCompletedMilestonesOfOrganisation() {
        var milestones = new ArrayList<LevelCompletedMilestone>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, TicklistWire.MILESTONES.partitions())
                    .mapToObj(partition -> new TopicPartition(TicklistWire.MILESTONES.name(), partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("the milestones topic read to its end").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .until(() -> {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            if (!TicklistWire.LEVEL_COMPLETED.equals(TicklistWire.header(record.headers(), "ce_type"))) {
                                continue;
                            }
                            var data = TicklistWire.data(record.value());
                            if (organisationId.equals(data.get("organisationId").asString())) {
                                milestones.add(new LevelCompletedMilestone(TicklistWire.header(record.headers(), "ce_id"),
                                        data.get("learnerId").asString(), data.get("levelId").asString()));
                            }
                        }
                        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
                    });
        }
        return milestones;
    }

    // --- the service process and the broker -----------------------------------------------------

    private ServiceProcess startProgressService() throws Exception {
        Path logDir = Files.createDirectories(logRoot.resolve("progress-" + (++incarnation)));
        var service = ServiceProcess.start(Stack.projectRoot(), "progress-service", FreePorts.next(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "REDIS_HOST", infrastructure.redisHost(),
                "REDIS_PORT", Integer.toString(infrastructure.redisPort()),
                "TICKLIST_IDENTITY_SECRET", identitySecret,
                "SPRING_KAFKA_CONSUMER_GROUP_ID", group,
                // A killed member holds its partitions until its session expires: keep that short
                // (the broker's minimum) so each restart resumes in seconds, not 45 s.
                "SPRING_APPLICATION_JSON", """
                        {"spring.kafka.consumer.properties.session.timeout.ms": 6000,
                         "spring.kafka.consumer.properties.heartbeat.interval.ms": 1500}"""), logDir);
        try {
            service.awaitReady(READY_TIMEOUT);
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    private static void killForcibly(ServiceProcess service) {
        ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow();
        process.destroyForcibly();
        await("progress-service killed").atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        service.close();
    }

    /** Waits until the group has committed, on every partition this test wrote, the partition's end. */
    private void awaitCaughtUp(String group) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsUsed.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> end.put(partition, info.offset()));
        await(group + " caught up with " + end).atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(group);
                    return end.entrySet().stream().allMatch(entry -> committed.get(entry.getKey()) != null
                            && committed.get(entry.getKey()).offset() == entry.getValue());
                });
    }

    private long committedTotal(String group) throws Exception {
        return committedOffsets(group).entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(TicklistWire.LEARNER_ACTIVITY.name()))
                .filter(entry -> entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    }

    /** The topics as the services create them: never compacted, never expiring, each with its dead-letter topic. */
    private void createTopicsIfMissing(TopicSpec... topics) throws Exception {
        Map<String, String> config = Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
        var wanted = new ArrayList<NewTopic>();
        for (TopicSpec topic : topics) {
            wanted.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(config));
            wanted.add(new NewTopic(topic.deadLetterTopic(), 1, (short) 1).configs(config));
        }
        for (var creation : admin.createTopics(wanted).values().values()) {
            try {
                creation.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    // --- fixtures -------------------------------------------------------------------------------

    private static Level level(String id) {
        var categories = new LinkedHashMap<String, List<String>>();
        for (String category : List.of("data", "theory")) {
            categories.put(id + "-" + category,
                    IntStream.rangeClosed(1, 4).mapToObj(n -> id + "-" + category + "-" + n).toList());
        }
        return new Level(id, categories);
    }

    private static String randomText(int length) {
        var random = new SecureRandom();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return random.ints(length, 0, alphabet.length()).mapToObj(alphabet::charAt)
                .map(String::valueOf).collect(Collectors.joining());
    }
}
