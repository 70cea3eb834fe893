package dev.ticklist.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.http.JsonHttp;
import dev.ticklist.testsupport.local.FreePorts;
import dev.ticklist.testsupport.local.LocalKafkaBroker;
import dev.ticklist.testsupport.openapi.OpenApiLint;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The whole system for real: the four services as processes from their jars, a real broker and
 * Redis, a webhook receiver on loopback; everything through the gateway with an API key.
 */
class EndToEndIT {

    static StackSettings settings;
    static Stack stack;
    static HttpServer receiver;
    static TraceCollector traces;
    static DeployedKafka kafka;
    static DeployedRedisUsers redisUsers;
    static final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
    /** Webhooks of the endpoint subscribed to level.completed.v2. */
    static final List<ReceivedWebhook> receivedV2 = new CopyOnWriteArrayList<>();

    record ReceivedWebhook(String id, String timestamp, String signature, String body) {
    }

    @BeforeAll
    static void startEverything() throws Exception {
        var infrastructure = Infrastructure.shared();
        traces = TraceCollector.start();
        Path root = Stack.projectRoot();
        // Kafka and Redis as the Docker stack secures them: every service logs in as itself.
        kafka = DeployedKafka.start(root);
        redisUsers = DeployedRedisUsers.add(root, infrastructure.redisHost(), infrastructure.redisPort(),
                DeployedKafka.SERVICES);
        var logins = new HashMap<String, Map<String, String>>();
        for (String service : DeployedKafka.SERVICES) {
            var login = new HashMap<>(kafka.environment(service));
            login.putAll(redisUsers.environment(service));
            logins.put(service, login);
        }
        settings = StackSettings.withFreshSecrets(infrastructure.kafkaBootstrapServers(), infrastructure.redisHost(),
                infrastructure.redisPort(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next())
                .tracedTo(traces.tracesUrl())
                .loggingIn(kafka.bootstrapServers(), logins);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> receive(exchange, received));
        receiver.createContext("/v2-hooks", exchange -> receive(exchange, receivedV2));
        receiver.start();
        // Management ports apart, as in the images and the local stack.
        var managementPorts = new HashMap<String, Integer>();
        for (String service : DeployedKafka.SERVICES) {
            managementPorts.put(service, FreePorts.next());
        }
        stack = Stack.start(root, settings, root.resolve("devstack/target/e2e-logs"), ServiceProcess.FAST_START,
                managementPorts);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (traces != null) {
            traces.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (redisUsers != null) {
            redisUsers.close();
        }
    }

    @Test
    void tickingALevelToTheEndShowsInProgressAndArrivesAsOneSignedWebhook() {
        var admin = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey());
        var organisation = admin.post("/admin/v1/organisations", Map.of("name", "Acme Academy"));
        assertThat(organisation.status()).as(organisation.toString()).isEqualTo(201);
        var api = JsonHttp.at(settings.gatewayUrl()).withBearer(organisation.json().get("apiKey").asString());

        var endpoint = api.post("/api/v1/webhooks/endpoints", Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "eventTypes", List.of("dev.ticklist.level.completed.v1")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String secret = endpoint.json().get("secret").asString();

        List<String> entryItems = itemsOfLevel(api.get("/api/v1/checklists/machine-learning").json(), "entry");
        var cohort = api.post("/api/v1/cohorts", Map.of("name", "Spring 2027", "checklistId", "machine-learning"));
        assertThat(cohort.status()).as(cohort.toString()).isEqualTo(201);
        String cohortId = cohort.json().get("id").asString();
        assertThat(api.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("ada"))).status())
                .isEqualTo(200);

