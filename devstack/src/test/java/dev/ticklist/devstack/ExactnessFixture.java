package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.devstack.ActivityFold.Activity;
import dev.ticklist.devstack.ActivityFold.Change;
import dev.ticklist.devstack.ActivityFold.CohortState;
import dev.ticklist.devstack.ActivityFold.Expected;
import dev.ticklist.devstack.ActivityFold.LearnerState;
import dev.ticklist.devstack.ActivityFold.MilestoneKind;
import dev.ticklist.devstack.ActivityFold.Occasion;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the exactness tests share: one organisation with its own checklist, cohort and consumer
 * group on the shared broker and Redis, progress-service started as real processes, learner
 * activity streamed to it, and the comparison of every learner's projection, the cohort's
 * projection and every milestone with the test's own in-order fold of exactly the events published.
 */
final class ExactnessFixture implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(60);
    private static final String COHORT = "cohort-exactness";
    private static final int VERSION = 1;
    private static final String SOURCE = "/ticklist/checklist-service";
    private static final Topic<?> ACTIVITY = Topics.LEARNER_ACTIVITY;
    private static final Topic<?> COHORTS = Topics.COHORT_PROGRESS;
    /** Reasons a skip gives: none, plain, with a colon (the stored form separates it with one) and not ASCII. */
    private static final List<String> SKIP_REASONS = Arrays.asList(null, "not offered here", "done elsewhere: at work",
            "später — im nächsten Kurs");

    private final String scenario;
    private final int learners;
    /** Every random choice of the fixture (learners, items, changes, reasons) comes from the seed given; event ids do not. */
    private final Random random;
    private final String run;
    private final String organisationId;
    private final ChecklistVersionPublished checklist;
    private final ActivityFold fold;
    private final Map<String, String> levelOfItem = new LinkedHashMap<>();
    private final List<String> items;
    /** The level each of one learner in six skips most of, chosen from the seed. */
    private final Map<String, String> skippedLevelOf = new HashMap<>();
    private final IdentityKeys identityKeys = IdentityKeys.generate();
    private final Infrastructure infrastructure = Infrastructure.shared();
    private final Admin admin;
    private final KafkaProducer<String, EventEnvelope<?>> producer;
    private final Map<String, RedisProjections> projections = new ConcurrentHashMap<>();
    private final Path logRoot;
    private final Instant firstEventTime = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
    private final AtomicLong eventSequence = new AtomicLong();
    private final List<ActivityStream> streams = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> running = new CopyOnWriteArrayList<>();
    private final Map<TopicPartition, Long> startOffsets;
    private String group;
    private String generation = "1";
    private int incarnation;

    private ExactnessFixture(String scenario, int learners, long seed) throws Exception {
        this.scenario = scenario;
        this.learners = learners;
        this.random = new Random(seed);
        this.run = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        this.organisationId = "org_" + scenario + "_" + run;
        this.checklist = ActivityFold.checklist(organisationId, scenario + "-" + run, VERSION);
        this.fold = new ActivityFold(checklist);
        checklist.levels().forEach(level -> ActivityFold.itemsOf(level).forEach(item -> levelOfItem.put(item, level.id())));
        this.items = List.copyOf(levelOfItem.keySet());
        for (String learner : learnerIds()) {
            if (random.nextInt(6) == 0) {
                skippedLevelOf.put(learner, checklist.levels().get(random.nextInt(checklist.levels().size())).id());
            }
        }
        this.group = "progress-" + scenario + "-" + run;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventEnvelopeSerializer.class));
        this.logRoot = Files.createDirectories(Stack.projectRoot().resolve("devstack/target/exactness-logs/" + scenario + "-" + run));
        createTopicsIfMissing(admin, Topics.LEARNER_ACTIVITY, Topics.CATALOG, Topics.MILESTONES, Topics.COHORT_PROGRESS);
        producer.send(new ProducerRecord<>(Topics.CATALOG.name(), checklist.key(),
                new EventEnvelope<>(UUID.randomUUID().toString(), SOURCE, Instant.now(), checklist))).get(30, TimeUnit.SECONDS);
        // The group starts where this scenario's events start, not at other tests' events.
        this.startOffsets = endOffsets(ACTIVITY);
        moveGroupTo(startOffsets);
    }

    /**
     * @param scenario a short slug naming the scenario, in ids, group and log folder
     * @param seed     of every random choice: the same seed publishes the same events (a test's
     *                 {@link dev.ticklist.testsupport.RandomSeed}, which names it when the test fails)
     */
    static ExactnessFixture create(String scenario, int learners, long seed) throws Exception {
        return new ExactnessFixture(scenario, learners, seed);
    }

    // --- progress-service ------------------------------------------------------------------------

    ServiceProcess startProgressService() throws Exception {
        return startProgressService(Map.of());
    }

    /** Starts progress-service in the current group and waits until it is ready; {@code overrides} win over the defaults. */
    ServiceProcess startProgressService(Map<String, String> overrides) throws Exception {
        Path logDir = Files.createDirectories(logRoot.resolve("progress-" + (++incarnation)));
        var environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "REDIS_HOST", infrastructure.redisHost(),
                "REDIS_PORT", Integer.toString(infrastructure.redisPort()),
                IdentityKeys.PUBLIC_KEY_VARIABLE, identityKeys.encodedPublicKey(),
                "SPRING_KAFKA_CONSUMER_GROUP_ID", group,
                // A killed member holds its partitions until its session expires: keep that short
                // (the broker's minimum) so each restart or rebalance takes seconds, not 45 s.
                "SPRING_APPLICATION_JSON", """
                        {"spring.kafka.consumer.properties.session.timeout.ms": 6000,
                         "spring.kafka.consumer.properties.heartbeat.interval.ms": 1500}"""));
        environment.putAll(overrides);
        var service = ServiceProcess.start(Stack.projectRoot(), "progress-service", FreePorts.next(), environment, logDir);
        running.add(service);
        try {
            service.awaitReady(READY_TIMEOUT);
        } catch (Exception | Error e) {
            close(service);
            throw e;
        }
        return service;
    }

    /**
     * Settings under which progress-service commits offsets only every {@code interval} instead
     * of after every batch: legal (offsets still never pass what was applied), and a kill then
     * leaves seconds of applied but uncommitted records to be delivered again.
     */
    static Map<String, String> committingEvery(Duration interval) {
        return Map.of("SPRING_KAFKA_LISTENER_ACKMODE", "TIME",
                "SPRING_KAFKA_LISTENER_ACKTIME", interval.toMillis() + "ms");
    }

    /**
     * Starts a rebuild beside the live projections, as docs/progress.md describes it: generation
     * {@code newGeneration}, in a consumer group of its own reading both topics from the
     * beginning, taking reads over once caught up. From here on the fixture's group, waits and
     * comparisons are the new generation's.
     */
    ServiceProcess startRebuildBesideLive(String newGeneration) throws Exception {
        switchToNewGroupFromTheBeginning("generation-" + newGeneration);
        generation = newGeneration;
        return startProgressService(Map.of("TICKLIST_PROGRESS_GENERATION", newGeneration,
                "TICKLIST_PROGRESS_TAKE_OVER_WHEN_CAUGHT_UP", "true"));
    }

    /** A client for progress-service's queries, as the gateway calls them for this organisation. */
    JsonHttp client(ServiceProcess service) {
        return JsonHttp.at(service.url()).withBearer(new IdentityTokens(identityKeys, Duration.ofMinutes(10))
                .issue(organisationId, Set.of(Scope.READ), "progress-service"));
    }

    /** SIGKILL: no shutdown hook, no last commit, no leaving the group. */
    void kill(ServiceProcess service) {
        ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow();
        process.destroyForcibly();
        await("progress-service killed").atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        close(service);
    }

    /** SIGTERM: a graceful shutdown that leaves the group. */
    void close(ServiceProcess service) {
        service.close();
        running.remove(service);
    }

    // --- learner activity ------------------------------------------------------------------------

    /** Streams random ticks, unticks, starts and skips ({@link #randomActivity}) in the background until {@code limit} events. */
    ActivityStream stream(int perSecond, int limit) {
        var stream = ActivityStream.start(producer, this::recordOf, this::randomActivity, perSecond, limit);
        streams.add(stream);
        return stream;
    }

    /** Ends every stream still publishing (one a failed test left running), once what it sent is acknowledged. */
    void finishStreams() throws Exception {
        for (ActivityStream stream : streams) {
            stream.finish();
        }
    }

    /** Exactly the events published, in publishing order. */
    List<Activity> published() {
        return streams.stream().flatMap(stream -> stream.events().stream()).toList();
    }

    List<String> learnerIds() {
        return IntStream.range(0, learners).mapToObj(n -> "learner-" + n).toList();
    }

    String cohortId() {
        return COHORT;
    }

    ActivityFold fold() {
        return fold;
    }

    /**
     * One random event of a random learner. Most learners tick (55 %), untick (15 %), start (12 %)
     * and skip (18 %, with one of a few reasons or none) items of the whole checklist, so levels
     * finish through skips and reopen through unticks, starts and unskips, and skips change their
     * reasons. A learner who skips a level ({@link #skippedLevelOf}) skips most of its items
     * (80 %), so that level is often all skipped (not finished, and holding nothing back) or
     * finished with a single item done.
     */
    private Activity randomActivity() {
        String learner = "learner-" + random.nextInt(learners);
        String item = items.get(random.nextInt(items.size()));
        boolean inSkippedLevel = levelOfItem.get(item).equals(skippedLevelOf.get(learner));
        int roll = random.nextInt(100);
        Change change;
        if (inSkippedLevel) {
            change = roll < 80 ? Change.SKIP : roll < 90 ? Change.UNTICK : roll < 95 ? Change.TICK : Change.START;
        } else {
            change = roll < 55 ? Change.TICK : roll < 70 ? Change.UNTICK : roll < 82 ? Change.START : Change.SKIP;
        }
        String reason = change == Change.SKIP ? SKIP_REASONS.get(random.nextInt(SKIP_REASONS.size())) : null;
        return new Activity(UUID.randomUUID().toString(), firstEventTime.plusMillis(eventSequence.getAndIncrement()),
                change, learner, item, reason);
    }

    private ProducerRecord<String, EventEnvelope<?>> recordOf(Activity activity) {
        String learner = activity.learnerId();
        String checklistId = checklist.checklistId();
        String item = activity.itemId();
        ItemActivity event = switch (activity.change()) {
            case TICK -> new ItemTicked(organisationId, COHORT, learner, checklistId, VERSION, item);
            case UNTICK -> new ItemUnticked(organisationId, COHORT, learner, checklistId, VERSION, item);
            case START -> new ItemStarted(organisationId, COHORT, learner, checklistId, VERSION, item);
            case SKIP -> new ItemSkipped(organisationId, COHORT, learner, checklistId, VERSION, item, activity.reason());
        };
        return new ProducerRecord<>(ACTIVITY.name(), event.key(),
                new EventEnvelope<>(activity.eventId(), SOURCE, activity.time(), event));
    }

    // --- the comparisons ---------------------------------------------------------------------------

    Expected expected() {
        return fold.fold(published());
    }

    /** Every learner's projection and the cohort's (aggregates and ranking) in Redis equal the fold. */
    void assertProjectionsEqualFold(String when) {
        Expected expected = expected();
        assertThat(expected.learners()).as("learners with events").hasSize(learners);
        assertThat(expected.occasions().keySet()).as("cases of the rules the stream took the fold through")
                .containsAll(Arrays.stream(Occasion.values()).filter(occasion -> occasion.inEveryStream).toList());
        assertThat(learnersDifferingFromFold(expected))
                .as(when + ": learners whose projection differs from the fold (of " + learners + ")").isEmpty();
        CohortState cohort = projections().cohortOf(COHORT);
        assertThat(cohort.aggregates()).as(when + ": the cohort's aggregates (zero fields left out) against the fold")
                .isEqualTo(expected.cohort().aggregates());
        assertThat(cohort.ranking()).as(when + ": the cohort's ranking (basis points) against the fold")
                .isEqualTo(expected.cohort().ranking());
    }

    /**
     * After Redis lost projections: waits until they equal the fold again (they are rebuilt from
     * the topics, so committed offsets say nothing until then), then until the group has caught
     * up, and compares once more.
     */
    void assertConvergesToFold(String when) throws Exception {
        try {
            await(when + ": projections equal to the fold again").atMost(CONVERGENCE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        running.forEach(ServiceProcess::requireAlive);
                        Expected expected = expected();
                        return learnersDifferingFromFold(expected).isEmpty()
                                && projections().cohortOf(COHORT).equals(expected.cohort());
                    });
        } catch (ConditionTimeoutException e) {
            assertProjectionsEqualFold(when + ", " + CONVERGENCE_TIMEOUT.toSeconds() + " s on");
            throw e;
        }
        awaitCaughtUp();
        assertProjectionsEqualFold(when);
    }

    /** A comparison proves a rule about states only if the stream took the fold through it: a long stream, every case. */
    void assertStreamTookTheFoldThroughEveryOccasion() {
        assertThat(expected().occasions()).as("how often the stream took the fold through each case of the rules")
                .containsOnlyKeys(Occasion.values());
    }

    private Map<String, String> learnersDifferingFromFold(Expected expected) {
        var mismatches = new LinkedHashMap<String, String>();
        expected.learners().forEach((learner, state) -> {
            LearnerState actual = projections().stateOf(learner);
            if (!actual.equals(state)) {
                mismatches.put(learner, "expected " + state + "\n  but Redis holds " + actual);
            }
        });
        return mismatches;
    }

    /**
     * What progress-service answers over HTTP equals the fold: every learner's progress, and the
     * cohort's view (per level, category and overall: learners, finished, average, histogram;
     * per item how many ticked it).
     */
    void assertAnswersEqualFold(ServiceProcess service, String when) {
        Expected expected = expected();
        JsonHttp http = client(service);
        var mismatches = new LinkedHashMap<String, String>();
        expected.learners().forEach((learner, state) -> {
            var response = http.get("/api/v1/progress/learners/" + learner);
            LearnerState answered = response.status() == 200 ? ProgressAnswers.learnerState(response.json()) : null;
            if (!state.equals(answered)) {
                mismatches.put(learner, "expected " + state + "\n  but the service answered " + response);
            }
        });
        assertThat(mismatches).as(when + ": learners whose answer differs from the fold").isEmpty();
        var cohort = http.get("/api/v1/progress/cohorts/" + COHORT);
        assertThat(cohort.status()).as(when + ": the cohort's answer " + cohort).isEqualTo(200);
        assertThat(ProgressAnswers.cohortView(cohort.json()))
                .as(when + ": the cohort's answer against the fold")
                .isEqualTo(ProgressAnswers.cohortView(expected.cohort(), checklist));
    }

    /**
     * The milestones topic holds, for this organisation, exactly the fold's milestones: per kind,
     * learner and level as many distinct ids as the fold has milestones (redeliveries reuse an
     * id, never add one), each id naming one milestone; and every finished level was announced.
     */
    void assertMilestonesMatchFold() {
        Expected expected = expected();
        Map<String, Set<String>> subjectsById = new TreeMap<>();
        AnnouncedMilestones.of(infrastructure.kafkaBootstrapServers(), organisationId).forEach(milestone ->
                subjectsById.computeIfAbsent(milestone.id(), id -> new TreeSet<>()).add(milestone.subject()));
        assertThat(subjectsById.values()).as("each milestone id names one kind, learner and level")
                .allSatisfy(subjects -> assertThat(subjects).hasSize(1));
        Map<String, Long> announced = subjectsById.values().stream().map(subjects -> subjects.iterator().next())
                .collect(Collectors.groupingBy(subject -> subject, TreeMap::new, Collectors.counting()));
        Map<String, Long> folded = expected.milestones().stream().map(ActivityFold.Milestone::subject)
                .collect(Collectors.groupingBy(subject -> subject, TreeMap::new, Collectors.counting()));
        assertThat(announced).as("distinct milestone ids per kind, learner and level, against the fold").isEqualTo(folded);

        var finishedWithoutMilestone = new TreeSet<String>();
        expected.learners().forEach((learner, state) -> state.finishedAtByLevel().keySet().stream()
                .filter(level -> !announced.containsKey(ActivityFold.subject(MilestoneKind.LEVEL_COMPLETED, learner, level)))
                .forEach(level -> finishedWithoutMilestone.add(learner + "/" + level)));
        assertThat(finishedWithoutMilestone).as("finished levels without a level-completed milestone").isEmpty();
    }

    Set<String> milestoneIds() {
        return AnnouncedMilestones.of(infrastructure.kafkaBootstrapServers(), organisationId).stream()
                .map(AnnouncedMilestones.Announced::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** This organisation's projections in the generation the fixture's services build. */
    RedisProjections projections() {
        return projections(generation);
    }

    RedisProjections projections(String ofGeneration) {
        return projections.computeIfAbsent(ofGeneration, name -> new RedisProjections(infrastructure.redisHost(),
                infrastructure.redisPort(), name, organisationId, checklist.checklistId() + "@" + VERSION,
                checklist.levels().stream().collect(Collectors.toMap(ChecklistVersionPublished.Level::id,
                        ActivityFold::itemsOf))));
    }

    // --- the consumer group ------------------------------------------------------------------------

    /**
     * Switches to a new consumer group with no committed offsets, so the next service started
     * reads the topics from the beginning: a rebuild.
     */
    void switchToNewGroupFromTheBeginning(String name) {
        group = "progress-" + scenario + "-" + name + "-" + run;
    }

    /**
     * Waits until the group has committed, on every partition this test wrote, the partition's
     * end; then until the learners' outboxes are empty (every cohort change they caused is
     * published) and the group has committed the end of every partition of the cohort stream.
     */
    void awaitCaughtUp() throws Exception {
        Set<TopicPartition> used = new HashSet<>();
        streams.forEach(stream -> used.addAll(stream.partitionsUsed()));
        Map<TopicPartition, Long> end = new HashMap<>(endOffsets(ACTIVITY));
        end.keySet().retainAll(used);
        awaitCommitted(ACTIVITY, end);
        await("the learners' outboxes published").atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> projections().pendingInOutboxes(learnerIds()) == 0);
        Map<TopicPartition, Long> cohortEnd = new HashMap<>(endOffsets(COHORTS));
        cohortEnd.values().removeIf(offset -> offset == 0);
        awaitCommitted(COHORTS, cohortEnd);
    }

    private void awaitCommitted(Topic<?> topic, Map<TopicPartition, Long> end) {
        await(group + " caught up with " + end).atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    running.forEach(ServiceProcess::requireAlive);
                    Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(topic);
                    return end.entrySet().stream().allMatch(entry -> committed.get(entry.getKey()) != null
                            && committed.get(entry.getKey()).offset() >= entry.getValue());
                });
    }

    /** The group's committed learner-activity offsets. */
    Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        return committedOffsets(ACTIVITY);
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(Topic<?> topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        committed.keySet().removeIf(partition -> !partition.topic().equals(topic.name()));
        committed.values().removeIf(Objects::isNull);
        return committed;
    }

    /**
     * Whether progress-service has stored, for some partition, events its group has not committed
     * yet: a learner's marker at or past the partition's committed offset. A kill then falls
     * between a flush and the offset commit.
     */
    boolean storedBeyondCommitted() throws Exception {
        var committed = committedOffsets();
        Map<TopicPartition, Long> stored = new HashMap<>();
        projections().appliedOffsets(learnerIds()).forEach((learner, offset) -> stored.merge(
                new TopicPartition(ACTIVITY.name(), Utils.toPositive(Utils.murmur2(
                        (organisationId + "/" + learner).getBytes(StandardCharsets.UTF_8))) % ACTIVITY.partitions()),
                offset, Math::max));
        return stored.entrySet().stream().anyMatch(entry -> committed.containsKey(entry.getKey())
                && entry.getValue() >= committed.get(entry.getKey()).offset());
    }

    long committedTotal() throws Exception {
        return committedOffsets().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** How many members of the group own learner-activity partitions. */
    int activityConsumers() throws Exception {
        var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        return (int) description.members().stream()
                .filter(member -> member.assignment().topicPartitions().stream()
                        .anyMatch(partition -> partition.topic().equals(ACTIVITY.name())))
                .count();
    }

    /**
     * Moves the group back to where this scenario's events start, so every event is delivered
     * again. The group must have no members: waits for a killed member's session to expire.
     */
    void rewindToTheStart() throws Exception {
        await(group + " without members").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                        .get(group).members().isEmpty());
        moveGroupTo(startOffsets);
    }

    private void moveGroupTo(Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        offsets.forEach((partition, offset) -> target.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, target).all().get(30, TimeUnit.SECONDS);
    }

    private Map<TopicPartition, Long> endOffsets(Topic<?> topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsOf(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    /**
     * "No offset moves past what was applied": for every record of this test below the group's
     * committed offset of its partition, the learner's idempotence marker in Redis has reached
     * it. Committed offsets are read first and markers only grow, so a pass is never luck.
     *
     * @return how many of this test's records were acknowledged, and how many of them committed
     */
    Backlog assertCommittedOffsetsApplied() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        Map<String, Long> applied = projections().appliedOffsets(learnerIds());
        int acknowledged = 0;
        int covered = 0;
        var violations = new TreeMap<String, String>();
        for (var stream : streams) {
            for (var partition : stream.learnerAtOffset().entrySet()) {
                acknowledged += partition.getValue().size();
                OffsetAndMetadata commit = committed.get(partition.getKey());
                if (commit == null) {
                    continue;
                }
                for (var record : partition.getValue().headMap(commit.offset(), false).entrySet()) {
                    covered++;
                    if (applied.get(record.getValue()) < record.getKey()) {
                        violations.putIfAbsent(record.getValue(), partition.getKey() + " committed up to "
                                + commit.offset() + " but the record at " + record.getKey()
                                + " is not applied (marker " + applied.get(record.getValue()) + ")");
                    }
                }
            }
        }
        assertThat(violations).as("learners whose records the group committed before they were applied").isEmpty();
        return new Backlog(acknowledged, covered);
    }

    /** This test's records the broker acknowledged, and how many of them the group has committed. */
    record Backlog(int acknowledged, int committed) {
        int pending() {
            return acknowledged - committed;
        }
    }

    // --- topics ------------------------------------------------------------------------------------

    private static List<TopicPartition> partitionsOf(Topic<?> topic) {
        return IntStream.range(0, topic.partitions()).mapToObj(partition -> new TopicPartition(topic.name(), partition)).toList();
    }

    /** The topics as the services create them: never compacted, never expiring, each with its dead-letter topic. */
    static void createTopicsIfMissing(Admin admin, Topic<?>... topics) throws Exception {
        Map<String, String> config = Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");
        var wanted = new ArrayList<NewTopic>();
        for (Topic<?> topic : topics) {
            wanted.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(config));
            wanted.add(new NewTopic(topic.deadLetterTopic(), 1, (short) 1).configs(config));
        }
        for (var creation : admin.createTopics(wanted).values().values()) {
            try {
                creation.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        running.forEach(ServiceProcess::close);
        running.clear();
        producer.close();
        admin.close();
        projections.values().forEach(RedisProjections::close);
    }
}
