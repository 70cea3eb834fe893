package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.platform.identity.IdentityKeys;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pending webhook retry survives the death of notification-service: instance A makes the first
 * attempts of five messages against a receiver that answers 503, is killed with SIGKILL while
 * their retries are scheduled, and instance B (same consumer group, same settings) folds the
 * webhooks topic again and delivers every message exactly once, under the id, signature and
 * attempt numbering A started with.
 */
class WebhookRestartIT {

    private static final int MESSAGES = 5;
    private static final String SOURCE = "/ticklist/progress-service";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Between attempts of one message: short, so the test is quick, long enough that A is idle when killed. */
    private static final Duration RETRY_WAIT = Duration.ofSeconds(2);
    private static final double RETRY_JITTER = 0.1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    private final String organisationId = "org_webhook_restart_" + run;
    private final String group = "notification-webhook-restart-" + run;
    private final IdentityKeys identityKeys = IdentityKeys.generate();
    private final Infrastructure infrastructure = Infrastructure.shared();

    @Test
    void aRetryPendingWhenTheServiceIsKilledIsDeliveredOnceByTheNextInstance() throws Exception {
        Path logRoot = Files.createDirectories(Stack.projectRoot().resolve("devstack/target/webhook-restart-logs/" + run));
        Map<String, String> environment = environment();
        var tokens = new IdentityTokens(identityKeys, Duration.ofMinutes(10));
        String token = tokens.issue(organisationId, Set.of(Scope.ADMIN), "notification-service");
        var started = new ArrayList<ServiceProcess>();

        try (var receiver = FlakyReceiver.start();
             var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     infrastructure.kafkaBootstrapServers()));
             var producer = new KafkaProducer<String, EventEnvelope<?>>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventEnvelopeSerializer.class))) {
            ExactnessFixture.createTopicsIfMissing(admin, Topics.MILESTONES, Topics.WEBHOOKS);
            // The group starts at this test's milestones, not at every milestone other tests left on the broker.
            moveGroupToTheEnd(admin, Topics.MILESTONES);

            // 1-2. Instance A, and an endpoint at the receiver, which answers 503 for now.
            ServiceProcess a = start("a", environment, logRoot, started);
            JsonHttp apiA = JsonHttp.at(a.url()).withBearer(token);
            var created = apiA.post("/api/v1/webhooks/endpoints",
                    Map.of("url", receiver.url(), "description", "webhook restart test " + run));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String endpointId = created.json().get("id").asString();
            String secret = created.json().get("secret").asString();
            String messages = "/api/v1/webhooks/endpoints/" + endpointId + "/messages?limit=500";

            // 3. Five milestones; each becomes a message whose first attempt fails and whose retry is scheduled.
            var milestoneIds = new TreeSet<String>();
            for (int n = 0; n < MESSAGES; n++) {
                var milestone = new LevelCompleted(organisationId, "coh-1", "learner-" + n, "machine-learning", 1,
                        "entry", 25);
                String eventId = UUID.randomUUID().toString();
                producer.send(new ProducerRecord<>(Topics.MILESTONES.name(), milestone.key(),
                        new EventEnvelope<>(eventId, SOURCE, Instant.now(), milestone))).get(30, TimeUnit.SECONDS);
                milestoneIds.add(eventId);
            }
            List<JsonNode> beforeKill = await("every message failed at least once and has a retry scheduled on A")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        a.requireAlive();
                        return messagesOf(apiA, messages);
                    }, log -> log.size() == MESSAGES && log.stream().allMatch(message ->
                            message.get("status").asString().equals("pending")
                                    && hasValue(message, "nextAttemptAt")
                                    && attemptsOf(message).stream().anyMatch(attempt ->
                                            !attempt.get("outcome").asString().equals("delivered"))));
            assertThat(beforeKill).extracting(message -> message.get("milestoneEventId").asString())
                    .as("one message per milestone").containsExactlyInAnyOrderElementsOf(milestoneIds);
            for (JsonNode message : beforeKill) {
                JsonNode first = attemptsOf(message).getFirst();
                assertThat(first.get("statusCode").asInt()).as("A's first attempt of " + message).isEqualTo(503);
                // The configured schedule is in force: the retry is due a wait (plus jitter) after the failure.
                Duration wait = Duration.between(Instant.parse(attemptsOf(message).getLast().get("attemptedAt").asString()),
                        Instant.parse(message.get("nextAttemptAt").asString()));
                assertThat(wait).as("wait before the retry of " + message)
                        .isBetween(RETRY_WAIT.minusMillis(500), RETRY_WAIT.plusSeconds(1));
            }
            Set<String> messageIds = beforeKill.stream().map(message -> message.get("id").asString())
                    .collect(Collectors.toCollection(TreeSet::new));

            // 4. SIGKILL A while the retries are scheduled; only once nothing of A can still arrive, the receiver comes up.
            kill(a);
            started.remove(a);
            await("the receiver has no request of A under way").atMost(Duration.ofSeconds(5))
                    .during(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.inFlight() == 0);
            int receivedFromA = receiver.received().size();
            receiver.up();
            ServiceProcess b = start("b", environment, logRoot, started);
            JsonHttp apiB = JsonHttp.at(b.url()).withBearer(token);

            // 5. B finds the pending retries in the webhooks topic and delivers every message.
            List<JsonNode> afterRestart = await("every message delivered by B")
                    .atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        b.requireAlive();
                        return messagesOf(apiB, messages);
                    }, log -> log.size() == MESSAGES
                            && log.stream().allMatch(message -> message.get("status").asString().equals("delivered")));
            // Nothing more is sent once all are delivered (a late duplicate would show here).
            int receivedWhenDelivered = receiver.received().size();
            await("no further requests once all are delivered").during(RETRY_WAIT.plusSeconds(1))
                    .atMost(RETRY_WAIT.plusSeconds(4)).pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.inFlight() == 0 && receiver.received().size() == receivedWhenDelivered);

            List<Received> received = receiver.received();
            System.out.printf("%d requests: %d answered 503 while A ran, then %s; attempts in B's log: %s%n",
                    received.size(), receivedFromA, received.subList(receivedFromA, received.size()).stream()
                            .map(request -> request.webhookId() + "=" + request.status()).toList(),
                    afterRestart.stream().collect(Collectors.toMap(message -> message.get("id").asString(),
                            message -> attemptsOf(message).size(), (x, y) -> x, TreeMap::new)));
            assertThat(received.subList(0, receivedFromA)).as("what A was answered").allSatisfy(request ->
                    assertThat(request.status()).isEqualTo(503));
            Map<String, List<Received>> byId = received.stream()
                    .collect(Collectors.groupingBy(Received::webhookId, TreeMap::new, Collectors.toList()));
            assertThat(byId.keySet()).as("webhook-ids the receiver saw").isEqualTo(messageIds);

            Map<String, Long> okById = received.stream().filter(request -> request.status() == 200)
                    .collect(Collectors.groupingBy(Received::webhookId, TreeMap::new, Collectors.counting()));
            assertThat(okById).as("200 answers per webhook-id")
                    .isEqualTo(messageIds.stream().collect(Collectors.toMap(id -> id, id -> 1L, (x, y) -> x, TreeMap::new)));

            // Every request telling of one milestone carried one webhook-id, and the same body.
            Map<String, Set<String>> idsByMilestone = new TreeMap<>();
            Map<String, Set<String>> bodiesById = new TreeMap<>();
            for (Received request : received) {
                String milestoneId = JsonHttp.Response.parse(request.body()).get("data").get("eventId").asString();
                idsByMilestone.computeIfAbsent(milestoneId, key -> new TreeSet<>()).add(request.webhookId());
                bodiesById.computeIfAbsent(request.webhookId(), key -> new TreeSet<>()).add(request.body());
            }
            assertThat(idsByMilestone.keySet()).as("milestones the receiver heard of").isEqualTo(milestoneIds);
            assertThat(idsByMilestone.values()).as("webhook-ids per milestone").allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(bodiesById.values()).as("bodies per webhook-id").allSatisfy(bodies -> assertThat(bodies).hasSize(1));

            for (JsonNode message : afterRestart) {
                String id = message.get("id").asString();
                List<JsonNode> attempts = attemptsOf(message);
                assertThat(attempts.stream().map(attempt -> attempt.get("attempt").asInt()).toList())
                        .as("attempt numbers of " + id).isEqualTo(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
                assertThat(attempts.getLast().get("outcome").asString()).as("last attempt of " + id).isEqualTo("delivered");
                assertThat(attempts.getLast().get("statusCode").asInt()).as("last attempt of " + id).isEqualTo(200);
                assertThat(attempts.subList(0, attempts.size() - 1)).as("earlier attempts of " + id)
                        .allSatisfy(attempt -> assertThat(attempt.get("statusCode").asInt()).isEqualTo(503));
                assertThat(attempts.size()).as("attempts of " + id + " in the log, against requests received")
                        .isLessThanOrEqualTo(byId.get(id).size());
            }

            assertThat(received.stream().filter(request -> request.status() == 200))
                    .as("the delivered requests verify with the endpoint's secret").hasSize(MESSAGES)
                    .allSatisfy(request -> assertThat(StandardWebhooks.verify(secret, request.webhookId(),
                            request.timestamp(), request.body(), request.signature()))
                            .as("signature of " + request.webhookId()).isTrue());
        } finally {
            started.forEach(ServiceProcess::close);
        }
    }

    // --- notification-service ----------------------------------------------------------------------

    private Map<String, String> environment() {
        var environment = new HashMap<String, String>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("REDIS_HOST", infrastructure.redisHost());
        environment.put("REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        environment.put(IdentityKeys.PUBLIC_KEY_VARIABLE, identityKeys.encodedPublicKey());
        environment.put("TICKLIST_WEBHOOK_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(randomBytes(32)));
        environment.put("TICKLIST_WEBHOOKS_ALLOW_INSECURE_LOCAL", "true");
        environment.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
        String schedule = IntStream.range(0, 8).mapToObj(n -> n == 0 ? "\"0s\"" : "\"" + RETRY_WAIT.toSeconds() + "s\"")
                .collect(Collectors.joining(", ", "[", "]"));
        // A killed member holds its partitions until its session expires: keep that short.
        environment.put("SPRING_APPLICATION_JSON", """
                {"spring.kafka.consumer.properties.session.timeout.ms": 6000,
                 "spring.kafka.consumer.properties.heartbeat.interval.ms": 1500,
                 "ticklist.webhooks.retry-schedule": %s,
                 "ticklist.webhooks.retry-jitter": %s,
                 "ticklist.webhooks.attempt-timeout": "2s",
                 "ticklist.webhooks.disable-after-failing": "1h",
                 "ticklist.webhooks.poll-interval": "100ms"}""".formatted(schedule, RETRY_JITTER));
        return Map.copyOf(environment);
    }

    private static ServiceProcess start(String instance, Map<String, String> environment, Path logRoot,
                                        List<ServiceProcess> started) throws Exception {
        var service = ServiceProcess.start(Stack.projectRoot(), "notification-service", FreePorts.next(), environment,
                Files.createDirectories(logRoot.resolve(instance)));
        started.add(service);
        service.awaitReady(READY_TIMEOUT);
        return service;
    }

    /** SIGKILL: no shutdown hook, no attempt finished, nothing recorded on the way out. */
    private static void kill(ServiceProcess service) {
        ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow();
        process.destroyForcibly();
        await(service.name() + " killed").atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        service.close();
    }

    private static List<JsonNode> messagesOf(JsonHttp api, String path) {
        var response = api.get(path);
        if (response.status() != 200) {
            throw new AssertionError("the delivery log: " + response);
        }
        return StreamSupport.stream(response.json().get("messages").spliterator(), false).toList();
    }

    private static boolean hasValue(JsonNode node, String field) {
        return !node.path(field).isMissingNode() && !node.path(field).isNull();
    }

    private static List<JsonNode> attemptsOf(JsonNode message) {
        return StreamSupport.stream(message.get("attempts").spliterator(), false).toList();
    }

    // --- Kafka -------------------------------------------------------------------------------------


    private void moveGroupToTheEnd(Admin admin, Topic<?> topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        IntStream.range(0, topic.partitions())
                .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> end.put(partition, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, end).all().get(30, TimeUnit.SECONDS);
    }

    // --- the receiver --------------------------------------------------------------------------------

    /** One request as the receiver saw it, and what it answered. */
    record Received(String webhookId, String timestamp, String signature, String body, int status) {
    }

    /** A webhook receiver on loopback that is down (503) until told it is up (200). */
    static final class FlakyReceiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService executor;
        private final AtomicBoolean up = new AtomicBoolean();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final List<Received> received = new CopyOnWriteArrayList<>();

        private FlakyReceiver(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static FlakyReceiver start() {
            try {
                var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                var receiver = new FlakyReceiver(server, Executors.newVirtualThreadPerTaskExecutor());
                server.createContext("/hook", exchange -> {
                    receiver.inFlight.incrementAndGet();
                    try (exchange) {
                        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                        var headers = exchange.getRequestHeaders();
                        int status = receiver.up.get() ? 200 : 503;
                        receiver.received.add(new Received(headers.getFirst("webhook-id"),
                                headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body, status));
                        exchange.sendResponseHeaders(status, -1);
                    } finally {
                        receiver.inFlight.decrementAndGet();
                    }
                });
                server.setExecutor(receiver.executor);
                server.start();
                return receiver;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the webhook receiver", e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void up() {
            up.set(true);
        }

        int inFlight() {
            return inFlight.get();
        }

        /** In the order answered. */
        List<Received> received() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.close();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