        String ticks = "/api/v1/cohorts/" + cohortId + "/learners/ada/ticks";
        var first = api.post(ticks, Map.of("itemIds", List.of(entryItems.getFirst())));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> entryLevel(api), level -> level != null && level.get("ticked").asInt() == 1);

        var rest = api.post(ticks, Map.of("itemIds", entryItems.subList(1, entryItems.size())));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        JsonNode entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> entryLevel(api), level -> level != null && !level.get("finishedAt").isNull());
        assertThat(entry.get("percent").asDouble()).isEqualTo(100.0);

        JsonNode cohortView = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/progress/cohorts/" + cohortId).json(),
                view -> view.get("levels").size() > 0
                        && view.get("levels").get(0).get("standing").get("finished").asInt() == 1);
        assertThat(cohortView.get("overall").get("learners").asInt()).isEqualTo(1);

        var evidence = api.put(ticks + "/" + entryItems.getFirst() + "/evidence",
                Map.of("url", "https://github.com/ada/first-steps", "note", "Notes and exercises"));
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        var markdown = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/cohorts/" + cohortId + "/learners/ada/checklist"),
                answer -> answer.body().contains("  - Evidence: <https://github.com/ada/first-steps> — Notes and exercises"));
        assertThat(markdown.status()).as(markdown.toString()).isEqualTo(200);
        assertThat(markdown.body()).contains("## Entry", "- [x] Regression", "- [ ] ");
        assertThat(markdown.body().lines().filter(line -> line.startsWith("- [x] "))).hasSize(entryItems.size());

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        var webhook = received.getFirst();
        assertThat(StandardWebhooks.verify(secret, webhook.id(), webhook.timestamp(), webhook.body(), webhook.signature()))
                .as("signature verifies").isTrue();
        assertThat(StandardWebhooks.verify(secret, webhook.id(), webhook.timestamp(), webhook.body() + " ", webhook.signature()))
                .as("a changed body does not verify").isFalse();
        JsonNode payload = JsonHttp.Response.parse(webhook.body());
        assertThat(payload.get("type").asString()).isEqualTo("dev.ticklist.level.completed.v1");
        assertThat(payload.get("data").get("learnerId").asString()).isEqualTo("ada");
        assertThat(payload.get("data").get("levelId").asString()).isEqualTo("entry");

        // One trace from the request that finished the level to the webhook it caused.
        var delivery = await("the webhook's span exported").atMost(Duration.ofSeconds(10)).until(
                () -> traces.spans().stream().filter(span -> span.name().equals("webhook deliver")).findFirst(),
                Optional::isPresent).orElseThrow();
        await("every span of the trace exported").atMost(Duration.ofSeconds(10)).until(
                () -> traces.trace(delivery.traceId()).stream().map(TraceCollector.CollectedSpan::service)
                        .collect(Collectors.toSet()),
                services -> services.containsAll(List.of("gateway", "checklist-service", "progress-service",
                        "notification-service")));
        System.out.println("the trace of the tick that finished the level:\n" + traces.render(delivery.traceId()));
        assertThat(traces.trace(delivery.traceId())).extracting(TraceCollector.CollectedSpan::name)
                .contains("learner-activity apply", "milestone queue", "webhook deliver");
    }

    /**
     * docs/api.md against the whole API as the running gateway documents it: every operation in one
     * is in the other, and every path the README's tour calls is one of the document's.
     */
    @Test
    void docsApiMdListsEveryOperationOfTheWholeApiAndNoOther() {
        var document = JsonHttp.at(settings.gatewayUrl()).get("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.json().has("x-ticklist-missing-services")).as("every service's part of the document").isFalse();
        var documented = DocumentedApi.inApiMd(MarkdownPage.read(Stack.projectRoot().resolve("docs/api.md")));
        var served = DocumentedApi.inOpenApi(document.json());

        var softly = new SoftAssertions();
        softly.assertThat(served.keySet().stream().filter(key -> !documented.containsKey(key)).map(served::get).toList())
                .as("operations in the gateway's /v3/api-docs missing from docs/api.md (add a table row for each)")
                .isEmpty();
        softly.assertThat(documented.keySet().stream().filter(key -> !served.containsKey(key)).map(documented::get).toList())
                .as("operations docs/api.md lists that the gateway's /v3/api-docs lacks (gone, renamed, or a typo)")
                .isEmpty();
        var called = DocumentedApi.calledBy(MarkdownPage.read(Stack.projectRoot().resolve("README.md")));
        softly.assertThat(called).as("paths the README's tour calls").isNotEmpty();
        softly.assertThat(called.stream().filter(path -> !DocumentedApi.matchesAnyPath(path, document.json())).toList())
                .as("paths the README's tour calls that the gateway's /v3/api-docs lacks").isEmpty();
        softly.assertAll();
    }

    @Test
    void theWholeApiIsOneDocumentAndEachKeyHasABucketOfItsOwn() throws Exception {
        var document = JsonHttp.at(settings.gatewayUrl()).get("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        document.json().get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/cohorts", "/api/v1/webhooks/endpoints", "/api/v1/keys",
                        "/api/v1/share-links", "/api/v1/share-links/{linkId}",
                        "/api/v1/progress/cohorts/{cohortId}/learners/{learnerId}")
                .anyMatch(path -> path.startsWith("/api/v1/progress/"))
                .noneMatch(path -> path.startsWith("/internal"));
        assertThat(document.json().has("x-ticklist-missing-services")).isFalse();
        assertThat(OpenApiLint.errors(document.body())).as("the whole API's document, linted").isEmpty();
        assertThat(JsonHttp.at(settings.gatewayUrl()).get("/docs").status()).isIn(200, 302);

        var admin = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey());
        var busy = JsonHttp.at(settings.gatewayUrl()).withBearer(
                admin.post("/admin/v1/organisations", Map.of("name", "Busy")).json().get("apiKey").asString());
        var calm = JsonHttp.at(settings.gatewayUrl()).withBearer(
                admin.post("/admin/v1/organisations", Map.of("name", "Calm")).json().get("apiKey").asString());
        var answers = new ArrayList<JsonHttp.Response>();
        try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<JsonHttp.Response>>();
            for (int i = 0; i < 120; i++) {
                pending.add(parallel.submit(() -> busy.get("/api/v1/checklists")));
            }
            for (var answer : pending) {
                answers.add(answer.get());
            }
        }
        var limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        var other = calm.get("/api/v1/checklists");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("39");
    }

    @Test
    void kafkaTakesAnAccessEventOnlyFromTheGatewayLoggedInAsItself() {
        var record = new ProducerRecord<>("ticklist.access", "org_forged", "an api-key.issued of one's own making");

        var anonymous = new Properties();
        anonymous.put("bootstrap.servers", kafka.bootstrapServers());
        assertThat(sendFails(anonymous, record)).as("no login").isInstanceOf(TimeoutException.class);

        var wrongPassword = kafka.clientConfig("gateway");
        wrongPassword.put("sasl.jaas.config", LocalKafkaBroker.scramLogin("gateway", "guessed"));
        assertThat(sendFails(wrongPassword, record)).as("the gateway's name, a guessed password")
                .isInstanceOf(SaslAuthenticationException.class);

        for (String service : List.of("checklist-service", "progress-service", "notification-service")) {
            assertThat(sendFails(kafka.clientConfig(service), record)).as(service + "'s own login")
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** What sending {@code record} with {@code config} failed with (the cause, if it came through the future). */
    private static Throwable sendFails(Properties config, ProducerRecord<String, String> record) {
        config.put("max.block.ms", "3000");
        config.put("delivery.timeout.ms", "5000");
        config.put("request.timeout.ms", "3000");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
            throw new AssertionError("the broker took " + record + " from " + config.get("sasl.jaas.config"));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void theGatewayStartsItsOwnTraceWhateverTraceparentACallerSends() {
        var admin = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey());
        String key = admin.post("/admin/v1/organisations", Map.of("name", "Tracer")).json().get("apiKey").asString();
        String forged = "4bf92f3577b34da6a3ce929d0e0e4736";
        int before = traces.spans().size();
        var answer = JsonHttp.at(settings.gatewayUrl()).withBearer(key)
                .withHeader("traceparent", "00-" + forged + "-00f067aa0ba902b7-01").get("/api/v1/checklists");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var served = await("the routed request's spans exported").atMost(Duration.ofSeconds(10)).until(
                () -> traces.spans().stream().skip(before).filter(span -> span.service().equals("checklist-service")
                        && span.kind().equals("server") && span.name().contains("/api/v1/checklists")).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(served.traceId()).as("the trace the services saw").isNotEqualTo(forged);
        assertThat(traces.spans()).noneMatch(span -> span.traceId().equals(forged));
    }

    @Test
    void theGatewayIsTheOnlyWayIn() {
        var noKey = JsonHttp.at(settings.gatewayUrl()).get("/api/v1/checklists");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.isProblem()).isTrue();
        var wrongKey = JsonHttp.at(settings.gatewayUrl()).withBearer("tk_not-a-real-key").get("/api/v1/checklists");
        assertThat(wrongKey.status()).isEqualTo(401);
        for (ServiceProcess service : stack.services()) {
            if (!service.name().equals("gateway")) {
                var direct = JsonHttp.at(service.url()).withHeader("X-Ticklist-Organisation", "org_forged")
                        .get("/api/v1/checklists");
                assertThat(direct.status()).as(service.name()).isEqualTo(401);
                assertThat(direct.isProblem()).as(service.name()).isTrue();
            }
        }
    }

    @Test
    void everyServiceReportsLivenessReadinessAndPrometheusMetricsOnItsManagementPortOnly() throws Exception {
        var http = HttpClient.newHttpClient();
        for (ServiceProcess service : stack.services()) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                var response = http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service.name() + probe).isEqualTo(200);
                assertThat(response.body()).contains("\"UP\"");
            }
            // Health, metrics and the service's own API document: none on the port it serves on.
            for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/openapi", "/v3/api-docs")) {
                if (service.name().equals("gateway") && path.equals("/v3/api-docs")) {
                    continue; // the whole API's document, public by design
                }
                var response = http.send(HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service.name() + "'s service port, " + path).isIn(401, 404);
            }
            if (!service.name().equals("gateway")) {
                var document = http.send(HttpRequest.newBuilder(
                        URI.create(service.managementUrl() + "/actuator/openapi")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(document.statusCode()).as(service.name() + "'s own API document").isEqualTo(200);
                assertThat(document.body()).contains("\"openapi\"", "/api/v1/");
            }
            var metrics = http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"" + service.name() + "\"");
            if (service.name().equals("progress-service")) {
                assertThat(metrics.body()).contains("ticklist_progress_events_applied_total",
                        "ticklist_progress_event_age_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
                        "ticklist_progress_cohort_changes_applied_total", "ticklist_progress_rebuild_remaining",
                        "ticklist_progress_rebuild_progress");
            }
        }
    }

    /**
     * Gateway issue point 6: every row of {@link Attacks} against this same stack (organisations A
     * and B made once), each refused with the right status; then A is exactly as it was. The last
     * check sends itself every row not sent yet, so that run alone it still checks the whole table.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AttacksThroughTheGateway {

        Attacks.World world;
        Map<String, String> before;
        final Set<String> attempted = new HashSet<>();

        @BeforeAll
        void twoOrganisations() throws Exception {
            world = Attacks.World.setUp(settings);
            before = world.snapshotOfA();
        }

        @AfterAll
        void stopReceiver() {
            if (world != null) {
                world.close();
            }
        }

        Stream<Attacks.Case> attacks() {
            return Attacks.table().stream();
        }

        @Order(1)
        @ParameterizedTest(name = "{0}")
        @MethodSource("attacks")
        void isRefused(Attacks.Case attack) {
            attempted.add(attack.name());
            world.attempt(attack);
        }

        @Order(2)
        @Test
        void noAttackChangedEitherOrganisation() {
            Attacks.table().stream().filter(attack -> !attempted.contains(attack.name()))
                    .forEach(attack -> world.send(attack.request(), attack.as()));
            world.assertNoSideEffects(before);
        }
    }

    /** The web dashboard in a real browser, against this same stack. */
    @Nested
    class Dashboard extends DashboardInBrowser {

        @Override
        StackSettings settings() {
            return settings;
        }
    }

    /**
     * Every metric the alert rules and the Grafana dashboard query is served. JUnit runs nested
     * classes after the methods above, which route requests and deliver a webhook: the meters
     * registered at first use exist by then.
     */
    @Nested
    class Observability {

        @Test
        void everyMetricTheAlertsAndTheDashboardQueryIsServed() {
            var managementUrls = stack.services().stream().map(ServiceProcess::managementUrl).toList();
            // Micrometer adds a Kafka client's metrics of a partition or topic it began to use at its next refresh, once a minute.
            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                    ObservabilityQueries.assertEveryQueriedMetricIsServed(Stack.projectRoot(), managementUrls));
        }
    }

    private static void receive(com.sun.net.httpserver.HttpExchange exchange, List<ReceivedWebhook> into)
            throws java.io.IOException {
        var headers = exchange.getRequestHeaders();
        into.add(new ReceivedWebhook(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Test
    void itemStatesAndEvidenceShowInTheViewTheExportAndTheLevelsV2Webhook() {
        var admin = JsonHttp.at(settings.gatewayUrl()).withBearer(settings.adminKey());
        var organisation = admin.post("/admin/v1/organisations", Map.of("name", "Beta Bootcamp"));
        assertThat(organisation.status()).as(organisation.toString()).isEqualTo(201);
        var api = JsonHttp.at(settings.gatewayUrl()).withBearer(organisation.json().get("apiKey").asString());
        var endpoint = api.post("/api/v1/webhooks/endpoints", Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v2-hooks",
                "eventTypes", List.of("dev.ticklist.level.completed.v2")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String secret = endpoint.json().get("secret").asString();

        JsonNode checklist = api.get("/api/v1/checklists/machine-learning").json();
        List<String> entryItems = itemsOfLevel(checklist, "entry");
        String skipped = entryItems.getLast();
        String started = entryItems.get(1);
        var cohort = api.post("/api/v1/cohorts", Map.of("name", "Autumn 2027", "checklistId", "machine-learning"));
        String cohortId = cohort.json().get("id").asString();
        assertThat(api.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("bea"))).status())
                .isEqualTo(200);
        String ticks = "/api/v1/cohorts/" + cohortId + "/learners/bea/ticks";

        var skip = api.put(ticks + "/" + skipped + "/state",
                Map.of("state", "skipped", "reason", "Covered in our maths module"));
        assertThat(skip.status()).as(skip.toString()).isEqualTo(200);
        assertThat(api.put(ticks + "/" + started + "/state", Map.of("state", "in-progress")).status()).isEqualTo(200);
        var rest = new ArrayList<>(entryItems);
        rest.removeAll(List.of(skipped, started));
        var ticked = api.post(ticks, Map.of("itemIds", rest,
                "evidence", Map.of("url", "https://github.com/bea/ml-basics", "note", "Course notebook")));
        assertThat(ticked.status()).as(ticked.toString()).isEqualTo(201);
        JsonNode open = await().atMost(Duration.ofSeconds(30)).until(() -> levelOf(api, "bea", "entry"),
                level -> level != null && level.get("ticked").asInt() == rest.size());
        assertThat(open.get("skipped").asInt()).isEqualTo(1);
        assertThat(open.get("inProgress").asInt()).isEqualTo(1);
        assertThat(open.get("finishedAt").isNull()).as("an item still in progress").isTrue();

        // The item in progress done: every item done or skipped finishes the level.
        assertThat(api.put(ticks + "/" + started + "/state", Map.of("state", "done")).status()).isEqualTo(200);
        JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> levelOf(api, "bea", "entry"),
                level -> level != null && !level.get("finishedAt").isNull());
        assertThat(entry.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(entry.get("inProgress").asInt()).isZero();

        String skippedName = nameOf(checklist, skipped);
        var markdown = api.get("/api/v1/cohorts/" + cohortId + "/learners/bea/checklist");
        assertThat(markdown.status()).as(markdown.toString()).isEqualTo(200);
        assertThat(markdown.body()).contains("- [ ] ~~" + skippedName + "~~ *(skipped: Covered in our maths module)*");

        await().atMost(Duration.ofSeconds(30)).until(() -> !receivedV2.isEmpty());
        var webhook = receivedV2.getFirst();
        assertThat(StandardWebhooks.verify(secret, webhook.id(), webhook.timestamp(), webhook.body(), webhook.signature()))
                .as("signature verifies").isTrue();
        JsonNode payload = JsonHttp.Response.parse(webhook.body());
        assertThat(payload.get("type").asString()).isEqualTo("dev.ticklist.level.completed.v2");
        JsonNode data = payload.get("data");
        assertThat(data.get("learnerId").asString()).isEqualTo("bea");
        assertThat(data.get("skipped")).hasSize(1);
        assertThat(data.get("skipped").get(0).get("itemId").asString()).isEqualTo(skipped);
        assertThat(data.get("skipped").get(0).get("reason").asString()).isEqualTo("Covered in our maths module");
        var withEvidence = new ArrayList<String>();
        data.get("evidence").forEach(item -> {
            assertThat(item.get("url").asString()).isEqualTo("https://github.com/bea/ml-basics");
            withEvidence.add(item.get("itemId").asString());
        });
        assertThat(withEvidence).containsExactlyInAnyOrderElementsOf(rest);
    }

    /** The learner's level, or null while the enrolment is not applied yet (no checklist). */
    private static JsonNode levelOf(JsonHttp api, String learner, String levelId) {
        var progress = api.get("/api/v1/progress/learners/" + learner).json();
        for (JsonNode checklist : progress.get("checklists")) {
            for (JsonNode level : checklist.get("levels")) {
                if (level.get("id").asString().equals(levelId)) {
                    return level;
                }
            }
        }
        return null;
    }

    private static String nameOf(JsonNode checklist, String itemId) {
        for (JsonNode level : checklist.get("levels")) {
            for (JsonNode category : level.get("categories")) {
                for (JsonNode item : category.get("items")) {
                    if (item.get("id").asString().equals(itemId)) {
                        return item.get("name").asString();
                    }
                }
            }
        }
        throw new AssertionError("no item " + itemId);
    }

    /** Ada's Entry level, or null while the enrolment is not applied yet (no checklist). */
    private static JsonNode entryLevel(JsonHttp api) {
        return levelOf(api, "ada", "entry");
    }

    private static List<String> itemsOfLevel(JsonNode checklist, String levelId) {
        var items = new ArrayList<String>();
        for (JsonNode level : checklist.get("levels")) {
            if (level.get("id").asString().equals(levelId)) {
                level.get("categories").forEach(category ->
                        category.get("items").forEach(item -> items.add(item.get("id").asString())));
            }
        }
        return items;
    }

}
